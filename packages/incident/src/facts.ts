import type { CommandContext } from "@handover/itil";

/**
 * What the incident decider needs besides the command: itil's `CommandContext` (actor,
 * business time, roles, and the policy, whose priority matrix sets priorities). Incident
 * rules need no facts from other processes yet; the engine's phase gate runs before.
 */
export type IncidentFacts = CommandContext;
