import type { IncidentStatus } from "@handover/incident";
import type { OnHoldReason } from "@handover/itil";

/** What a ServiceNow `incident_state` means in our lifecycle: a state, and for holds the reason. */
export type TargetState =
  | { readonly status: Extract<IncidentStatus, "new" | "in_progress" | "resolved" | "closed"> }
  | { readonly status: "on_hold"; readonly reason: OnHoldReason };

/** ServiceNow's incident states and where each lands in ours. */
export const SOURCE_STATES: Readonly<Record<string, TargetState>> = {
  New: { status: "new" },
  Active: { status: "in_progress" },
  "Awaiting User Info": { status: "on_hold", reason: "awaiting_caller" },
  "Awaiting Problem": { status: "on_hold", reason: "awaiting_problem" },
  "Awaiting Vendor": { status: "on_hold", reason: "awaiting_vendor" },
  "Awaiting Evidence": { status: "on_hold", reason: "awaiting_evidence" },
  Resolved: { status: "resolved" },
  Closed: { status: "closed" },
};

/** One row of the audit log, decoded: a snapshot of the whole incident after one update. */
export interface Snapshot {
  readonly line: number;
  /** 0-based order of the row in the file. */
  readonly fileIndex: number;
  /** All fields joined, to find exact duplicate rows. */
  readonly fingerprint: string;
  readonly number: string;
  readonly sourceState: string;
  readonly target: TargetState;
  readonly reassignmentCount: number;
  readonly reopenCount: number;
  readonly modCount: number;
  readonly madeSla: boolean;
  readonly caller: string | null;
  readonly category: string | null;
  readonly openedAt: string | null;
  readonly updatedBy: string;
  readonly updatedAt: string;
  readonly ciId: string | null;
  readonly impact: number;
  readonly urgency: number;
  readonly priority: number;
  readonly group: string | null;
  readonly assignee: string | null;
  readonly problemId: string | null;
  readonly rfc: string | null;
  readonly causedBy: string | null;
  readonly closedCode: string | null;
  readonly resolvedAt: string | null;
  readonly closedAt: string | null;
}
