import type { RecordedEvent } from "@handover/core";
import type { IncidentEvent, IncidentState } from "@handover/incident";
import type { FindingsCollector } from "./finding.js";

/** An imported event our lifecycle would have refused: the deviation the import recorded. */
export function checkLifecycleDeviation(event: RecordedEvent<IncidentEvent>, findings: FindingsCollector): void {
  const source = event.data.source;
  if (source?.deviation === undefined) return;
  findings.add(event, event.data.incidentId, {
    kind: "import_lifecycle_deviation",
    source: "recorded",
    message: `incident ${event.data.incidentId} (${source.system} line ${source.line}, revision ${source.revision}): ${source.deviation}`,
  });
}

/** Remembers the priority pair last reported per incident, so a deviation is reported when it starts or changes, not on every event. */
export class PriorityDeviations {
  private readonly reported = new Map<string, string>();

  /** After the event is applied: the source's priority differs from the one our matrix gives the incident's impact and urgency. */
  check(event: RecordedEvent<IncidentEvent>, incident: IncidentState, findings: FindingsCollector): void {
    const source = incident.source;
    if (source === null || event.data.source === undefined) return;
    const pair = `${source.priority}/${incident.priority}`;
    if (source.priority === incident.priority) {
      this.reported.delete(event.data.incidentId);
      return;
    }
    if (this.reported.get(event.data.incidentId) === pair) return;
    this.reported.set(event.data.incidentId, pair);
    findings.add(event, event.data.incidentId, {
      kind: "import_priority_deviation",
      source: "recorded",
      message: `incident ${event.data.incidentId} (${source.system} line ${source.line}): the source gave priority ${source.priority}, the policy's matrix gives impact ${incident.impact} / urgency ${incident.urgency} priority ${incident.priority}`,
    });
  }
}
