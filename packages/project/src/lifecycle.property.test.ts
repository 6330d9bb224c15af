import { fold, type Lifecycle, type RecordedBreach } from "@handover/core";
import { decideWithRules, defaultPolicy, phaseIndex, PROJECT_PHASES, resolvePolicy, type HandoverPolicy } from "@handover/itil";
import fc from "fast-check";
import { produce } from "immer";
import { describe, expect, it } from "vitest";
import { ProjectCommand } from "./commands.js";
import { projectDecider } from "./decider.js";
import { projectCatalogue, type ProjectEvent } from "./events.js";
import { projectProcess } from "./descriptor.js";
import type { ProjectFacts } from "./facts.js";
import type { ProjectRuleFacts } from "./rules.js";
import { at, notReady, projectCis, ready, statusesOf } from "./fixtures/project-fixtures.js";
import { enteredWithEnterPhase, lifecycleCommandOf, projectLifecycle, type ProjectLifecycleCommand, type ProjectStatus } from "./lifecycle.js";
import type { ProjectState } from "./state.js";

const table: Lifecycle<ProjectStatus, ProjectLifecycleCommand> = projectLifecycle;
const recorded = resolvePolicy({ rules: { approver_role: "record", signoff_readiness: "record" } });
const policies: HandoverPolicy[] = [defaultPolicy, recorded._tag === "Right" ? recorded.right : defaultPolicy];
const reason = fc.option(fc.constantFrom("re-plan", "defects found"), { nil: undefined, freq: 2 });
const onCrm = (fields: Record<string, unknown>) => ProjectCommand.parse({ projectId: "crm", ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) });

const commands: fc.Arbitrary<ProjectCommand>[] = [
  fc.constant(onCrm({ type: "project.start", name: "CRM", manager: "u-pm" })),
  reason.map((why) => onCrm({ type: "project.enter_phase", phase: "deployment", reason: why })),
  fc.tuple(fc.constantFrom(...PROJECT_PHASES), reason).map(([phase, why]) => onCrm({ type: "project.enter_phase", phase, reason: why })),
  fc.tuple(fc.constantFrom(...PROJECT_PHASES), reason).map(([phase, why]) => onCrm({ type: "project.enter_phase", phase, reason: why })),
  fc.subarray(["crm", "mail"], { minLength: 1 }).map((services) => onCrm({ type: "project.agree_service_levels", serviceLevels: services.map((service) => ({ service, targets: { "2": { responseMinutes: 30, resolutionMinutes: 480 } } })) })),
  fc
    .tuple(fc.constantFrom("B1", "B2", "B3"), fc.constantFrom("project", "production"), fc.constantFrom({ kind: "all" }, { kind: "types", ciTypes: ["database"] }, { kind: "cis", ciIds: ["crm-db", "old-db"] }, { kind: "cis", ciIds: ["db-01"] }))
    .map(([name, kind, scope]) => onCrm({ type: "project.take_baseline", name, kind, scope })),
  fc.constant(onCrm({ type: "project.withdraw_transition", reason: "not yet" })),
  fc.constantFrom(undefined, undefined, undefined, "cancelled").map((why) => onCrm({ type: "project.close", reason: why })),
];
/** The handover steps, listed more than once so that runs get far enough to sign off and hand over. */
const handoverSteps: fc.Arbitrary<ProjectCommand>[] = [
  fc.constant(onCrm({ type: "project.request_transition" })),
  reason.map((overrideReason) => onCrm({ type: "project.sign_off_transition", overrideReason })),
  fc.constantFrom("project.start_early_life_support", "project.end_early_life_support").map((type) => onCrm({ type })),
];

const factsArbitrary: fc.Arbitrary<ProjectFacts & ProjectRuleFacts> = fc
  .record({ serviceOwner: fc.boolean(), isReady: fc.boolean(), policy: fc.constantFrom(...policies) })
  .map(({ serviceOwner, isReady, policy }) => {
    const roles = serviceOwner ? (["service_owner"] as const) : (["project_manager", "configuration_manager"] as const);
    return { actor: "u-1", at, roles, exists: () => true, rolesOf: () => roles, phase: "deployment", policy, readiness: isReady ? ready : notReady, cis: projectCis, ciStatus: statusesOf(projectCis) };
  });

const start = fc.record({ command: commands[0] ?? fc.constant(onCrm({ type: "project.start", name: "CRM", manager: "u-pm" })), facts: factsArbitrary });
const steps = fc
  .tuple(start, fc.array(fc.oneof(...[...commands, ...handoverSteps, ...handoverSteps].map((command) => fc.record({ command, facts: factsArbitrary }))), { maxLength: 60, size: "max" }))
  .map(([first, rest]) => [first, ...rest]);
/** How often the runs reached what the invariants are about, so the property cannot pass by never getting there. */
const reached = new Map<string, number>();
const count = (what: string) => reached.set(what, (reached.get(what) ?? 0) + 1);
const workingPhases = new Set(PROJECT_PHASES.filter(enteredWithEnterPhase));
const phaseOfStatus: Partial<Record<ProjectStatus, string>> = { early_life_support: "early_life_support", handed_over: "early_life_support", closed: "closed" };

function checkEvent(event: ProjectEvent, before: ProjectState, command: ProjectCommand, facts: ProjectFacts, breaches: readonly RecordedBreach[]): void {
  expect(projectCatalogue.validate(event)._tag).toBe("Right");
  if (event.type === "project.phase_entered") {
    expect(event.data.from).toBe(before.phase);
    expect(workingPhases.has(event.data.to)).toBe(true);
    if (phaseIndex(event.data.to) < phaseIndex(event.data.from)) expect(event.data.reason).toBeDefined();
  }
  if (event.type === "project.transition_requested") expect(before.phase).toBe("deployment");
  if (event.type === "project.transition_signed_off") {
    const rules = facts.policy.control.rules;
    const roleBreach = !facts.roles.includes("service_owner");
    const readinessBreach = facts.readiness?.ready === false && (command.type !== "project.sign_off_transition" || command.overrideReason === undefined);
    expect(breaches.map((breach) => breach.rule)).toEqual([...(roleBreach ? ["approver_role"] : []), ...(readinessBreach ? ["signoff_readiness"] : [])]);
    if (roleBreach) expect(rules.approver_role).toBe("record");
    if (readinessBreach) expect(rules.signoff_readiness).toBe("record");
  }
  if (event.type === "project.baseline_taken") {
    const inService = new Set(projectCis.filter((ci) => ci.status !== "retired").map((ci) => ci.ciId as string));
    const ids = event.data.cis.map((ci) => ci.ciId as string);
    expect(ids.every((ciId) => inService.has(ciId))).toBe(true);
    expect(ids).toEqual([...new Set(ids)].sort());
  }
}

function checkState(state: ProjectState): void {
  const names = state.baselines.map((baseline) => baseline.name);
  expect(new Set(names).size).toBe(names.length);
  const phase = phaseOfStatus[state.status];
  if (state.status !== "none") expect(phase === undefined ? workingPhases.has(state.phase) : state.phase === phase).toBe(true);
}

/** A seed whose 300 sequences reach each milestone at least three times on their own. */
const FIXED_SEED = 20261204;

describe("any sequence of project commands", () => {
  it("moves only along the tables, goes back a phase only with a reason, and records every breach it accepts", () => {
    const property = fc.property(steps, (sequence) => {
      let state: ProjectState = projectDecider.initialState;
      const log: ProjectEvent[] = [];
      for (const { command, facts } of sequence) {
        const decided = decideWithRules(projectProcess, command, state, facts, () => facts);
        if (decided._tag === "Left") continue;
        const decision = { right: decided.right.events };
        decision.right.forEach((event, index) => {
          const breaches = decided.right.breaches[index] ?? [];
          checkEvent(event, state, command, facts, breaches);
          count(event.type === "project.phase_entered" && phaseIndex(event.data.to) < phaseIndex(event.data.from) ? "back a phase" : event.type);
          breaches.forEach((breach) => count(breach.rule));
        });
        const before = state;
        state = produce(state, (draft) => {
          for (const event of decision.right) projectDecider.evolve(draft, event);
        });
        if (decision.right.length > 0) expect(state.status).toBe(table[before.status][lifecycleCommandOf(command.type)]);
        checkState(state);
        log.push(...decision.right);
      }
      expect(fold(projectDecider, log)).toEqual(state);
    });
    fc.assert(property, { numRuns: 300 });
    // Then 300 of a fixed seed that reaches every milestone below, so the coverage check never rests on chance (a random 300 once ended early life support only twice and failed CI).
    fc.assert(property, { numRuns: 300, seed: FIXED_SEED });
    const milestones = ["back a phase", "project.transition_signed_off", "approver_role", "signoff_readiness", "project.baseline_taken", "project.early_life_support_ended", "project.closed"];
    for (const what of milestones) {
      expect(reached.get(what) ?? 0, what).toBeGreaterThan(2);
    }
  });
});
