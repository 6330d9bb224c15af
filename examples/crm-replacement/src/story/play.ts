import type { Clock } from "@handover/core";
import type { Handover } from "@handover/engine";
import type { StoryCommand, StoryStep } from "./agenda.js";

/** What happened to a step: accepted at these log positions, or refused with a code and a sentence. */
export type StepResult =
  | { readonly outcome: "accepted"; readonly positions: readonly number[] }
  | { readonly outcome: "refused"; readonly code: string; readonly message: string };

/** A step as played: its command id, what happened, and whether that is what the story expects. */
export interface StepOutcome {
  readonly step: StoryStep;
  readonly commandId: string;
  readonly result: StepResult;
  readonly asExpected: boolean;
}

/** The log's recording clock: it follows the story's business time, and never runs backwards. */
export interface RecordingClock extends Clock {
  /** Moves the clock on to a business time (a clock ahead of it stays where it is). */
  advanceTo(instant: string): void;
}

/**
 * A recording clock starting at an instant: the log records each command just as it happens
 * in the story, one millisecond apart at least, so `recordedAt` rises with the log.
 */
export function createRecordingClock(start: string): RecordingClock {
  let current = Date.parse(start);
  const clock = (): string => {
    const now = new Date(current).toISOString();
    current += 1;
    return now;
  };
  return Object.assign(clock, {
    advanceTo: (instant: string) => {
      current = Math.max(current, Date.parse(instant));
    },
  });
}

/** The steps in business-time order; steps at the same time keep the order they were written in. */
export function inStoryOrder(steps: readonly StoryStep[]): StoryStep[] {
  return [...steps].sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/**
 * Plays the steps through the engine in business-time order, each with its business time
 * (`occurredAt`), a command id and a correlation id (the change a CI is changed under, else
 * the aggregate the command is about), and records whether each went as the story expects.
 */
export async function playSteps(handover: Handover, steps: readonly StoryStep[], clock: RecordingClock): Promise<StepOutcome[]> {
  const outcomes: StepOutcome[] = [];
  for (const [index, step] of inStoryOrder(steps).entries()) {
    clock.advanceTo(step.at);
    const commandId = `crm-${String(index + 1).padStart(4, "0")}`;
    const executed = await handover.execute(step.command, { actor: step.actor, occurredAt: step.at, commandId, correlationId: correlationOf(step.command) });
    const result: StepResult =
      executed._tag === "Right"
        ? { outcome: "accepted", positions: executed.right.positions }
        : { outcome: "refused", code: executed.left.code, message: executed.left.message };
    outcomes.push({ step, commandId, result, asExpected: matches(step, result) });
  }
  return outcomes;
}

function matches(step: StoryStep, result: StepResult): boolean {
  if (step.expect.outcome === "accepted") return result.outcome === "accepted" && result.positions.length > 0;
  return result.outcome === "refused" && result.code === step.expect.code;
}

/** The work item a command belongs to, for the audit trail's correlation: the change a CI is changed under, else the command's aggregate. */
export function correlationOf(command: StoryCommand): string {
  const fields = command as Readonly<Record<string, unknown>>;
  const family = command.type.split(".")[0] ?? "";
  const key = { project: "projectId", ci: "ciId", change: "changeId", release: "releaseId", incident: "incidentId", problem: "problemId" }[family];
  const underChange = family === "ci" ? fields["changeId"] : undefined;
  const correlation = typeof underChange === "string" ? underChange : key === undefined ? undefined : fields[key];
  return typeof correlation === "string" ? correlation : "crm";
}
