import type { RecordedEvent } from "@handover/core";
import type { ReleaseEvent } from "@handover/release";
import type { Observation } from "./figure.js";

const MINUTE = 60_000;

/** A deployment of a release to production, with the changes the release bundled then. */
export interface ProductionDeployment {
  readonly releaseId: string;
  readonly at: string;
  readonly position: number;
  readonly changeIds: readonly string[];
}

/** An event that marks a deployment as failed: an incident a change caused, or a rollback. */
export interface FailureSignal {
  readonly at: string;
  readonly position: number;
}

/** What the delivery figures (DORA's four keys) are computed from, gathered event by event. */
export interface DeliveryObservations {
  readonly deployments: readonly ProductionDeployment[];
  readonly rollbacks: ReadonlyMap<string, readonly FailureSignal[]>;
  /** Per change in a release deployed to production for the first time: minutes from raised to deployed. */
  readonly leadTimes: readonly Observation[];
}

/** Records release management's facts for the delivery figures; the change facts give when each change was raised. */
export interface DeliveryRecorder {
  readonly observations: DeliveryObservations;
  record(event: RecordedEvent, raisedChange: (changeId: string) => { readonly raisedAt: string; readonly position: number } | undefined): void;
}

/** Starts recording release management's facts. */
export function createDeliveryRecorder(): DeliveryRecorder {
  const bundled = new Map<string, readonly string[]>();
  const deployedChanges = new Set<string>();
  const deployments: ProductionDeployment[] = [];
  const rollbacks = new Map<string, FailureSignal[]>();
  const leadTimes: Observation[] = [];
  return {
    observations: { deployments, rollbacks, leadTimes },
    record(event, raisedChange) {
      if (!event.type.startsWith("release.")) return;
      const release = event as RecordedEvent<ReleaseEvent>;
      const at = event.meta.occurredAt;
      if (release.type === "release.planned") bundled.set(release.data.releaseId, release.data.changeIds);
      if (release.type === "release.rolled_back") rollbacks.set(release.data.releaseId, [...(rollbacks.get(release.data.releaseId) ?? []), { at, position: event.position }]);
      if (release.type !== "release.deployed" || release.data.environment !== "production") return;
      const changeIds = bundled.get(release.data.releaseId) ?? [];
      deployments.push({ releaseId: release.data.releaseId, at, position: event.position, changeIds });
      for (const changeId of changeIds) {
        const change = raisedChange(changeId);
        if (change === undefined || deployedChanges.has(changeId)) continue;
        deployedChanges.add(changeId);
        leadTimes.push({ at, value: (Date.parse(at) - Date.parse(change.raisedAt)) / MINUTE, evidence: [change.position, event.position] });
      }
    },
  };
}

/** The production deployment a failure signal belongs to: the latest one before it whose release it concerns. */
function deploymentBefore(deployments: readonly ProductionDeployment[], signal: FailureSignal, concerns: (deployment: ProductionDeployment) => boolean): ProductionDeployment | undefined {
  let found: ProductionDeployment | undefined;
  for (const deployment of deployments) if (deployment.position < signal.position && concerns(deployment)) found = deployment;
  return found;
}

/**
 * Per production deployment: 1 when it failed, that is when an incident was later linked
 * as caused by one of its changes, or its release was rolled back, each signal counted
 * against the latest production deployment before it that shipped the change or release.
 */
export function deploymentFailures(delivery: DeliveryObservations, causedBy: ReadonlyMap<string, readonly FailureSignal[]>): Observation[] {
  const failures = new Map<number, number[]>();
  const blame = (deployment: ProductionDeployment | undefined, signal: FailureSignal): void => {
    if (deployment !== undefined) failures.set(deployment.position, [...(failures.get(deployment.position) ?? []), signal.position]);
  };
  for (const [changeId, signals] of causedBy) for (const signal of signals) blame(deploymentBefore(delivery.deployments, signal, (each) => each.changeIds.includes(changeId)), signal);
  for (const [releaseId, signals] of delivery.rollbacks) for (const signal of signals) blame(deploymentBefore(delivery.deployments, signal, (each) => each.releaseId === releaseId), signal);
  return delivery.deployments.map((deployment) => {
    const signals = failures.get(deployment.position) ?? [];
    return { at: deployment.at, value: signals.length > 0 ? 1 : 0, evidence: [deployment.position, ...signals] };
  });
}
