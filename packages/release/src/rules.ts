import { instantInSpan, permissionRule, phaseGateRule, referencesRule, type Breach, type Permission, type Reference, type Role, type Rule, type RuleContext } from "@handover/itil";
import { releaseErrors, releaseLabel } from "./errors.js";
import type { ReleaseEvent } from "./events.js";
import { awaitsApproval, hasBackOutPlan, latestBuild, whyNotTested } from "./queries.js";
import type { ReleaseState } from "./state.js";

/** What the engine knows of one change a release bundles. */
export interface ReleaseChangeFact {
  /** The change's lifecycle state (`assessed`, `authorised`, `closed`, …), for messages. */
  readonly status: string;
  /** True when the change was authorised and not cancelled since: `isChangeAuthorised` of `@handover/change`. */
  readonly authorised: boolean;
  /** The window in which the change covers work (`coverageWindow` of `@handover/change`), when it has one; an open end while an emergency runs. */
  readonly window?: { readonly start: string; readonly end?: string };
}

/**
 * What release management's rules read besides the release: the rule context, and the state
 * of each change the release bundles at the event's time, by change id (a change missing
 * from `changes` is not in the log, so not authorised).
 */
export interface ReleaseRuleFacts extends RuleContext {
  readonly changes: Readonly<Record<string, ReleaseChangeFact>>;
}

/** A rule of this process: a function of the state before an event, the event and the rule facts. */
export type ReleaseRule = Rule<ReleaseState, ReleaseEvent, ReleaseRuleFacts>;

/**
 * The role that approves releases: the change manager, because approving a release is
 * the change authority's call on the bundle of changes it carries, and it keeps approval
 * out of the hands of the release manager who planned and drives the release.
 */
export const RELEASE_APPROVER_ROLE: Role = "change_manager";

const toProduction = (event: ReleaseEvent): boolean => event.type === "release.deployed" && event.data.environment === "production";

function breachOf(rule: Breach["rule"], error: { readonly code: string; readonly message: string }): Breach {
  return { rule, code: error.code, message: error.message };
}

/** Approver role: a release is approved by a holder of `RELEASE_APPROVER_ROLE`. */
export const approverHoldsRole: ReleaseRule = {
  name: "approver_role",
  summary: "a release is approved by a change manager",
  judges: ["release.approved"],
  check: (_state, event, facts) =>
    facts.rolesOf(event.data.by).includes(RELEASE_APPROVER_ROLE) ? undefined : breachOf("approver_role", releaseErrors.approverRole(event.data.releaseId, event.data.by, RELEASE_APPROVER_ROLE)),
};

/** Segregation of duties: nobody approves a release they planned or built. */
export const approverTookNoPart: ReleaseRule = {
  name: "segregation_of_duties",
  summary: "nobody approves a release they planned or built",
  judges: ["release.approved"],
  check: (state, event) => {
    const { by, releaseId } = event.data;
    const built = state.builds.filter((build) => build.by === by).map((build) => build.number);
    const part = by === state.plannedBy ? "planned this release" : built.length > 0 ? `built build ${built.join(", ")} of this release` : undefined;
    return part === undefined ? undefined : breachOf("segregation_of_duties", releaseErrors.ownRelease(releaseId, by, part, RELEASE_APPROVER_ROLE));
  },
};

/**
 * Release changes authorised: every change a release bundles is authorised (not cancelled)
 * when it is approved, and still is at each deployment, to every environment; a deployment
 * to production lies inside the window of one of its changes (the change that takes it
 * there), where they have windows. Not every change's window: a release carries changes
 * built and tested weeks before, whose windows were those of their own work.
 */
export const changesAuthorised: ReleaseRule = {
  name: "release_changes_authorised",
  summary: "every change a release bundles is authorised, and not cancelled, when the release is approved and at each deployment; a deployment to production lies inside the window of one of its changes, where they have windows",
  judges: ["release.approved", "release.deployed"],
  check: (state, event, facts) => {
    const pending = state.changeIds.filter((changeId) => facts.changes[changeId]?.authorised !== true);
    const described = pending.map((changeId) => `${changeId} (${facts.changes[changeId]?.status ?? "unknown"})`);
    if (event.type === "release.approved") return pending.length === 0 ? undefined : breachOf("release_changes_authorised", releaseErrors.changesNotAuthorised(event.data.releaseId, described));
    if (event.type !== "release.deployed") return undefined;
    if (pending.length > 0) return breachOf("release_changes_authorised", releaseErrors.changesNoLongerAuthorised(event.data.releaseId, event.data.environment, described));
    if (event.data.environment !== "production") return undefined;
    const windows = state.changeIds.flatMap((changeId) => {
      const window = facts.changes[changeId]?.window;
      return window === undefined ? [] : [{ changeId, window }];
    });
    if (windows.length === 0 || windows.some(({ window }) => instantInSpan(event.data.at, window))) return undefined;
    const spans = windows.map(({ changeId, window }) => `${changeId} ${window.start} to ${window.end ?? "its implementation's end"}`);
    return breachOf("release_changes_authorised", releaseErrors.outsideChangeWindows(event.data.releaseId, event.data.at, spans));
  },
};

/** Release tested: a release is approved, and goes to production, only when its last test iteration passed on its latest build. */
export const lastIterationPassedOnLatestBuild: ReleaseRule = {
  name: "release_tested",
  summary: "a release is approved, and deployed to production, only once its last test iteration passed on its latest build",
  judges: ["release.approved", "release.deployed"],
  check: (state, event) => {
    if (event.type === "release.deployed" && !toProduction(event)) return undefined;
    const why = whyNotTested(state);
    return why === undefined ? undefined : breachOf("release_tested", releaseErrors.notTested(event.data.releaseId, why, latestBuild(state)?.number));
  },
};

/** Back-out plan: a release goes to production only with a back-out plan. */
export const backOutPlanForProduction: ReleaseRule = {
  name: "back_out_plan",
  summary: "a release goes to production only with a back-out plan",
  judges: ["release.deployed"],
  check: (state, event) => (toProduction(event) && !hasBackOutPlan(state) ? breachOf("back_out_plan", releaseErrors.backOutPlanRequired(event.data.releaseId)) : undefined),
};

/** Release approved: a release is deployed only once approved (the lifecycle's guarantee, judged again on imported history). */
export const approvedBeforeDeployment: ReleaseRule = {
  name: "release_approved",
  summary: "a release is deployed only once it was approved",
  judges: ["release.deployed"],
  check: (state, event) => (awaitsApproval(state) ? breachOf("release_approved", releaseErrors.notApproved(event.data.releaseId, state.status)) : undefined),
};

/** The permission each release event takes: deployment by environment; the approval takes none (`approver_role` judges it). */
export function permissionOfRelease(event: ReleaseEvent): Permission | undefined {
  switch (event.type) {
    case "release.planned":
    case "release.back_out_plan_documented":
    case "release.closed":
      return "release_planning";
    case "release.built":
      return "release_build";
    case "release.test_iteration_started":
    case "release.test_iteration_passed":
    case "release.test_iteration_failed":
      return "release_test";
    case "release.deployed":
      return event.data.environment === "production" ? "release_deploy_production" : "release_deploy_test";
    case "release.rolled_back":
      return "release_rollback";
    case "release.approved":
      return undefined;
  }
}

/** The ids a release event names that other processes own: the changes and CIs of its plan, the incidents of a failed test iteration. */
export function referencesOfRelease(event: ReleaseEvent): readonly Reference[] {
  switch (event.type) {
    case "release.planned":
      return [
        ...event.data.changeIds.map((id, index): Reference => ({ kind: "change", noun: "change", id, field: `changeIds[${index}]` })),
        ...event.data.cis.map(({ ciId }, index): Reference => ({ kind: "configuration", noun: "CI", id: ciId, field: `cis[${index}].ciId` })),
      ];
    case "release.test_iteration_failed":
      return event.data.incidentIds.map((id, index) => ({ kind: "incident", noun: "incident", id, field: `incidentIds[${index}]` }));
    default:
      return [];
  }
}

/** Every release event but the approval, which `approver_role` judges. */
const RELEASE_EVENTS_TAKING_A_PERMISSION: readonly ReleaseEvent["type"][] = [
  "release.planned",
  "release.built",
  "release.test_iteration_started",
  "release.test_iteration_passed",
  "release.test_iteration_failed",
  "release.deployed",
  "release.rolled_back",
  "release.closed",
  "release.back_out_plan_documented",
];

/** Release management's rules, in the order a decision and the audit apply them. */
export const releaseRules: readonly ReleaseRule[] = [
  phaseGateRule<ReleaseState, ReleaseEvent, ReleaseRuleFacts>(["release.planned"], () => "release", (event) => releaseLabel(event.data.releaseId)),
  permissionRule<ReleaseState, ReleaseEvent, ReleaseRuleFacts>(permissionOfRelease, (event) => releaseLabel(event.data.releaseId), RELEASE_EVENTS_TAKING_A_PERMISSION),
  referencesRule<ReleaseState, ReleaseEvent, ReleaseRuleFacts>(["release.planned", "release.test_iteration_failed"], referencesOfRelease, (event) => releaseLabel(event.data.releaseId)),
  changesAuthorised,
  lastIterationPassedOnLatestBuild,
  approverTookNoPart,
  approverHoldsRole,
  approvedBeforeDeployment,
  backOutPlanForProduction,
];
