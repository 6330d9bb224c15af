/** Impact of an incident: 1 is the widest (many users), 3 the narrowest. */
export type Impact = 1 | 2 | 3;
/** Urgency of an incident: 1 is the most urgent. */
export type Urgency = 1 | 2 | 3;

/**
 * The textbook ITIL priority matrix (impact × urgency → priority 1..5), written out here
 * so the bench needs no `@handover/itil`: 1-1→1, 1-2→2, 2-2→3, 2-3→4, 3-3→5.
 */
export function priorityOf(impact: Impact, urgency: Urgency): number {
  return impact + urgency - 1;
}
