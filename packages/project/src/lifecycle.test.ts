import { acceptedCommands, lifecycleTable } from "@handover/core";
import { asId } from "@handover/itil";
import { deciderSpec } from "@handover/testing";
import { describe, expect, it } from "vitest";
import type { ProjectCommand } from "./commands.js";
import { projectDecider } from "./decider.js";
import type { ProjectEvent } from "./events.js";
import { command, historyTo, ready, serviceOwnerFacts, stamp } from "./fixtures/project-fixtures.js";
import { PROJECT_STATUSES, projectLifecycle, type ProjectLifecycleCommand, type ProjectStatus } from "./lifecycle.js";

const spec = deciderSpec(projectDecider);

/** A valid command for each lifecycle command. */
const sample: Record<ProjectLifecycleCommand, ProjectCommand> = {
  start: command({ type: "project.start", name: "CRM replacement", manager: "u-pm" }),
  enter_phase: command({ type: "project.enter_phase", phase: "build", reason: "acceptance found design gaps" }),
  grant_role: command({ type: "project.grant_role", actor: "u-tester", role: "tester", reason: "joins system test" }),
  revoke_role: command({ type: "project.revoke_role", actor: "u-pm", role: "project_manager", reason: "hands the project over" }),
  agree_service_levels: command({ type: "project.agree_service_levels", serviceLevels: [{ service: "crm", targets: { "1": { responseMinutes: 15, resolutionMinutes: 240 } } }] }),
  take_baseline: command({ type: "project.take_baseline", name: "B1", kind: "project", scope: { kind: "cis", ciIds: ["crm-db"] } }),
  request_transition: command({ type: "project.request_transition" }),
  withdraw_transition: command({ type: "project.withdraw_transition", reason: "back to build" }),
  sign_off_transition: command({ type: "project.sign_off_transition" }),
  start_early_life_support: command({ type: "project.start_early_life_support" }),
  end_early_life_support: command({ type: "project.end_early_life_support" }),
  close: command({ type: "project.close", reason: "budget withdrawn" }),
};

/** The event each sample command yields from a project in deployment. */
const expected: Record<ProjectLifecycleCommand, ProjectEvent> = {
  start: { type: "project.started", data: { ...stamp, name: "CRM replacement", manager: asId.actor("u-pm"), policy: {} } },
  enter_phase: { type: "project.phase_entered", data: { ...stamp, from: "deployment", to: "build", reason: "acceptance found design gaps" } },
  grant_role: { type: "project.role_granted", data: { ...stamp, actor: asId.actor("u-tester"), role: "tester", reason: "joins system test" } },
  revoke_role: { type: "project.role_revoked", data: { ...stamp, actor: asId.actor("u-pm"), role: "project_manager", reason: "hands the project over" } },
  agree_service_levels: { type: "project.service_levels_agreed", data: { ...stamp, serviceLevels: [{ service: "crm", targets: { "1": { responseMinutes: 15, resolutionMinutes: 240 } } }] } },
  take_baseline: { type: "project.baseline_taken", data: { ...stamp, name: "B1", kind: "project", scope: { kind: "cis", ciIds: [asId.ci("crm-db")] }, cis: [{ ciId: asId.ci("crm-db"), ciType: "database", version: 3 }] } },
  request_transition: { type: "project.transition_requested", data: stamp },
  withdraw_transition: { type: "project.transition_withdrawn", data: { ...stamp, reason: "back to build" } },
  sign_off_transition: { type: "project.transition_signed_off", data: { ...stamp, readiness: ready } },
  start_early_life_support: { type: "project.early_life_support_started", data: stamp },
  end_early_life_support: { type: "project.early_life_support_ended", data: stamp },
  close: { type: "project.closed", data: { ...stamp, reason: "budget withdrawn" } },
};

const startedStatuses = PROJECT_STATUSES.filter((status): status is Exclude<ProjectStatus, "none"> => status !== "none");
const history = (status: ProjectStatus) => (status === "none" ? [] : historyTo(status));
const asServiceOwner = serviceOwnerFacts({ actor: stamp.by });

describe("project lifecycle table", () => {
  const edges = PROJECT_STATUSES.flatMap((status) => (Object.entries(projectLifecycle[status]) as [ProjectLifecycleCommand, ProjectStatus][]).map(([verb, next]) => ({ status, verb, next })));

  it.each(edges)("$status accepts $verb and leads to $next", ({ status, verb, next }) => {
    const state = spec.given(history(status)).when(sample[verb], asServiceOwner).then([expected[verb]]);
    expect(state.status).toBe(next);
  });

  const refused = startedStatuses.flatMap((status) =>
    (Object.keys(sample) as ProjectLifecycleCommand[]).filter((verb) => verb !== "start" && !(verb in projectLifecycle[status])).map((verb) => ({ status, verb })),
  );

  it.each(refused)("$status refuses $verb, naming what it accepts", ({ status, verb }) => {
    const error = spec.given(historyTo(status)).when(sample[verb], asServiceOwner).thenError("invalid_transition", `project crm: cannot "${verb}" while "${status}"`);
    const accepted = acceptedCommands(projectLifecycle, status);
    expect(error.message).toContain(accepted.length === 0 ? `"${status}" is final` : `"${status}" accepts: ${accepted.join(", ")}`);
  });

  it("refuses every command but start before the project has started", () => {
    for (const verb of Object.keys(sample) as ProjectLifecycleCommand[]) {
      if (verb !== "start") spec.given([]).when(sample[verb], asServiceOwner).thenError("project_not_started", "project crm has not started; start it with project.start first");
    }
  });

  it.each(startedStatuses)("refuses to start a project that has started (%s)", (status) => {
    spec.given(historyTo(status)).when(sample.start, asServiceOwner).thenError("project_already_started", `status ${status}`);
  });

  it("moves the phase with early life support and closing", () => {
    expect(spec.given(historyTo("signed_off")).when(sample.start_early_life_support, asServiceOwner).then([expected.start_early_life_support]).phase).toBe("early_life_support");
    expect(spec.given(historyTo("handed_over")).when(sample.close, asServiceOwner).then([expected.close]).phase).toBe("closed");
  });

  it("prints as a table for the docs", () => {
    expect(lifecycleTable(projectLifecycle)).toContain("| transition_requested | sign_off_transition | signed_off |");
    expect(lifecycleTable(projectLifecycle)).toContain("| closed | (final) | |");
  });
});
