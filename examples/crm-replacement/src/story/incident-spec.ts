/** How an incident waited: the reason, a note, and when work resumed (absent: still waiting at the story's end). */
export interface Hold {
  readonly at: string;
  readonly reason: "awaiting_caller" | "awaiting_vendor" | "awaiting_problem" | "awaiting_change" | "awaiting_evidence";
  readonly note: string;
  readonly resumed?: string;
}

/** How an incident ended: resolved (and closed after retest), cancelled, or still open at the story's end. */
export type IncidentEnd =
  | {
      readonly kind: "resolved";
      readonly at: string;
      readonly code: string;
      readonly notes: string;
      /** Default: the next working morning, by the person who logged it, after retest. */
      readonly closed?: string;
      /** Retest failed: reopened, then resolved again. */
      readonly reopened?: { readonly at: string; readonly reason: string; readonly resolved: string; readonly notes: string };
    }
  | { readonly kind: "cancelled"; readonly at: string; readonly reason: string }
  | { readonly kind: "open" };

/** One incident of the story, from logging to its end. Times are story times (`2025-12-02 10:14`). */
export interface IncidentSpec {
  readonly id: string;
  readonly logged: string;
  readonly by: string;
  /** The user who reported it, when someone else logged it (default: the person who logged it). */
  readonly caller?: string;
  readonly title: string;
  readonly impact: 1 | 2 | 3;
  readonly urgency: 1 | 2 | 3;
  readonly category: string;
  readonly ciIds: readonly string[];
  /** The test case that failed, for incidents found in a release's test iteration. */
  readonly testCase?: string;
  /** Set when logging it breaks a rule on purpose (an incident before the phase incident management applies from). */
  readonly loggedInBreach?: string;
  /** The release test iteration it was found in: `<releaseId>#<iteration>`. */
  readonly foundIn?: string;
  /** The resolver group and person; absent for an incident cancelled before assignment. */
  readonly to?: readonly [group: string, assignee: string];
  /** Who triages and assigns (default the test manager). */
  readonly triage?: string;
  /** Minutes from logging to assignment and to the start of work (default 25 and 70; a P1 is faster). */
  readonly response?: { readonly assigned: number; readonly started: number };
  readonly reprioritise?: { readonly impact: 1 | 2 | 3; readonly urgency: 1 | 2 | 3; readonly reason: string };
  readonly reassign?: { readonly at: string; readonly to: readonly [group: string, assignee: string]; readonly reason: string };
  readonly escalate?: { readonly at: string; readonly level: "functional" | "hierarchical"; readonly to: string; readonly reason: string };
  readonly hold?: Hold;
  readonly problem?: { readonly at: string; readonly problemId: string };
  readonly change?: { readonly at: string; readonly changeId: string; readonly relation: "caused_by" | "resolved_by" };
  readonly end: IncidentEnd;
}

/** The failed test cases and incident ids of a release's test iteration (`<releaseId>#<iteration>`), from the incidents found in it. */
export function foundIn(incidents: readonly IncidentSpec[], iteration: string): { readonly failedCases: string[]; readonly incidentIds: string[] } {
  const found = incidents.filter((incident) => incident.foundIn === iteration && incident.end.kind !== "cancelled");
  return { failedCases: found.map((incident) => incident.testCase ?? `${incident.id}: ${incident.title}`), incidentIds: found.map((incident) => incident.id) };
}
