import type { RecordedEvent } from "@handover/core";
import type { History } from "../history/history.js";
import type { ObjectKind } from "./objects.js";

/** A scalar attribute value as OCEL 2.0 carries it. */
export type AttributeValue = string | number | boolean;

/** The attributes an object has after an event, by name (values not yet known are left out). */
type Reading = Readonly<Record<string, AttributeValue | null | undefined>>;

/** What each kind of aggregate shows after an event, read from its state as the process's own `evolve` left it. */
const READERS: Readonly<Record<Exclude<ObjectKind, "ci">, (history: History, id: string) => Reading | undefined>> = {
  project: (history, id) => {
    const state = history.aggregates.of("project").get(id)?.state;
    return state === undefined ? undefined : { name: state.name, manager: state.manager, phase: state.phase, status: state.status };
  },
  change: (history, id) => {
    const state = history.aggregates.of("change").get(id)?.state;
    return state === undefined ? undefined : { status: state.status, changeType: state.changeType, level: state.scope?.level, title: state.title, risk: state.risk, revision: state.revision };
  },
  incident: (history, id) => {
    const state = history.aggregates.of("incident").get(id)?.state;
    return state === undefined ? undefined : { status: state.status, priority: state.priority, impact: state.impact, urgency: state.urgency, group: state.group, assignee: state.assignee, title: state.title };
  },
  problem: (history, id) => {
    const state = history.aggregates.of("problem").get(id)?.state;
    return state === undefined ? undefined : { status: state.status, title: state.title };
  },
  release: (history, id) => {
    const state = history.aggregates.of("release").get(id)?.state;
    return state === undefined ? undefined : { status: state.status, version: state.version, name: state.name };
  },
};

const scalar = (value: unknown): AttributeValue | undefined =>
  value === undefined || value === null ? undefined : typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : JSON.stringify(value);

/** What a CI shows after one of its events, from the event's data: type, name, owner, status, and each of its attributes (`attribute:<name>`; an unset one is the empty string). */
function readCi(event: RecordedEvent): Reading {
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case "configuration.ci_registered": {
      const attributes = Object.fromEntries(Object.entries((data.attributes ?? {}) as Record<string, unknown>).map(([name, value]) => [`attribute:${name}`, scalar(value)]));
      return { ciType: scalar(data.ciType), name: scalar(data.name), owner: scalar(data.owner), status: "planned", ...attributes };
    }
    case "configuration.ci_status_changed":
      return { status: scalar(data.to) };
    case "configuration.owner_transferred":
      return { owner: scalar(data.to) };
    case "configuration.attribute_set":
      return { [`attribute:${String(data.name)}`]: scalar(data.newValue) };
    case "configuration.attribute_unset":
      return { [`attribute:${String(data.name)}`]: "" };
    default:
      return {};
  }
}

/** The attributes the object an event belongs to shows after it (applied to the history already), as names and scalar values. */
export function attributesAfter(event: RecordedEvent, kind: ObjectKind, id: string, history: History): Readonly<Record<string, AttributeValue>> {
  const reading = kind === "ci" ? readCi(event) : (READERS[kind](history, id) ?? {});
  const values: Record<string, AttributeValue> = {};
  for (const [name, value] of Object.entries(reading)) {
    const shown = scalar(value);
    if (shown !== undefined) values[name] = shown;
  }
  return values;
}
