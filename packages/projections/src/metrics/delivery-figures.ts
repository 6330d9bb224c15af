import { figureOf, type Figure, type MetricsPeriod } from "./figure.js";
import { deploymentFailures, type DeliveryObservations, type FailureSignal } from "./delivery-recorder.js";
import { resolutionTimes, type RegisteredIncident } from "./incident-figures.js";

/** DORA's four keys over releases and incidents. */
export interface DeliveryMetrics {
  /** Production deployments per week over the period (each week's series: that week's deployments). */
  readonly deploymentFrequency: Figure;
  /** Minutes from a change raised to the first production deployment of a release that bundles it. */
  readonly leadTime: Figure;
  /** The share of production deployments that failed: an incident later linked as caused by one of their changes, or their release rolled back. */
  readonly changeFailureRate: Figure;
  /** Minutes from logged to resolved of major incidents (priority `majorPriority` or higher), at their resolution. */
  readonly timeToRestore: Figure;
}

/** DORA's four keys from what the delivery recorder gathered, the incidents caused by changes, and the register. */
export function deliveryFigures(
  delivery: DeliveryObservations,
  causedBy: ReadonlyMap<string, readonly FailureSignal[]>,
  incidents: readonly RegisteredIncident[],
  majorPriority: number,
  period: MetricsPeriod,
): DeliveryMetrics {
  const deployments = delivery.deployments.map((deployment) => ({ at: deployment.at, value: 1, evidence: [deployment.position] }));
  const major = incidents.filter(({ entry }) => entry.priority >= 1 && entry.priority <= majorPriority);
  return {
    deploymentFrequency: figureOf("per_week", deployments, period),
    leadTime: figureOf("minutes", delivery.leadTimes, period),
    changeFailureRate: figureOf("share", deploymentFailures(delivery, causedBy), period),
    timeToRestore: figureOf("minutes", resolutionTimes(major), period),
  };
}
