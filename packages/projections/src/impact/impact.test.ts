import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { cmdbAsOf } from "../cmdb/projection.js";
import type { Cmdb } from "../cmdb/types.js";
import { createScenario, people, t } from "../fixtures/scenario.js";
import { impactOf, type Impact, type ImpactOptions } from "./impact.js";

function cmdbWith(cis: readonly (readonly [string, string])[], relationships: readonly (readonly [string, string, string])[]): Cmdb {
  const s = createScenario();
  s.project(people.pm, t(1), { type: "project.start", projectId: "crm", name: "CRM replacement", manager: people.pm });
  for (const [ciId, ciType] of cis) s.ci(people.cm, t(1), { type: "ci.register", ciId, ciType, name: ciId, owner: "u-1" });
  for (const [ciId, relationship, targetCiId] of relationships) s.ci(people.cm, t(2), { type: "ci.add_relationship", ciId, relationship, targetCiId });
  return cmdbAsOf(s.log());
}

function impact(cmdb: Cmdb, ciId: string, options: ImpactOptions): Impact {
  const answer = impactOf(cmdb, ciId, options);
  if (answer._tag === "Left") throw new Error(answer.left.message);
  return answer.right;
}

const crm = cmdbWith(
  [["web", "application"], ["app", "application"], ["db", "database"], ["srv", "server"], ["doc", "document"], ["lan", "network"]],
  [
    ["web", "depends_on", "app"],
    ["app", "depends_on", "db"],
    ["db", "runs_on", "srv"],
    ["app", "runs_on", "srv"],
    ["doc", "documents", "app"],
    ["lan", "connects_to", "srv"],
  ],
);

describe("impactOf", () => {
  it("finds what depends on a server, upstream, with the shortest path to each", () => {
    const found = impact(crm, "srv", { direction: "upstream" });
    expect(found.cis.map((ci) => [ci.ciId, ci.distance])).toEqual([["db", 1], ["app", 1], ["lan", 1], ["web", 2]]);
    expect(found.cis.find((ci) => ci.ciId === "web")?.path).toEqual([
      { from: "srv", type: "runs", to: "app" },
      { from: "app", type: "used_by", to: "web" },
    ]);
  });

  it("finds what the web front end depends on, downstream; documents is not a dependency", () => {
    const found = impact(crm, "web", { direction: "downstream" });
    expect(found.cis.map((ci) => ci.ciId)).toEqual(["app", "db", "srv", "lan"]);
    expect(found.cis.find((ci) => ci.ciId === "lan")?.path.map((step) => step.type)).toEqual(["depends_on", "runs_on", "connects_to"]);
  });

  it("stops at the depth asked", () => {
    expect(impact(crm, "srv", { direction: "upstream", depth: 1 }).cis.map((ci) => ci.ciId)).toEqual(["db", "app", "lan"]);
    expect(impact(crm, "srv", { direction: "upstream", depth: 0 }).cis).toEqual([]);
  });

  it("follows the relationship types asked", () => {
    expect(impact(crm, "app", { direction: "upstream", relationshipTypes: ["documents"] }).cis.map((ci) => ci.ciId)).toEqual(["doc"]);
  });

  it("ends a cycle and refuses a CI the CMDB does not hold", () => {
    const cyclic = cmdbWith([["a", "service"], ["b", "service"], ["c", "service"]], [["a", "depends_on", "b"], ["b", "depends_on", "c"], ["c", "depends_on", "a"]]);
    expect(impact(cyclic, "a", { direction: "downstream" }).cis.map((ci) => [ci.ciId, ci.distance])).toEqual([["b", 1], ["c", 2]]);
    const unknown = impactOf(cyclic, "zzz", { direction: "upstream" });
    expect(unknown._tag === "Left" && unknown.left.code).toBe("ci_unknown");
  });
});

const TYPES = ["depends_on", "runs_on", "hosted_on", "connects_to"] as const;
const graphs = fc.integer({ min: 2, max: 7 }).chain((size) =>
  fc.tuple(
    fc.constant(size),
    fc.uniqueArray(fc.tuple(fc.nat({ max: size - 1 }), fc.constantFrom(...TYPES), fc.nat({ max: size - 1 })), {
      selector: ([from, type, to]) => `${Math.min(from, to)}-${type}-${Math.max(from, to)}-${type === "connects_to" ? "" : from}`,
      maxLength: 20,
    }),
    fc.nat({ max: size - 1 }),
    fc.constantFrom("upstream" as const, "downstream" as const),
  ),
);

/** Brute-force distances: repeated relaxation over every edge in the direction asked. */
function distances(size: number, edges: readonly (readonly [number, string, number])[], start: number, direction: "upstream" | "downstream"): Map<number, number> {
  const hops: [number, number][] = edges.flatMap(([from, type, to]) => {
    const forward: [number, number] = direction === "downstream" ? [from, to] : [to, from];
    return type === "connects_to" ? [forward, [forward[1], forward[0]]] : [forward];
  });
  const best = new Map<number, number>([[start, 0]]);
  for (let round = 0; round < size; round++) {
    for (const [from, to] of hops) {
      const via = best.get(from);
      if (via !== undefined && (best.get(to) ?? Number.POSITIVE_INFINITY) > via + 1) best.set(to, via + 1);
    }
  }
  best.delete(start);
  return best;
}

describe("impact properties", () => {
  test.prop([graphs], { numRuns: 60 })("never loops on random cyclic graphs, and reaches each CI once at its shortest distance by a path that exists", ([size, edges, start, direction]) => {
    const ids = Array.from({ length: size }, (_, index) => `n${index}`);
    const valid = edges.filter(([from, , to]) => from !== to);
    const cmdb = cmdbWith(ids.map((id) => [id, "service"] as const), valid.map(([from, type, to]) => [`n${from}`, type, `n${to}`] as const));
    const found = impact(cmdb, `n${start}`, { direction });
    const expected = distances(size, valid, start, direction);
    expect(new Map(found.cis.map((ci) => [Number(ci.ciId.slice(1)), ci.distance]))).toEqual(expected);
    for (const ci of found.cis) {
      expect(ci.path).toHaveLength(ci.distance);
      expect(ci.path[0]?.from).toBe(`n${start}`);
      expect(ci.path.at(-1)?.to).toBe(ci.ciId);
      ci.path.forEach((step, index) => index > 0 && expect(step.from).toBe(ci.path[index - 1]?.to));
    }
  });
});
