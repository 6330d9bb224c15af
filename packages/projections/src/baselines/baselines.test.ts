import { describe, expect, it } from "vitest";
import { crmDriftStory } from "../fixtures/crm-story.js";
import { t } from "../fixtures/scenario.js";
import { baseline } from "./baseline.js";
import type { BaselineContents } from "./contents.js";
import { applyBaselineDiff, diffBaselines, isEmptyDiff } from "./diff.js";
import { compareBaselines } from "./compare.js";
import { drift } from "./drift.js";

const log = crmDriftStory().log();

function contents(name: string): BaselineContents {
  const found = baseline(log, name);
  if (found._tag === "Left") throw new Error(found.left.message);
  return found.right;
}

describe("baseline", () => {
  it("derives a production baseline's contents as the log stood at its event", () => {
    const goLive = contents("go-live");
    expect(goLive).toMatchObject({ name: "go-live", projectId: "crm", kind: "production", scope: { kind: "all" }, at: t(10), unresolved: [] });
    expect(goLive.cis.map((item) => item.ciId)).toEqual(["crm-app", "crm-db", "crm-web"]);
    expect(goLive.cis[1]).toEqual({
      ciId: "crm-db",
      ciType: "database",
      name: "crm-db name",
      owner: "owner-crm-db",
      status: "in_test",
      version: 4,
      attributes: { engine: "postgres", version: "15", size: "large" },
      relationships: [],
    });
    expect(goLive.cis[0]?.relationships).toEqual([{ type: "depends_on", targetCiId: "crm-db" }]);
  });

  it("derives a project baseline of some types the same way", () => {
    const freeze = contents("design-freeze");
    expect(freeze.cis).toEqual([expect.objectContaining({ ciId: "crm-db", version: 1, attributes: { engine: "postgres", version: "15" } })]);
  });

  it("refuses a name the log does not hold, naming the baselines it holds", () => {
    const missing = baseline(log, "nope");
    expect(missing._tag === "Left" && missing.left.message).toBe('no baseline "nope" in the log read; it holds "design-freeze", "go-live", "release-2"');
    const otherProject = baseline(log, "go-live", { projectId: "erp" });
    expect(otherProject._tag === "Left" && otherProject.left.code).toBe("baseline_unknown");
  });

  it("reads an async log and stops at the baseline", async () => {
    let read = 0;
    async function* stream() {
      for (const event of log) {
        read++;
        yield event;
      }
    }
    expect(await baseline(stream(), "design-freeze")).toEqual(baseline(log, "design-freeze"));
    expect(read).toBe(contents("design-freeze").position);
  });
});

describe("diffBaselines", () => {
  it("lists CIs added, attribute changes old → new and relationship changes between two baselines", () => {
    const diff = diffBaselines(contents("design-freeze"), contents("go-live"));
    expect(diff.added.map((item) => item.ciId)).toEqual(["crm-app", "crm-web"]);
    expect(diff.removed).toEqual([]);
    expect(diff.changed).toEqual([{ ciId: "crm-db", fields: [
          { field: "status", oldValue: "planned", newValue: "in_test" },
          { field: "version", oldValue: 1, newValue: 4 },
        ], attributes: [{ name: "size", newValue: "large" }] }]);
    expect(diffBaselines(contents("go-live"), contents("design-freeze")).removed.map((item) => item.ciId)).toEqual(["crm-app", "crm-web"]);
  });

  it("is empty for a baseline against itself, and applying it gives the other side", () => {
    const goLive = contents("go-live");
    expect(isEmptyDiff(diffBaselines(goLive, goLive))).toBe(true);
    const freeze = contents("design-freeze");
    expect(applyBaselineDiff(freeze, diffBaselines(freeze, goLive))).toEqual(goLive.cis);
  });
});

describe("drift", () => {
  it("tags each difference since the go-live baseline authorised or not, with the events as evidence (by CI, then log order)", () => {
    const found = drift(contents("go-live"), log);
    const summary = found.differences.map((difference) => {
      const { kind, ciId, authorised } = difference;
      const what = "name" in difference ? difference.name : "field" in difference ? difference.field : "targetCiId" in difference ? difference.targetCiId : "";
      return [kind, ciId, what, authorised, difference.evidence.map((each) => each.position)];
    });
    const positionOf = (type: string, at: string) => log.find((event) => event.type === type && event.meta.occurredAt === at)?.position;
    expect(summary).toEqual([
      ["ci_added", "crm-cache", "", false, [positionOf("configuration.ci_registered", t(15)), positionOf("configuration.ci_status_changed", t(16, "07:00")), positionOf("configuration.ci_status_changed", t(16, "07:01"))]],
      ["attribute_changed", "crm-db", "version", true, [positionOf("configuration.attribute_set", t(12, "22:30"))]],
      ["attribute_changed", "crm-db", "engine", false, [positionOf("configuration.attribute_set", t(13))]],
      ["relationship_added", "crm-web", "crm-app", false, [positionOf("configuration.relationship_added", t(14))]],
      ["field_changed", "crm-web", "owner", false, [positionOf("configuration.owner_transferred", t(14, "10:00"))]],
    ]);
    expect(found).toMatchObject({ authorised: 1, unauthorised: 4, baseline: { name: "go-live", projectId: "crm" } });
    const engine = found.differences.find((difference) => difference.kind === "attribute_changed" && difference.name === "engine");
    expect(engine).toMatchObject({ oldValue: "postgres", newValue: "postgres-ha", evidence: [{ changeId: "C-1", reason: `the window of change C-1 (${t(12, "22:00")} to ${t(12, "23:30")}) does not contain ${t(13)}` }] });
  });

  it("answers as of a time: before the unauthorised changes only the authorised one shows", () => {
    const found = drift(contents("go-live"), log, { asOf: t(12, "23:59") });
    expect(found.differences.map((difference) => [difference.kind, difference.authorised])).toEqual([["attribute_changed", true]]);
  });

  it("is empty right at the baseline", () => {
    const goLive = contents("go-live");
    expect(drift(goLive, log, { toPosition: goLive.position }).differences).toEqual([]);
  });
});

describe("compareBaselines", () => {
  const verdicts = (differences: readonly { kind: string; ciId: string; authorised: boolean; evidence: readonly { position: number }[] }[]) =>
    differences.map((difference) => [difference.kind, difference.ciId, difference.authorised, difference.evidence.map((each) => each.position)]);

  it("tags every difference between two baselines authorised or not, with the events between them as evidence", () => {
    const compared = compareBaselines(contents("go-live"), contents("release-2"), log);
    const cmdbDrift = drift(contents("go-live"), log);
    expect(verdicts(compared.differences)).toEqual(verdicts(cmdbDrift.differences));
    expect(compared).toMatchObject({ from: { name: "go-live" }, to: { name: "release-2" }, authorised: 1, unauthorised: 4 });
    expect(compared.diff).toEqual(diffBaselines(contents("go-live"), contents("release-2")));
    expect(compared.differences.find((difference) => difference.authorised)?.evidence).toEqual([expect.objectContaining({ changeId: "C-1", reason: expect.stringContaining("change C-1 authorises crm-db") })]);
  });

  it("compares the other way round with the same evidence: what was added is removed", () => {
    const backwards = compareBaselines(contents("release-2"), contents("go-live"), log);
    expect(backwards.differences.map((difference) => difference.kind)).toContain("ci_removed");
    expect(backwards).toMatchObject({ authorised: 1, unauthorised: 4 });
  });

  it("finds nothing between a baseline and itself, and reads an async log the same way", async () => {
    const goLive = contents("go-live");
    expect(compareBaselines(goLive, goLive, log)).toMatchObject({ differences: [], authorised: 0, unauthorised: 0 });
    async function* streamed() {
      yield* log;
    }
    expect(await compareBaselines(goLive, contents("release-2"), streamed())).toEqual(compareBaselines(goLive, contents("release-2"), log));
  });
});
