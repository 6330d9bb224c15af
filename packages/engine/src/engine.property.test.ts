import { createInMemoryEventStore, readJsonl, sequentialIds, steppingClock, toArray, verifyChain, writeJsonl } from "@handover/core";
import type { Role } from "@handover/itil";
import fc from "fast-check";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cmdbAsOf, transitionReadiness } from "@handover/projections";
import { describe, expect, it } from "vitest";
import { createHandover } from "./create-handover.js";
import type { EngineView } from "./engine-view.js";

const roles: Record<string, Role[]> = {
  ana: ["project_manager", "change_manager", "configuration_manager"],
  ben: ["cab_member", "service_owner", "service_desk", "developer"],
  cai: ["cab_member", "release_manager", "problem_manager"],
};
const ci = fc.constantFrom("app", "db", "web", "queue");
const actor = fc.constantFrom("ana", "ben", "cai");
const phase = fc.constantFrom("design", "build", "system_test", "acceptance_test", "deployment");
const change = fc.constantFrom("C-1", "C-2");
const incident = fc.constantFrom("INC1", "INC2", "INC3");

/** A random command of the project, most of them valid in some state, many refused in others. */
const command: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  fc.record({ type: fc.constant("ci.register"), ciId: ci, ciType: fc.constantFrom("application", "database"), name: fc.constant("CI"), owner: actor }),
  fc.record({ type: fc.constantFrom("ci.start_development", "ci.start_test", "ci.put_into_production"), ciId: ci }),
  fc.record({ type: fc.constant("ci.set_attribute"), ciId: ci, name: fc.constantFrom("version", "tier"), value: fc.constantFrom("1", "2", "gold") }),
  fc.record({ type: fc.constant("ci.add_relationship"), ciId: ci, relationship: fc.constantFrom("depends_on", "hosted_on"), targetCiId: ci }),
  fc.record({ type: fc.constant("project.enter_phase"), projectId: fc.constant("p"), phase }),
  fc.record({ type: fc.constant("project.take_baseline"), projectId: fc.constant("p"), name: fc.constantFrom("b1", "b2"), kind: fc.constantFrom("project", "production"), scope: fc.constant({ kind: "all" }) }),
  fc.record({ type: fc.constant("change.raise"), changeId: change, changeType: fc.constant("normal"), scope: ci.map((id) => ({ level: "solution", ciIds: [id] })), title: fc.constant("t") }),
  fc.record({ type: fc.constant("change.assess"), changeId: change, risk: fc.constant("low"), impactSummary: fc.constant("s"), affectedCis: fc.constant([]), implementationPlan: fc.constant("p"), testPlan: fc.constant("t") }),
  fc.record({ type: fc.constant("change.vote"), changeId: change, vote: fc.constantFrom("approve", "reject"), comment: fc.constant("c") }),
  fc.record({ type: fc.constant("incident.log"), incidentId: incident, title: fc.constant("x"), impact: fc.integer({ min: 1, max: 3 }), urgency: fc.integer({ min: 1, max: 3 }) }),
  fc.record({ type: fc.constant("incident.assign"), incidentId: incident, group: fc.constant("ops") }),
  fc.record({ type: fc.constantFrom("incident.start_work", "incident.close"), incidentId: incident }),
  fc.record({ type: fc.constant("incident.resolve"), incidentId: incident, resolutionCode: fc.constant("fixed"), resolutionNotes: fc.constant("n") }),
  fc.record({ type: fc.constant("change.schedule"), changeId: change, window: fc.constant({ start: "2026-01-06T00:00:00Z", end: "2026-03-01T00:00:00Z" }) }),
  fc.record({ type: fc.constant("problem.log"), problemId: fc.constantFrom("PRB1", "PRB2"), title: fc.constant("p") }),
  fc.record({ type: fc.constant("release.plan"), releaseId: fc.constant("R-1"), version: fc.constant("1.0"), name: fc.constant("r"), changeIds: change.map((id) => [id]), cis: ci.map((id) => [{ ciId: id, version: "1" }]), backOutPlan: fc.constant("b") }),
  fc.record({ type: fc.constantFrom("project.request_transition", "project.sign_off_transition"), projectId: fc.constant("p") }),
);
const steps = fc.array(fc.tuple(command, actor), { minLength: 5, maxLength: 80, size: "max" });

function snapshot(view: EngineView): Record<string, unknown> {
  const all: Record<string, unknown> = {};
  for (const process of ["project", "configuration", "change", "incident", "release", "problem"]) {
    for (const entry of view.aggregatesOf(process)) all[entry.streamId] = { state: entry.state, version: entry.version };
  }
  return all;
}

/** One sequence, run first, that reaches every process the check below names, so it never rests on chance (each step by someone whose role permits it). */
const reachesEveryProcess: [Record<string, unknown>, string][] = [
  [{ type: "ci.add_relationship", ciId: "app", relationship: "depends_on", targetCiId: "db" }, "ana"],
  [{ type: "project.enter_phase", projectId: "p", phase: "system_test" }, "ana"],
  [{ type: "change.raise", changeId: "C-1", changeType: "normal", scope: { level: "solution", ciIds: ["app"] }, title: "t" }, "ben"],
  [{ type: "incident.log", incidentId: "INC1", title: "x", impact: 2, urgency: 2 }, "ben"],
  [{ type: "problem.log", problemId: "PRB1", title: "p" }, "cai"],
  [{ type: "release.plan", releaseId: "R-1", version: "1.0", name: "r", changeIds: ["C-1"], cis: [{ ciId: "app", version: "1" }], backOutPlan: "b" }, "cai"],
];

describe("engine, for any sequence of commands", () => {
  it("leaves a log that verifies and replays to the same aggregates, CMDB and readiness, from the store and from JSONL, as the projections compute from the log", async () => {
    const folder = await mkdtemp(join(tmpdir(), "handover-engine-"));
    const reached = new Set<string>();
    await fc.assert(
      fc.asyncProperty(steps, async (sequence) => {
        const store = createInMemoryEventStore({ clock: steppingClock("2026-01-01T00:00:00Z"), ids: sequentialIds("e") });
        const writer = createHandover({ store, clock: steppingClock("2026-01-05T00:00:00Z", 3_600_000), policy: { roles } });
        await writer.execute({ type: "project.start", projectId: "p", name: "P", manager: "ana" }, { actor: "ana" });
        for (const id of ["app", "db"]) await writer.execute({ type: "ci.register", ciId: id, ciType: "application", name: id, owner: "ana" }, { actor: "ana" });
        let accepted = 2;
        for (const [next, by] of sequence) {
          const before = (await store.head()).position;
          const result = await writer.executeUnknown(next, { actor: by });
          const after = (await store.head()).position;
          if (result._tag === "Right") accepted += result.right.events.length;
          if (result._tag === "Right") for (const event of result.right.events) reached.add(event.type);
          else expect(after, `${String(next.type)} was refused but appended`).toBe(before);
        }
        const log = await toArray(store.readAll());
        expect(verifyChain(log)).toMatchObject({ ok: true, count: accepted + 1 });
        const written = snapshot(await writer.view());
        const models = await writer.readModels();
        expect(models.cmdb).toEqual(cmdbAsOf(log));
        expect(models.readiness).toEqual(transitionReadiness(log, "p"));
        const reopened = createHandover({ store, policy: { roles } });
        expect(snapshot(await reopened.view())).toEqual(written);
        expect(await reopened.readModels()).toEqual(models);
        const path = join(folder, "log.jsonl");
        await writeJsonl(path, log);
        const copy = createInMemoryEventStore();
        await copy.importLog(readJsonl(path));
        const fromJsonl = createHandover({ store: copy, policy: { roles } });
        expect(snapshot(await fromJsonl.view())).toEqual(written);
        expect(await fromJsonl.readModels()).toEqual(models);
      }),
      { numRuns: 40, examples: [[reachesEveryProcess]] },
    );
    for (const type of ["configuration.ci_registered", "configuration.relationship_added", "project.phase_entered", "change.raised", "incident.logged", "problem.logged", "release.planned"]) {
      expect(reached, `no run reached ${type}; reached: ${[...reached].sort().join(", ")}`).toContain(type);
    }
  });
});
