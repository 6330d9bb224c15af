import type { DomainError } from "@handover/core";
import type { HandoverPolicy } from "@handover/itil";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import type { ProjectCommandOf } from "./commands.js";
import type { Stamp } from "./decide-project.js";
import { projectError, projectLabel } from "./errors.js";
import type { ProjectEvent } from "./events.js";
import type { ProjectCi, ProjectFacts } from "./facts.js";
import type { ProjectState } from "./state.js";
import { BASELINE_STATUSES, baselineCovers } from "./baseline-promotion.js";
import type { BaselineCi, BaselineKind, BaselineScope } from "./values.js";

/**
 * Resolves a baseline's scope against the project's CIs: `all` and `types` take every CI
 * (of those types) in a status the baseline's kind covers (`BASELINE_STATUSES`); `cis` takes
 * the CIs listed, each of which must be a CI of the project that is not retired (whether a
 * production baseline may promote it is `baseline_promotion`'s to judge). The result is
 * sorted by CI id.
 */
export function resolveBaselineScope(kind: BaselineKind, scope: BaselineScope, cis: readonly ProjectCi[], policy: HandoverPolicy, label: string): Either<DomainError, BaselineCi[]> {
  let chosen: readonly ProjectCi[];
  if (scope.kind === "cis") {
    const byId = new Map(cis.map((ci) => [ci.ciId as string, ci]));
    const unknown = scope.ciIds.filter((ciId) => !byId.has(ciId));
    if (unknown.length > 0) return left(projectError("unknown_ci", `${label}: ${unknown.join(", ")} ${unknown.length === 1 ? "is not a CI" : "are not CIs"} of the project; register ${unknown.length === 1 ? "it" : "them"} first`, { ciIds: unknown }));
    chosen = scope.ciIds.map((ciId) => byId.get(ciId)).filter((ci) => ci !== undefined);
    const retired = chosen.filter((ci) => ci.status === "retired").map((ci) => ci.ciId);
    if (retired.length > 0) return left(projectError("ci_retired", `${label}: ${retired.join(", ")} ${retired.length === 1 ? "is" : "are"} retired; a baseline holds CIs in service`, { ciIds: retired }));
  } else {
    const unknownTypes = scope.kind === "types" ? scope.ciTypes.filter((ciType) => !policy.ciTypes.includes(ciType)) : [];
    if (unknownTypes.length > 0) return left(projectError("unknown_ci_type", `${label}: ${unknownTypes.join(", ")} ${unknownTypes.length === 1 ? "is not a CI type" : "are not CI types"} of this policy; known types: ${policy.ciTypes.join(", ")}`, { ciTypes: unknownTypes }));
    chosen = cis.filter((ci) => baselineCovers(kind, ci.status) && (scope.kind === "all" || scope.ciTypes.includes(ci.ciType)));
  }
  const unique = new Map(chosen.map((ci) => [ci.ciId as string, { ciId: ci.ciId, ciType: ci.ciType, version: ci.version }]));
  return right([...unique.values()].sort((a, b) => (a.ciId < b.ciId ? -1 : a.ciId > b.ciId ? 1 : 0)));
}

/** Taking a baseline: a name not used before, the engine's list of CIs, and a scope that resolves to at least one CI. */
export function decideBaseline(command: ProjectCommandOf<"project.take_baseline">, state: ProjectState, facts: ProjectFacts, stamp: Stamp): Either<DomainError, readonly ProjectEvent[]> {
  const label = `${projectLabel(command.projectId)}, baseline "${command.name}"`;
  if (state.baselines.some((baseline) => baseline.name === command.name)) {
    return left(projectError("duplicate_baseline", `${label}: a baseline of that name exists already; baselines are named once`, { name: command.name }));
  }
  if (facts.cis === undefined) return left(projectError("missing_fact", `${label}: the engine must supply facts.cis (every CI of the project with its type, status and version)`));
  const resolved = resolveBaselineScope(command.kind, command.scope, facts.cis, facts.policy, label);
  if (resolved._tag === "Left") return resolved;
  if (resolved.right.length === 0) {
    const statuses = BASELINE_STATUSES[command.kind].join(", ");
    return left(projectError("empty_baseline", `${label}: its scope holds no CI a ${command.kind} baseline covers (statuses ${statuses}); move CIs on or widen the scope`, { scope: command.scope }));
  }
  const { name, kind, scope } = command;
  return right([{ type: "project.baseline_taken", data: { ...stamp, name, kind, scope, cis: resolved.right } }]);
}
