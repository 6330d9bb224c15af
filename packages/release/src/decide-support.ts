import type { DomainError } from "@handover/core";
import type { ReleaseId } from "@handover/itil";
import type { Either } from "fp-ts/lib/Either.js";
import type { ReleaseCommand, ReleaseCommandOf, ReleaseCommandType } from "./commands.js";
import type { ReleaseEvent } from "./events.js";
import type { ReleaseFacts } from "./facts.js";
import type { PlannedRelease } from "./state.js";

/** What a command handler returns: the events to append, or a refusal. */
export type ReleaseDecision = Either<DomainError, readonly ReleaseEvent[]>;

/** Decides one command on a planned release, after the lifecycle table accepted it. */
export type ReleaseCommandHandler<T extends Exclude<ReleaseCommandType, "release.plan">> = (
  command: ReleaseCommandOf<T>,
  release: PlannedRelease,
  facts: ReleaseFacts,
) => ReleaseDecision;

/** The commands other than planning, which all name an existing release. */
export type LaterReleaseCommand = Exclude<ReleaseCommand, { type: "release.plan" }>;

/** The fields every release event starts with: the release, the business time and the actor. */
export function stamp(releaseId: ReleaseId, facts: ReleaseFacts): { readonly releaseId: ReleaseId; readonly at: string; readonly by: string } {
  return { releaseId, at: facts.at, by: facts.actor };
}

/** An optional event field, present only when it has a value (so events hold no `undefined`). */
export function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
