import type { Impact, Urgency } from "./priority.js";

/** The hold reasons an incident accepts. */
export type HoldReason = "awaiting_user" | "awaiting_vendor" | "awaiting_change";

/** A command to an incident; every one names its incident. Actor and time come in the facts. */
export type IncidentCommand =
  | { readonly type: "incident.log"; readonly data: { readonly incidentId: string; readonly title: string; readonly description: string; readonly impact: Impact; readonly urgency: Urgency } }
  | { readonly type: "incident.assign"; readonly data: { readonly incidentId: string; readonly group: string; readonly assignee: string } }
  | { readonly type: "incident.start"; readonly data: { readonly incidentId: string } }
  | { readonly type: "incident.add_work_note"; readonly data: { readonly incidentId: string; readonly note: string } }
  | { readonly type: "incident.hold"; readonly data: { readonly incidentId: string; readonly reason: HoldReason } }
  | { readonly type: "incident.resume"; readonly data: { readonly incidentId: string } }
  | { readonly type: "incident.reprioritise"; readonly data: { readonly incidentId: string; readonly impact: Impact; readonly urgency: Urgency } }
  | { readonly type: "incident.link_ci"; readonly data: { readonly incidentId: string; readonly ciId: string } }
  | { readonly type: "incident.resolve"; readonly data: { readonly incidentId: string; readonly code: string; readonly notes: string } }
  | { readonly type: "incident.reopen"; readonly data: { readonly incidentId: string; readonly reason: string } }
  | { readonly type: "incident.close"; readonly data: { readonly incidentId: string; readonly code: string } };

/** The command names without their namespace, as the lifecycle table lists them. */
export type IncidentCommandName = IncidentCommand["type"] extends `incident.${infer Name}` ? Name : never;

/** What `decide` needs besides the command and the state: who issues it and when. */
export interface IncidentFacts {
  readonly actor: string;
  /** ISO-8601 UTC business time of the command. */
  readonly at: string;
}
