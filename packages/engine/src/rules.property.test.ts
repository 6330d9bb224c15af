import { steppingClock, toArray, type RecordedEvent } from "@handover/core";
import { CROSS_PROCESS_RULES, type Role } from "@handover/itil";
import { auditFindings } from "@handover/projections";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createHandover } from "./create-handover.js";

const roles: Record<string, Role[]> = {
  ana: ["project_manager", "change_manager", "configuration_manager"],
  ben: ["cab_member", "service_owner", "release_manager"],
  cai: ["cab_member", "ecab_member", "change_manager"],
  dee: ["developer"],
};
const actor = fc.constantFrom("ana", "ben", "cai", "dee");
const ci = fc.constantFrom("app", "db");
const change = fc.constantFrom("C-1", "C-2", "E-1");
const incident = fc.constantFrom("INC1", "INC2");
const window = fc.constantFrom({ start: "2026-01-05T00:00:00Z", end: "2026-03-01T00:00:00Z" }, { start: "2026-01-05T00:00:00Z", end: "2026-01-06T12:00:00Z" });
const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });
const record = (fields: Record<string, fc.Arbitrary<unknown>>) => fc.record(fields).map((command) => Object.fromEntries(Object.entries(command).filter(([, value]) => value !== undefined)));

/** Commands of every process, shaped to meet every rule both ways: the right or wrong actor, phase, change, window, plan, test. */
const command: fc.Arbitrary<Record<string, unknown>> = fc.oneof(
  record({ type: fc.constant("project.enter_phase"), projectId: fc.constant("p"), phase: fc.constantFrom("build", "system_test", "acceptance_test", "deployment"), reason: fc.constant("re-plan") }),
  record({ type: fc.constant("project.take_baseline"), projectId: fc.constant("p"), name: fc.constantFrom("b1", "b2", "b3"), kind: fc.constantFrom("project", "production"), scope: fc.constant({ kind: "all" }) }),
  record({ type: fc.constant("project.agree_service_levels"), projectId: fc.constant("p"), serviceLevels: fc.constant([{ service: "svc", targets: { "1": { responseMinutes: 10, resolutionMinutes: 60 } } }]) }),
  record({ type: fc.constantFrom("project.request_transition", "project.withdraw_transition"), projectId: fc.constant("p"), reason: fc.constant("not yet") }).map(({ reason, ...rest }) => (rest.type === "project.withdraw_transition" ? { ...rest, reason } : rest)),
  record({ type: fc.constant("project.sign_off_transition"), projectId: fc.constant("p"), overrideReason: maybe(fc.constant("date is fixed")) }),
  record({ type: fc.constant("ci.register"), ciId: fc.constantFrom("svc", "web"), ciType: fc.constantFrom("service", "application"), name: fc.constant("CI"), owner: actor, changeId: maybe(change) }),
  record({ type: fc.constantFrom("ci.start_development", "ci.start_test", "ci.put_into_production", "ci.retire"), ciId: ci, changeId: maybe(change) }),
  record({ type: fc.constant("ci.set_attribute"), ciId: ci, name: fc.constantFrom("version", "tier"), value: fc.constantFrom("1", "2"), changeId: maybe(change) }),
  record({ type: fc.constant("change.raise"), changeId: fc.constantFrom("C-1", "C-2"), changeType: fc.constant("normal"), scope: ci.map((id) => ({ level: "solution", ciIds: [id] })), title: fc.constant("t") }),
  record({ type: fc.constant("change.raise"), changeId: fc.constant("E-1"), changeType: fc.constant("emergency"), scope: fc.constant({ level: "solution", ciIds: ["db"] }), title: fc.constant("hotfix") }),
  record({ type: fc.constant("change.assess"), changeId: change, risk: fc.constantFrom("low", "medium"), impactSummary: fc.constant("s"), affectedCis: fc.constant([]), implementationPlan: fc.constant("p"), testPlan: fc.constant("t"), backOutPlan: maybe(fc.constant("undo")) }),
  record({ type: fc.constant("change.vote"), changeId: change, vote: fc.constantFrom("approve", "approve", "reject"), comment: fc.constant("c") }),
  record({ type: fc.constant("change.schedule"), changeId: change, window }),
  record({ type: fc.constantFrom("change.start_implementation", "change.close"), changeId: change }),
  record({ type: fc.constant("change.complete_implementation"), changeId: change, outcome: fc.constantFrom("successful", "failed") }),
  record({ type: fc.constant("change.review"), changeId: change, result: fc.constantFrom("successful", "unsuccessful"), lessons: fc.constant("l"), explanation: maybe(fc.constant("why")) }),
  record({ type: fc.constant("change.answer_rejection"), changeId: change, acceptedReason: maybe(fc.constant("accepted")), followUpChangeId: maybe(change) }),
  record({ type: fc.constant("ci.withdraw"), ciId: ci, reason: fc.constant("never goes live"), changeId: maybe(change) }),
  record({ type: fc.constant("release.plan"), releaseId: fc.constant("R-1"), version: fc.constant("1.0"), name: fc.constant("r"), changeIds: change.map((id) => [id]), cis: fc.constant([{ ciId: "app", version: "1" }]), backOutPlan: maybe(fc.constant("b")) }),
  record({ type: fc.constant("release.build"), releaseId: fc.constant("R-1"), artifact: fc.constant("a"), checksum: fc.constant("c") }),
  record({ type: fc.constant("release.start_test_iteration"), releaseId: fc.constant("R-1"), environment: fc.constant("uat") }),
  record({ type: fc.constantFrom("release.pass_test_iteration", "release.approve"), releaseId: fc.constant("R-1") }),
  record({ type: fc.constant("release.fail_test_iteration"), releaseId: fc.constant("R-1"), failedCases: fc.constant(["x"]), incidentIds: fc.constant([]) }),
  record({ type: fc.constant("release.deploy"), releaseId: fc.constant("R-1"), environment: fc.constantFrom("test", "production") }),
  record({ type: fc.constant("incident.log"), incidentId: incident, title: fc.constant("x"), impact: fc.integer({ min: 1, max: 3 }), urgency: fc.integer({ min: 1, max: 3 }) }),
  record({ type: fc.constant("problem.log"), problemId: fc.constant("PRB1"), title: fc.constant("p") }),
  record({ type: fc.constant("problem.resolve"), problemId: fc.constant("PRB1"), changeId: change }),
  record({ type: fc.constant("project.grant_role"), projectId: fc.constant("p"), actor, role: fc.constantFrom("service_desk", "release_manager", "change_manager", "tester") }),
  record({ type: fc.constant("project.revoke_role"), projectId: fc.constant("p"), actor, role: fc.constantFrom("service_desk", "release_manager", "change_manager", "cab_member"), reason: fc.constant("moved on") }),
  record({ type: fc.constant("incident.link_ci"), incidentId: incident, ciId: fc.constantFrom("app", "ghost") }),
  record({ type: fc.constant("incident.link_problem"), incidentId: incident, problemId: fc.constantFrom("PRB1", "PRB9") }),
);
/** Walks that reach what random steps seldom do: an emergency change to closing (with or without its retrospective review), a project to sign-off. */
const walks: Readonly<Record<string, readonly Record<string, unknown>[]>> = {
  "walk.emergency": [
    { type: "change.raise", changeId: "E-1", changeType: "emergency", scope: { level: "solution", ciIds: ["db"] }, title: "hotfix" },
    { type: "change.assess", changeId: "E-1", risk: "low", impactSummary: "s", affectedCis: [], implementationPlan: "p", testPlan: "t" },
    { type: "change.vote", changeId: "E-1", vote: "approve", comment: "go" },
    { type: "change.start_implementation", changeId: "E-1" },
    { type: "ci.set_attribute", ciId: "db", name: "patch", value: "1", changeId: "E-1" },
    { type: "change.complete_implementation", changeId: "E-1", outcome: "successful" },
    { type: "ci.set_attribute", ciId: "db", name: "patch", value: "2", changeId: "E-1" },
    { type: "change.review", changeId: "E-1", result: "successful", lessons: "l" },
    { type: "change.close", changeId: "E-1" },
  ],
  "walk.handover": [
    { type: "project.enter_phase", projectId: "p", phase: "deployment" },
    { type: "project.request_transition", projectId: "p" },
    { type: "project.sign_off_transition", projectId: "p" },
  ],
};
/** One history that breaks every rule at least once, run first by each property, so the coverage check below never rests on chance. */
const breaksEveryRule: readonly (readonly [Record<string, unknown>, string])[] = [
  [{ type: "change.raise", changeId: "C-1", changeType: "normal", scope: { level: "solution", ciIds: ["app"] }, title: "t" }, "ben"],
  [{ type: "change.assess", changeId: "C-1", risk: "medium", impactSummary: "s", affectedCis: [], implementationPlan: "p", testPlan: "t" }, "ben"],
  [{ type: "change.vote", changeId: "C-1", vote: "approve", comment: "mine" }, "ben"],
  [{ type: "change.vote", changeId: "C-1", vote: "approve", comment: "not my role" }, "dee"],
  [{ type: "walk.emergency" }, "ana"],
  [{ type: "change.raise", changeId: "E-1", changeType: "emergency", scope: { level: "solution", ciIds: ["db"] }, title: "again" }, "ana"],
  [{ type: "change.close", changeId: "E-1" }, "cai"],
  [{ type: "release.plan", releaseId: "R-1", version: "1.0", name: "r", changeIds: ["C-2"], cis: [{ ciId: "app", version: "1" }] }, "ben"],
  [{ type: "release.build", releaseId: "R-1", artifact: "a", checksum: "c" }, "ben"],
  [{ type: "release.approve", releaseId: "R-1" }, "ben"],
  [{ type: "release.approve", releaseId: "R-1" }, "dee"],
  [{ type: "release.deploy", releaseId: "R-1", environment: "production" }, "ben"],
  [{ type: "incident.log", incidentId: "INC1", title: "x", impact: 1, urgency: 1 }, "dee"],
  [{ type: "project.enter_phase", projectId: "p", phase: "system_test", reason: "on plan" }, "ana"],
  [{ type: "ci.set_attribute", ciId: "app", name: "tier", value: "1" }, "ana"],
  [{ type: "walk.handover" }, "ana"],
  [{ type: "project.grant_role", projectId: "p", actor: "ana", role: "service_desk" }, "ana"],
  [{ type: "incident.link_ci", incidentId: "INC1", ciId: "ghost" }, "ana"],
];
const step = fc.oneof({ arbitrary: fc.tuple(command, actor), weight: 12 }, { arbitrary: fc.tuple(fc.constantFrom("walk.emergency", "walk.handover").map((type) => ({ type })), actor), weight: 1 });
const steps = fc.array(step, { minLength: 10, maxLength: 90, size: "max" });

/** Every rule of the policy in one mode, and every process's phase gate too. */
function policyIn(mode: "enforce" | "record") {
  const processes = Object.fromEntries(["configuration", "project_change", "solution_change", "incident", "problem", "release"].map((process) => [process, { mode }]));
  return { roles, rules: Object.fromEntries(CROSS_PROCESS_RULES.map((rule) => [rule, mode])), processes };
}

/** Runs the steps through an engine under the policy; the problem walked to a known error so its resolution is judged. */
async function history(sequence: readonly (readonly [Record<string, unknown>, string])[], mode: "enforce" | "record"): Promise<{ log: RecordedEvent[]; policy: ReturnType<typeof createHandover>["policy"] }> {
  const handover = createHandover({ clock: steppingClock("2026-01-05T08:00:00Z", 3_600_000), policy: policyIn(mode) });
  await handover.executeUnknown({ type: "project.start", projectId: "p", name: "P", manager: "ana" }, { actor: "ana" });
  for (const id of ["app", "db"]) await handover.executeUnknown({ type: "ci.register", ciId: id, ciType: "application", name: id, owner: "ana" }, { actor: "ana" });
  for (const [next, by] of sequence) {
    const walk = walks[String(next.type)];
    if (walk !== undefined) {
      for (const [index, walked] of walk.entries()) await handover.executeUnknown(walked, { actor: index % 2 === 0 ? by : "cai" });
      continue;
    }
    await handover.executeUnknown(next, { actor: by });
    if (next.type === "problem.log") {
      for (const step of [{ type: "problem.investigate", investigator: "ana" }, { type: "problem.identify_root_cause", rootCause: "r" }, { type: "problem.record_known_error", symptom: "s", workaround: "w", ciIds: [] }]) {
        await handover.executeUnknown({ ...step, problemId: "PRB1" }, { actor: "ana" });
      }
    }
  }
  return { log: await toArray(handover.log()), policy: handover.policy };
}

const breachKey = (position: number, rule: string, message: string) => `${position} ${rule}: ${message}`;
const stripped = (log: readonly RecordedEvent[]): RecordedEvent[] =>
  log.map((event) => {
    const { recordedBreaches: _dropped, ...meta } = event.meta;
    return { ...event, meta };
  });

describe("one rule, one place: a decision and the audit replay judge by the same functions", () => {
  it("in record mode, every breach an event records is what replay alone finds on the log stripped of recordedBreaches, and nothing else", async () => {
    const reached = new Set<string>();
    const reachedSegregation = new Set<string>();
    await fc.assert(
      fc.asyncProperty(steps, async (sequence) => {
        const { log, policy } = await history(sequence, "record");
        const recorded = log.flatMap((event) => (event.meta.recordedBreaches ?? []).map((breach) => breachKey(event.position, breach.rule, breach.message)));
        for (const event of log) for (const breach of event.meta.recordedBreaches ?? []) reached.add(breach.rule);
        for (const event of log) {
          if (!(event.meta.recordedBreaches ?? []).some((breach) => breach.rule === "segregation_of_duties")) continue;
          reachedSegregation.add(event.type === "change.reviewed" ? "review" : event.type === "project.role_granted" ? "grant" : "vote");
        }
        const replayed = (await auditFindings(stripped(log), policy)).findings.flatMap((finding) => (finding.rule === undefined ? [] : [breachKey(finding.position, finding.rule, finding.message)]));
        expect(replayed.sort()).toEqual(recorded.sort());
      }),
      { numRuns: 60, examples: [[breaksEveryRule]] },
    );
    expect([...reached].sort()).toEqual([...CROSS_PROCESS_RULES, "phase_gate"].sort());
    expect(reachedSegregation).toEqual(new Set(["vote", "review", "grant"]));
  }, 240_000);

  it("in enforce mode, no command the rules accepted is one replay flags", async () => {
    await fc.assert(
      fc.asyncProperty(steps, async (sequence) => {
        const { log, policy } = await history(sequence, "enforce");
        expect(log.every((event) => event.meta.recordedBreaches === undefined)).toBe(true);
        const flagged = (await auditFindings(log, policy)).findings.filter((finding) => finding.rule !== undefined);
        expect(flagged).toEqual([]);
      }),
      { numRuns: 60, examples: [[breaksEveryRule]] },
    );
  }, 240_000);
});
