import type { Draft } from "immer";
import type { ProblemEvent, ProblemEventOf, ProblemEventType } from "./events.js";
import { statusAfter } from "./lifecycle.js";
import type { ProblemState } from "./state.js";

type D = Draft<ProblemState>;
type Applier<T extends ProblemEventType> = (draft: D, event: ProblemEventOf<T>) => void;

function addAll(list: string[], values: readonly string[]): void {
  for (const value of values) if (!list.includes(value)) list.push(value);
}

/** What each event does to a problem's data (its state moves by the lifecycle table). */
const appliers: { readonly [T in ProblemEventType]: Applier<T> } = {
  "problem.logged": (draft, { data }) => {
    draft.problemId = data.problemId;
    draft.title = data.title;
    draft.loggedAt = data.at;
    addAll(draft.ciIds, data.ciIds);
  },
  "problem.investigation_started": (draft, { data }) => {
    draft.investigator = data.investigator;
  },
  "problem.root_cause_identified": (draft, { data }) => {
    draft.rootCause = data.rootCause;
    if (draft.knownError !== null) draft.knownError.rootCause = data.rootCause;
  },
  "problem.known_error_recorded": (draft, { data }) => {
    draft.rootCause = data.rootCause ?? draft.rootCause;
    draft.knownError = { symptom: data.symptom, rootCause: data.rootCause ?? draft.rootCause, workaround: data.workaround, ciIds: [...data.ciIds], at: data.at };
    addAll(draft.ciIds, data.ciIds);
  },
  "problem.resolved": (draft, { data }) => {
    draft.resolvedBy = data.changeId;
  },
  "problem.closed": (draft, { data }) => {
    draft.closure = { code: data.code, duplicateOf: data.duplicateOf ?? null, at: data.at };
  },
  "problem.incident_linked": (draft, { data }) => addAll(draft.incidentIds, [data.incidentId]),
};

/** The problem's immer recipe: applies one event's data and moves the state as the lifecycle table says. */
export function evolveProblem(draft: D, event: ProblemEvent): void {
  const apply = appliers[event.type] as Applier<ProblemEventType>;
  apply(draft, event);
  draft.status = statusAfter(draft.status, event.type);
  if (draft.lastAt === null || Date.parse(event.data.at) > Date.parse(draft.lastAt)) draft.lastAt = event.data.at;
}
