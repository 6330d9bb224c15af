import type { ChangeCommand } from "@handover/change";
import type { ConfigurationCommand } from "@handover/configuration";
import type { IncidentCommand } from "@handover/incident";
import type { ProblemCommand } from "@handover/problem";
import type { ProjectCommand } from "@handover/project";
import type { ReleaseCommand } from "@handover/release";
import type { z } from "zod";
import { instant } from "./time.js";

/** Any command the story sends, as JSON input to the engine (typed by the process packages' schemas). */
export type StoryCommand =
  | z.input<typeof ProjectCommand>
  | z.input<typeof ConfigurationCommand>
  | z.input<typeof ChangeCommand>
  | z.input<typeof ReleaseCommand>
  | z.input<typeof IncidentCommand>
  | z.input<typeof ProblemCommand>;

/** A rule the story breaks on purpose, in a mode that accepts it and leaves an audit finding. */
export interface DeliberateBreach {
  /** The audit finding it should leave (a `FindingKind` of the projections). */
  readonly finding: "process_before_phase" | "ci_change_unauthorised";
  readonly why: string;
}

/**
 * What the story expects of a step: the engine accepts it (possibly breaking a rule on
 * purpose, in record mode), or refuses it with a code (and the story says why).
 */
export type Expectation =
  | { readonly outcome: "accepted"; readonly breach?: DeliberateBreach }
  | { readonly outcome: "refused"; readonly code: string; readonly why: string };

/** One thing a person does in the project, at a business time. */
export interface StoryStep {
  readonly chapter: string;
  /** ISO-8601 UTC business time. */
  readonly at: string;
  readonly actor: string;
  readonly command: StoryCommand;
  readonly expect: Expectation;
}

/** What a chapter writes its steps with; times are story times (`2025-12-02 10:14`, UTC) or ISO instants. */
export interface ChapterAgenda {
  /** A step the story expects the engine to accept. */
  does(at: string, actor: string, command: StoryCommand): void;
  /** A step the story expects the engine to refuse with `code`; `why` says what rule it breaks. */
  isRefused(at: string, actor: string, command: StoryCommand, code: string, why: string): void;
  /** A step that breaks a rule on purpose; the policy runs the rule in record mode, so the engine accepts it. */
  breaks(at: string, actor: string, command: StoryCommand, breach: DeliberateBreach): void;
}

/** The whole story's agenda: chapters add steps, the runner plays them in business-time order. */
export interface Agenda {
  chapter(name: string): ChapterAgenda;
  /** Every step so far, in the order they were written. */
  readonly steps: readonly StoryStep[];
}

/** Creates an empty agenda. */
export function createAgenda(): Agenda {
  const steps: StoryStep[] = [];
  return {
    steps,
    chapter: (chapter) => ({
      does: (at, actor, command) => steps.push({ chapter, at: instant(at), actor, command, expect: { outcome: "accepted" } }),
      isRefused: (at, actor, command, code, why) => steps.push({ chapter, at: instant(at), actor, command, expect: { outcome: "refused", code, why } }),
      breaks: (at, actor, command, breach) => steps.push({ chapter, at: instant(at), actor, command, expect: { outcome: "accepted", breach } }),
    }),
  };
}
