import { counted, listed, positionsOf, type CheckContext, type CheckDefinition } from "./check.js";

function productionBaselines(context: CheckContext) {
  return context.state.history.cmdb.baselines.filter((baseline) => baseline.kind === "production" && baseline.projectId === context.projectId);
}

/** A production baseline is taken, and it (with earlier ones) covers every CI in service. */
export const productionBaselineCheck: CheckDefinition = {
  name: "production_baseline",
  passes: (context) => context.state.uncovered.size === 0 && productionBaselines(context).length > 0,
  outcome(context) {
    const baselines = productionBaselines(context);
    if (context.project === undefined) {
      return { passes: false, explanation: `project ${context.projectId} has not started in this log; start it and take a production baseline`, evidence: [] };
    }
    if (baselines.length === 0) {
      return { passes: false, explanation: `project ${context.projectId} has no production baseline; take one (project.take_baseline, kind production) when its CIs are ready`, evidence: [] };
    }
    const uncovered = [...context.state.uncovered.keys()];
    if (uncovered.length > 0) {
      return {
        passes: false,
        explanation: `${counted(uncovered.length, "CI", ["in service is", "in service are"])} not in a production baseline: ${listed(uncovered)}; take a production baseline that includes them once each is in test (a production baseline promotes only CIs in test or in production), or withdraw any that will not go live (ci.withdraw, from any status before production)`,
        evidence: positionsOf(context.state.uncovered.values()),
      };
    }
    const names = baselines.map((baseline) => `"${baseline.name}"`).join(", ");
    return { passes: true, explanation: `production baseline ${names} covers every CI in service`, evidence: baselines.map((baseline) => baseline.position) };
  },
};

/** Every production CI has an owner. */
export const ciOwnersCheck: CheckDefinition = {
  name: "ci_owners",
  passes: (context) => context.state.ownerless.size === 0,
  outcome(context) {
    const ownerless = [...context.state.ownerless.keys()];
    if (ownerless.length === 0) return { passes: true, explanation: "every production CI in service has an owner", evidence: [] };
    return {
      passes: false,
      explanation: `${counted(ownerless.length, "production CI", ["has", "have"])} no owner: ${listed(ownerless)}; hand each to an owner (ci.transfer_owner)`,
      evidence: positionsOf(context.state.ownerless.values()),
    };
  },
};

/** No relationship of a CI in service points at a retired or unknown CI. */
export const relationshipsCheck: CheckDefinition = {
  name: "relationships",
  passes: (context) => context.state.broken.size === 0,
  outcome(context) {
    const broken = [...context.state.broken.values()];
    if (broken.length === 0) return { passes: true, explanation: "no relationship points at a retired or unknown CI", evidence: [] };
    const described = broken.map((each) => `${each.source} ${each.type} ${each.target} (${each.reason === "retired" ? "retired" : "not registered"})`);
    return {
      passes: false,
      explanation: `${counted(broken.length, "relationship", ["points", "point"])} at a retired or unknown CI: ${listed(described)}; remove them (ci.remove_relationship) or relate to a CI in service`,
      evidence: positionsOf(broken.map((each) => each.position)),
    };
  },
};
