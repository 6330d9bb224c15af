import { CHANGE_TYPES, IMPLEMENTATION_OUTCOMES, type ChangeType, type ImplementationOutcome } from "@handover/change";
import { CHANGE_LEVELS, type ChangeLevel, type ChangeObservations } from "./change-recorder.js";
import type { FailureSignal } from "./delivery-recorder.js";
import { figureOf, type Figure, type MetricsPeriod, type Observation } from "./figure.js";
import { successScore, type SuccessScorePart, type SuccessScoreWeights } from "./success-score.js";

/** Change management's figures over a period. */
export interface ChangeMetrics {
  /** Changes raised (by the time they were raised), all of them and by type and level. */
  readonly raised: Figure;
  readonly raisedByType: Readonly<Record<ChangeType, Figure>>;
  readonly raisedByLevel: Readonly<Record<ChangeLevel, Figure>>;
  /** The share of changes raised that were emergency changes. */
  readonly emergencyRatio: Figure;
  /** The share of CI changes under change control made without an authorised change that covered them. */
  readonly unauthorisedCiChanges: Figure;
  /** The share of implementations that ended successful; and implementations by outcome. */
  readonly implementationSuccess: Figure;
  readonly implementationsByOutcome: Readonly<Record<ImplementationOutcome, Figure>>;
  /** The change success score (0 to 100), its weights, and the parts it weighs. */
  readonly successScore: Figure;
  readonly successScoreWeights: SuccessScoreWeights;
  readonly successScoreParts: Readonly<Record<SuccessScorePart, Figure>>;
  /** Minutes from raised to authorised by the CAB or ECAB (standard changes are authorised by their template and left out). */
  readonly approvalLatency: Figure;
  /** Board rejections, and revisions raised again after one. */
  readonly rejected: Figure;
  readonly revised: Figure;
  /** Schedules that accepted conflicts (overlaps, freezes, maintenance windows) with an override reason. */
  readonly conflictsOverridden: Figure;
}

const inverted = (observations: readonly Observation[]): Observation[] => observations.map((each) => ({ ...each, value: 1 - each.value }));

function mapFigures<K extends string>(keys: readonly K[], observations: Readonly<Record<K, Observation[]>>, period: MetricsPeriod): Record<K, Figure> {
  return Object.fromEntries(keys.map((key) => [key, figureOf("count", observations[key], period)])) as Record<K, Figure>;
}

/** Per implemented change: 1 when no incident was linked to it as caused by it (by the end of the view). */
function incidentFree(observations: ChangeObservations, causedBy: ReadonlyMap<string, readonly FailureSignal[]>): Observation[] {
  return observations.implementedChanges.map(({ changeId, observation }) => {
    const links = causedBy.get(changeId) ?? [];
    return { at: observation.at, value: links.length === 0 ? 1 : 0, evidence: [...observation.evidence, ...links.map((link) => link.position)] };
  });
}

/** Change management's figures from what the change recorder gathered, and the incidents linked as caused by changes. */
export function changeFigures(observations: ChangeObservations, causedBy: ReadonlyMap<string, readonly FailureSignal[]>, weights: SuccessScoreWeights, period: MetricsPeriod): ChangeMetrics {
  const implementationSuccess = figureOf("share", observations.implementations, period);
  const unauthorisedCiChanges = figureOf("share", observations.unauthorisedCiChanges, period);
  const emergencyRatio = figureOf("share", observations.emergency, period);
  const successScoreParts: Record<SuccessScorePart, Figure> = {
    implementation: implementationSuccess,
    incidentFree: figureOf("share", incidentFree(observations, causedBy), period),
    authorisedCiChanges: figureOf("share", inverted(observations.unauthorisedCiChanges), period),
    reviews: figureOf("share", observations.reviews, period),
    planned: figureOf("share", inverted(observations.emergency), period),
  };
  return {
    raised: figureOf("count", observations.emergency, period),
    raisedByType: mapFigures(CHANGE_TYPES, observations.raisedByType, period),
    raisedByLevel: mapFigures(CHANGE_LEVELS, observations.raisedByLevel, period),
    emergencyRatio,
    unauthorisedCiChanges,
    implementationSuccess,
    implementationsByOutcome: mapFigures(IMPLEMENTATION_OUTCOMES, observations.outcomes, period),
    successScore: successScore(successScoreParts, weights, period),
    successScoreWeights: weights,
    successScoreParts,
    approvalLatency: figureOf("minutes", observations.approvalLatency, period),
    rejected: figureOf("count", observations.rejected, period),
    revised: figureOf("count", observations.revised, period),
    conflictsOverridden: figureOf("count", observations.conflictsOverridden, period),
  };
}
