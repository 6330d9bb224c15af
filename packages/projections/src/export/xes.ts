import type { AttributeValue } from "./attributes.js";
import type { ObjectKind } from "./objects.js";
import type { ExportedEvent, ProcessLog } from "./process-log.js";

/** The kinds of object an XES export can take as its case notion. */
export const XES_CASE_KINDS = ["change", "incident", "release", "ci"] as const satisfies readonly ObjectKind[];
/** A case notion of an XES export. */
export type XesCaseKind = (typeof XES_CASE_KINDS)[number];

const escapeXml = (text: string): string => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
const attribute = (tag: string, key: string, value: string): string => `<${tag} key="${escapeXml(key)}" value="${escapeXml(value)}"/>`;

function dataAttribute(key: string, value: AttributeValue): string {
  if (typeof value === "boolean") return attribute("boolean", key, String(value));
  if (typeof value === "number") return Number.isInteger(value) ? attribute("int", key, String(value)) : attribute("float", key, String(value));
  return attribute("string", key, value);
}

function eventXml(event: ExportedEvent, qualifier: string): string {
  const attributes = [
    attribute("string", "concept:name", event.type),
    attribute("date", "time:timestamp", event.time),
    attribute("string", "org:resource", event.actor),
    attribute("string", "lifecycle:transition", "complete"),
    attribute("int", "handover:position", String(event.position)),
    attribute("string", "handover:hash", event.hash),
    attribute("string", "handover:prevHash", event.prevHash),
    attribute("string", "handover:eventId", event.id),
    attribute("date", "handover:recordedAt", event.recordedAt),
    attribute("string", "handover:qualifier", qualifier),
    ...Object.entries(event.data).map(([key, value]) => dataAttribute(`data:${key}`, value)),
  ];
  return `    <event>\n      ${attributes.join("\n      ")}\n    </event>`;
}

/**
 * An IEEE 1849-2016 XES log of a process log with one trace per object of a kind (each
 * change, incident, release or CI): its events in log order, each with its activity (the
 * event type), business time, actor, lifecycle transition, log position, hash, previous
 * hash, event id, recording time, how it relates to the case (`handover:qualifier`) and its
 * scalar data (`data:<field>`). An event that relates to several cases is in each trace.
 */
export function toXes(log: ProcessLog, caseKind: XesCaseKind): string {
  const traces = log.objects.filter((object) => object.kind === caseKind);
  const eventsOf = new Map<string, { event: ExportedEvent; qualifier: string }[]>(traces.map((object) => [object.id, []]));
  for (const event of log.events) {
    for (const link of event.links) eventsOf.get(link.objectId)?.push({ event, qualifier: link.qualifier });
  }
  const body = traces.map((object) => {
    const events = (eventsOf.get(object.id) ?? []).map(({ event, qualifier }) => eventXml(event, qualifier));
    const kindAttribute = attribute("string", "handover:objectType", object.kind);
    return `  <trace>\n    ${attribute("string", "concept:name", object.id.slice(object.kind.length + 1))}\n    ${kindAttribute}\n${events.join("\n")}\n  </trace>`;
  });
  const label = `Handover log, one trace per ${caseKind}`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1849-2016" xes.features="" xmlns="http://www.xes-standard.org/">
  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
  <extension name="Time" prefix="time" uri="http://www.xes-standard.org/time.xesext"/>
  <extension name="Organizational" prefix="org" uri="http://www.xes-standard.org/org.xesext"/>
  <extension name="Lifecycle" prefix="lifecycle" uri="http://www.xes-standard.org/lifecycle.xesext"/>
  <global scope="trace">
    ${attribute("string", "concept:name", "__INVALID__")}
  </global>
  <global scope="event">
    ${attribute("string", "concept:name", "__INVALID__")}
    ${attribute("date", "time:timestamp", "1970-01-01T00:00:00.000Z")}
  </global>
  <classifier name="Activity" keys="concept:name"/>
  ${attribute("string", "concept:name", label)}
  ${attribute("int", "handover:position", String(log.position))}
${body.join("\n")}
</log>
`;
}
