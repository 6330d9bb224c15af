import { phaseGate, type CiId, type HandoverPolicy, type ProjectPhase, type RuleMode } from "@handover/itil";

/** Where a CI lives: in the project until a production baseline includes it, then in the production CMDB. */
export type CiScope = "project" | "production";

/** The part of a baseline scope is derived from; the project's `project.baseline_taken` data fits it. */
export interface BaselineFacts {
  readonly kind: "project" | "production";
  /** ISO-8601 business time the baseline was taken. */
  readonly at: string;
  readonly cis: readonly { readonly ciId: string }[];
}

/** When a CI entered production scope: the time of the first production baseline that includes it, if any (as of `asOf` when given). */
export function productionScopeSince(ciId: CiId, baselines: Iterable<BaselineFacts>, asOf?: string): string | undefined {
  const limit = asOf === undefined ? Number.POSITIVE_INFINITY : Date.parse(asOf);
  let since: number | undefined;
  for (const baseline of baselines) {
    const at = Date.parse(baseline.at);
    if (baseline.kind !== "production" || at > limit || (since !== undefined && at >= since)) continue;
    if (baseline.cis.some((ci) => ci.ciId === ciId)) since = at;
  }
  return since === undefined ? undefined : new Date(since).toISOString();
}

/** A CI's scope, derived from the baselines (as of `asOf` when given); never stored. */
export function ciScope(ciId: CiId, baselines: Iterable<BaselineFacts>, asOf?: string): CiScope {
  return productionScopeSince(ciId, baselines, asOf) === undefined ? "project" : "production";
}

/** Every CI in production scope (as of `asOf` when given). */
export function productionCiIds(baselines: Iterable<BaselineFacts>, asOf?: string): ReadonlySet<string> {
  const limit = asOf === undefined ? Number.POSITIVE_INFINITY : Date.parse(asOf);
  const ids = new Set<string>();
  for (const baseline of baselines) {
    if (baseline.kind !== "production" || Date.parse(baseline.at) > limit) continue;
    for (const ci of baseline.cis) ids.add(ci.ciId);
  }
  return ids;
}

/** Whether change control applies to a CI, in which mode, and why; the engine's input to `ConfigurationFacts.changeControl`. */
export interface ChangeControlRequirement {
  readonly required: boolean;
  readonly mode: RuleMode;
  readonly because?: string;
}

/**
 * The rule of when a CI needs an authorised change (docs/policy.md, `ci_change_authorised`): always once it is in
 * production scope; in project scope once solution-level change applies (the policy's
 * `solution_change` phase, unless the policy leaves that process out). The mode is the
 * policy's `ci_change_authorised` rule.
 */
export function changeControlRequirement(input: {
  readonly ciId: CiId;
  readonly policy: HandoverPolicy;
  readonly phase: ProjectPhase;
  readonly scope: CiScope;
}): ChangeControlRequirement {
  const mode = input.policy.control.rules.ci_change_authorised;
  if (input.scope === "production") return { required: true, mode, because: `${input.ciId} is in production scope` };
  const gate = phaseGate(input.policy.control, "solution_change", input.phase);
  if (gate.verdict !== "allowed") return { required: false, mode };
  const from = input.policy.control.processes.solution_change.appliesFrom;
  return { required: true, mode, because: `solution-level change applies from ${from}; the project is in ${input.phase}` };
}
