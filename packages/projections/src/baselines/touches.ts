import type { ConfigurationEvent } from "@handover/configuration";
import type { RecordedEvent } from "@handover/core";
import type { CiChangeJudgement } from "../history/authorisation.js";

/** One event offered as evidence of a difference: where it is, who made it, and whether an authorised change covered it. */
export interface DriftEvidence {
  readonly position: number;
  readonly type: string;
  readonly at: string;
  readonly actor: string;
  readonly changeId?: string;
  readonly authorised: boolean;
  readonly reason: string;
}

/** The aspect of a CI an event changes: `ci` (registration), `field:status`, `field:owner`, `attr:<name>`, `rel:<type> <target>`. */
export function aspectOf(event: ConfigurationEvent): string {
  switch (event.type) {
    case "configuration.ci_registered":
      return "ci";
    case "configuration.ci_status_changed":
      return "field:status";
    case "configuration.owner_transferred":
      return "field:owner";
    case "configuration.attribute_set":
    case "configuration.attribute_unset":
      return `attr:${event.data.name}`;
    case "configuration.relationship_added":
    case "configuration.relationship_removed":
      return `rel:${event.data.relationship.type} ${event.data.relationship.targetCiId}`;
  }
}

/** The events after a baseline, by CI and by aspect, each judged when it happened. */
export class Touches {
  private readonly byCi = new Map<string, Map<string, DriftEvidence[]>>();

  /** Records one configuration event and its judgement. */
  add(event: RecordedEvent<ConfigurationEvent>, judgement: CiChangeJudgement): void {
    let aspects = this.byCi.get(event.data.ciId);
    if (aspects === undefined) this.byCi.set(event.data.ciId, (aspects = new Map()));
    const aspect = aspectOf(event);
    const evidence: DriftEvidence = {
      position: event.position,
      type: event.type,
      at: event.data.at,
      actor: event.meta.actor,
      ...(judgement.changeId === undefined ? {} : { changeId: judgement.changeId }),
      authorised: judgement.authorised,
      reason: judgement.reason,
    };
    const list = aspects.get(aspect);
    if (list === undefined) aspects.set(aspect, [evidence]);
    else list.push(evidence);
  }

  /** The evidence of one aspect of a CI, in log order. */
  of(ciId: string, aspect: string): readonly DriftEvidence[] {
    return this.byCi.get(ciId)?.get(aspect) ?? [];
  }

  /** Every event on a CI, in log order. */
  allOf(ciId: string): readonly DriftEvidence[] {
    return [...(this.byCi.get(ciId)?.values() ?? [])].flat().sort((a, b) => a.position - b.position);
  }
}
