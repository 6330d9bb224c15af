import type { CommandContext } from "@handover/itil";

/** What the engine knows of one change a release bundles. */
export interface ReleaseChangeFact {
  /** The change's lifecycle state (`assessed`, `authorised`, `closed`, …), for messages. */
  readonly status: string;
  /** True when the change was authorised and not cancelled since: `isChangeAuthorised` of `@handover/change`. */
  readonly authorised: boolean;
}

/**
 * The facts release management needs besides the command, supplied by the engine: the
 * command context (actor, time, the actor's roles, the policy) and, from change
 * management, the state of each change the release bundles, by change id. A change
 * missing from `changes` counts as unknown, so not authorised. Read by `release.approve`;
 * every other command accepts it empty.
 */
export interface ReleaseFacts extends CommandContext {
  readonly changes: Readonly<Record<string, ReleaseChangeFact>>;
}
