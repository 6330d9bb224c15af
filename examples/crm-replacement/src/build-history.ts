import { createInMemoryEventStore, sequentialIds, type EventStore } from "@handover/core";
import { createHandover, type Handover, type ReadinessSource } from "@handover/engine";
import { toSignOffReadiness, transitionReadiness } from "@handover/projections";
import { acceptanceChapter } from "./chapters/acceptance.js";
import { buildChapter } from "./chapters/build.js";
import { deploymentChapter } from "./chapters/deployment.js";
import { handoverChapter } from "./chapters/handover.js";
import { setupChapter } from "./chapters/setup.js";
import { systemTestChapter } from "./chapters/system-test.js";
import { createAgenda, type StoryStep } from "./story/agenda.js";
import { createRecordingClock, playSteps, type RecordingClock, type StepOutcome } from "./story/play.js";
import { summarise, type CrmHistorySummary } from "./summary.js";

/** Where the story's log goes: a store, or a function that opens one with the story's recording clock. */
export type StoryStore = EventStore | ((recordingClock: RecordingClock) => EventStore);

/** Options of `buildCrmHistory`. */
export interface BuildCrmHistoryOptions {
  /** The log to write; default an in-memory store with the story's recording clock and sequential event ids. It must be empty. */
  readonly store?: StoryStore;
}

/** The history as built: the handover over its log, every step with its outcome, and a summary. */
export interface CrmHistory {
  readonly handover: Handover;
  readonly outcomes: readonly StepOutcome[];
  readonly summary: CrmHistorySummary;
}

/** The business time the story starts: project kick-off, Monday 1 September 2025, 09:00 UTC. */
export const STORY_START = "2025-09-01T09:00:00.000Z";

/**
 * Sign-off readiness from the projections' transition readiness as of the sign-off's
 * business time (the engine's default source answers "not ready" until it is wired).
 */
export const storyReadiness: ReadinessSource = async ({ log, projectId, at }) => toSignOffReadiness(await transitionReadiness(log(), projectId, { asOf: at }));

/** Every step of the story, chapter by chapter, in the order they are written. */
export function storySteps(): readonly StoryStep[] {
  const agenda = createAgenda();
  setupChapter(agenda);
  buildChapter(agenda);
  systemTestChapter(agenda);
  acceptanceChapter(agenda);
  deploymentChapter(agenda);
  handoverChapter(agenda);
  return agenda.steps;
}

/**
 * Builds the CRM replacement's history through `createHandover`: every step of the story,
 * in business-time order, each with its business time, a command id and a correlation id.
 * Steps the story expects to be refused are refused and append nothing; `summary.steps.unexpected`
 * lists any step that did not go as the story says (none, unless the rules changed).
 */
export async function buildCrmHistory(options: BuildCrmHistoryOptions = {}): Promise<CrmHistory> {
  const steps = storySteps();
  const clock = createRecordingClock(STORY_START);
  const given = options.store;
  const store = given === undefined ? createInMemoryEventStore({ clock, ids: sequentialIds("crm-evt") }) : typeof given === "function" ? given(clock) : given;
  const handover = createHandover({ store, clock, readiness: storyReadiness });
  const outcomes = await playSteps(handover, steps, clock);
  const summary = summarise(await handover.view(), await store.head(), outcomes);
  return { handover, outcomes, summary };
}
