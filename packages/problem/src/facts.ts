import type { CommandContext } from "@handover/itil";

/**
 * What the problem decider needs besides the command: itil's `CommandContext` (actor,
 * business time, roles, policy). Whether the resolving change is implemented is the
 * engine's cross-process check; problem rules need no other facts yet.
 */
export type ProblemFacts = CommandContext;
