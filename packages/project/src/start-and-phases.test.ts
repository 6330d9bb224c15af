import { describeZodError } from "@handover/core";
import { asId, defaultPolicy, resolvePolicy } from "@handover/itil";
import { deciderSpec } from "@handover/testing";
import { describe, expect, it } from "vitest";
import { ProjectCommand } from "./commands.js";
import { projectDecider } from "./decider.js";
import { command, facts, phaseEntered, stamp, started } from "./fixtures/project-fixtures.js";
import { effectivePolicy } from "./policy.js";

const spec = deciderSpec(projectDecider);
const enter = (phase: string, reason?: string) => command({ type: "project.enter_phase", phase, ...(reason === undefined ? {} : { reason }) });

describe("starting a project", () => {
  it("starts in initiation with its manager and overrides", () => {
    const overrides = { processes: { incident: { appliesFrom: "build", mode: "record" } }, ciTypes: ["queue"] };
    const state = spec.given([]).when(command({ type: "project.start", name: "CRM replacement", manager: "u-pm", policy: overrides }), facts()).then([
      { type: "project.started", data: { ...stamp, name: "CRM replacement", manager: asId.actor("u-pm"), policy: { processes: { incident: { appliesFrom: "build", mode: "record" } }, ciTypes: ["queue"] } } },
    ]);
    expect(state).toMatchObject({ status: "active", phase: "initiation", manager: "u-pm", name: "CRM replacement" });
  });

  it("refuses overrides that do not apply, with the field path", () => {
    const ragged = { priorityMatrix: { name: "ours", cells: [[1, 2], [2]] } };
    spec.given([]).when(command({ type: "project.start", name: "CRM", manager: "u-pm", policy: ragged }), facts()).thenError("invalid_policy", "project crm: its policy overrides do not apply: policy.priorityMatrix: priority matrix ours: impact row 2 has 1 urgency columns");
  });

  it("refuses overrides of the wrong shape when the command is parsed, with the field path", () => {
    const parsed = ProjectCommand.safeParse({ type: "project.start", projectId: "crm", name: "CRM", manager: "u-pm", policy: { processes: { incident: { appliesFrom: "testing" } } } });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(describeZodError(parsed.error, "command").path).toBe("command.policy.processes.incident.appliesFrom");
  });
});

describe("the effective policy", () => {
  it("is the organisation's policy with the project's overrides", () => {
    const organisation = resolvePolicy({ roles: { "u-so": ["service_owner"] } });
    if (organisation._tag === "Left") throw new Error(organisation.left);
    const state = spec.given([]).when(command({ type: "project.start", name: "CRM", manager: "u-pm", policy: { rules: { signoff_readiness: "record" }, ciTypes: ["queue"] } }), facts()).then([
      { type: "project.started", data: { ...stamp, name: "CRM", manager: asId.actor("u-pm"), policy: { rules: { signoff_readiness: "record" }, ciTypes: ["queue"] } } },
    ]);
    const policy = effectivePolicy(state, organisation.right);
    expect(policy._tag).toBe("Right");
    if (policy._tag === "Left") return;
    expect(policy.right.control.rules.signoff_readiness).toBe("record");
    expect(policy.right.control.rules.approver_role).toBe("enforce");
    expect(policy.right.ciTypes).toContain("queue");
    expect(policy.right.roles["u-so"]).toEqual(["service_owner"]);
  });

  it("defaults to the default policy, and is refused before the project starts", () => {
    const plain = spec.given([started]).when(enter("design"), facts()).then([phaseEntered("initiation", "design")]);
    expect(effectivePolicy(plain)).toEqual(resolvePolicy({}, defaultPolicy));
    expect(effectivePolicy(projectDecider.initialState)).toMatchObject({ _tag: "Left", left: { code: "project_not_started" } });
  });
});

describe("phases", () => {
  it("moves forward one phase or several, without a reason", () => {
    spec.given([started]).when(enter("design"), facts()).then([phaseEntered("initiation", "design")]);
    const state = spec.given([started]).when(enter("system_test"), facts()).then([phaseEntered("initiation", "system_test")]);
    expect(state.phase).toBe("system_test");
  });

  it("keeps a reason given on the way forward", () => {
    spec.given([started]).when(enter("build", "design done in the bid"), facts()).then([phaseEntered("initiation", "build", "design done in the bid")]);
  });

  it("refuses to go back without a reason", () => {
    spec.given([started, phaseEntered("initiation", "system_test")]).when(enter("build"), facts()).thenError("reason_required", 'going back from system_test to build needs a reason; give one in "reason"');
  });

  it("goes back with a reason, initiation included", () => {
    const given = [started, phaseEntered("initiation", "system_test")];
    spec.given(given).when(enter("build", "defects need a rebuild"), facts()).then([phaseEntered("system_test", "build", "defects need a rebuild")]);
    spec.given(given).when(enter("initiation", "scope re-planned"), facts()).then([phaseEntered("system_test", "initiation", "scope re-planned")]);
  });

  it("changes nothing when entering the phase it is in", () => {
    spec.given([started, phaseEntered("initiation", "build")]).when(enter("build"), facts()).thenNothing();
  });

  it("refuses phases that have their own commands", () => {
    spec.given([started]).when(enter("early_life_support"), facts()).thenError("phase_not_enterable", "use project.start_early_life_support");
    spec.given([started]).when(enter("closed"), facts()).thenError("phase_not_enterable", "use project.close");
  });

  it("refuses a reason that is only blanks when the command is parsed", () => {
    expect(() => enter("build", "   ")).toThrow(/expected a reason/);
  });
});
