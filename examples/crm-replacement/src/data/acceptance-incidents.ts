import type { IncidentSpec } from "../story/incident-spec.js";

const dev = ["CRM Development", "raj.singh"] as const;
const integration = ["Integration", "tom.evans"] as const;
const reporting = ["Reporting & BI", "raj.singh"] as const;
const fixedIn = (build: string) => ({ code: "fixed", notes: `Fixed in ${build}; retested by the business tester` });
const knownErrorExport = { reason: "awaiting_problem", note: "Known error PRB-003: export by region or quarter until the BI platform upgrade" } as const;

/**
 * The incidents of user acceptance test (12 January to 13 February), logged by the business
 * testers from sales operations and customer service: on release 1.1 in staging, then on
 * the 2.0 release candidates. Two export findings stay open under known error PRB-003 and
 * are handed to operations with its workaround.
 */
export const acceptanceIncidents: readonly IncidentSpec[] = [
  // UAT cycle 1 on release 1.1 (12–23 January): fixed in 2.0.0-rc1 (29 January) unless said otherwise.
  { id: "INC-0040", logged: "2026-01-12 10:15", by: "wendy.fox", title: "Opportunity list lacks the close quarter column used in the weekly forecast meeting", impact: 3, urgency: 2, category: "usability", ciIds: ["app-crm-web"], to: dev, end: { kind: "resolved", at: "2026-01-29 10:00", ...fixedIn("2.0.0-rc1") } },
  {
    id: "INC-0041", logged: "2026-01-12 14:30", by: "yusuf.demir", title: "Case assignment rules send VIP customers to the general queue", impact: 2, urgency: 1, category: "functional", ciIds: ["app-crm-api"], to: dev,
    change: { at: "2026-01-14 13:05", changeId: "CHG-015", relation: "resolved_by" },
    end: { kind: "resolved", at: "2026-01-14 13:10", code: "fixed", notes: "Assignment rule order corrected by standard change CHG-015; VIP cases route to the VIP queue" },
  },
  { id: "INC-0042", logged: "2026-01-13 09:40", by: "wendy.fox", title: "Sales reps cannot hand their own opportunities to a colleague", impact: 2, urgency: 2, category: "functional", ciIds: ["app-crm-api"], to: dev, end: { kind: "resolved", at: "2026-01-29 10:20", code: "fixed", notes: "Reassign permission added to the sales rep role in 2.0.0-rc1" } },
  { id: "INC-0043", logged: "2026-01-13 11:20", by: "yusuf.demir", title: "Agents need the ERP order number on the case form", impact: 3, urgency: 3, category: "functional", ciIds: ["app-crm-web"], to: dev, end: { kind: "resolved", at: "2026-01-15 10:00", code: "not_a_defect", notes: "Enhancement, not in the requirements; the product owner put it on the backlog (ORB-412)" } },
  { id: "INC-0044", logged: "2026-01-14 10:05", by: "wendy.fox", title: "Forecast totals leave out opportunities in the 'Commit' category", impact: 2, urgency: 2, category: "reporting", ciIds: ["app-reporting"], to: reporting, reprioritise: { impact: 2, urgency: 1, reason: "The forecast goes to the board on 2 February; it must be right before then" }, end: { kind: "resolved", at: "2026-01-29 10:40", ...fixedIn("2.0.0-rc1") } },
  { id: "INC-0045", logged: "2026-01-14 15:30", by: "yusuf.demir", title: "E-mail templates show the legacy company logo", impact: 3, urgency: 3, category: "usability", ciIds: ["if-email"], to: integration, end: { kind: "resolved", at: "2026-01-29 11:00", ...fixedIn("2.0.0-rc1") } },
  {
    id: "INC-0046", logged: "2026-01-15 09:25", by: "wendy.fox", title: "Pipeline export times out for the national sales list (over 50,000 rows)", impact: 3, urgency: 2, category: "reporting", ciIds: ["app-reporting", "db-reporting"], to: reporting,
    problem: { at: "2026-01-21 10:30", problemId: "PRB-003" },
    hold: { at: "2026-01-28 12:00", ...knownErrorExport },
    end: { kind: "open" },
  },
  { id: "INC-0047", logged: "2026-01-15 13:40", by: "yusuf.demir", title: "Case SLA badge stays red after the customer replies", impact: 2, urgency: 2, category: "functional", ciIds: ["app-crm-web", "app-crm-api"], to: dev, end: { kind: "resolved", at: "2026-01-29 11:20", ...fixedIn("2.0.0-rc1") } },
  {
    id: "INC-0048", logged: "2026-01-16 10:10", by: "wendy.fox", title: "Changing an account's owner does not move its open opportunities", impact: 2, urgency: 2, category: "functional", ciIds: ["app-crm-api"], testCase: "UAT-SAL-017 territory realignment", foundIn: "REL-2.0#1", to: dev,
    end: { kind: "resolved", at: "2026-01-29 11:40", ...fixedIn("2.0.0-rc1"), reopened: { at: "2026-02-02 10:00", reason: "Retest on rc1: only the first 50 opportunities move", resolved: "2026-02-05 10:00", notes: "Batch limit removed in 2.0.0-rc2; 312 opportunities moved in the retest" } },
  },
  { id: "INC-0049", logged: "2026-01-19 09:50", by: "yusuf.demir", title: "Merging contacts in the service console loses the consent history", impact: 2, urgency: 2, category: "functional", ciIds: ["app-crm-api"], to: dev, end: { kind: "resolved", at: "2026-01-29 12:00", ...fixedIn("2.0.0-rc1") } },
  {
    id: "INC-0050", logged: "2026-01-19 14:15", by: "wendy.fox", title: "Quarterly quota upload rejects the finance template (semicolon separated)", impact: 3, urgency: 2, category: "functional", ciIds: ["app-crm-batch"], to: integration,
    hold: { at: "2026-01-20 09:00", reason: "awaiting_caller", note: "Need the exact template finance uses", resumed: "2026-01-21 11:00" },
    end: { kind: "resolved", at: "2026-01-29 12:20", code: "fixed", notes: "The importer accepts ';' and ',' separators in 2.0.0-rc1" },
  },
  { id: "INC-0051", logged: "2026-01-20 10:30", by: "yusuf.demir", title: "Knowledge article search ignores the customer's language", impact: 3, urgency: 3, category: "functional", ciIds: ["app-crm-api"], to: dev, end: { kind: "resolved", at: "2026-01-22 16:00", code: "not_a_defect", notes: "Articles are in English only at go-live (REQ-03, note 4); confirmed with the customer service lead" } },
  { id: "INC-0052", logged: "2026-01-20 15:05", by: "wendy.fox", title: "Scheduled pipeline report e-mails arrive empty", impact: 3, urgency: 2, category: "reporting", ciIds: ["app-reporting", "if-email"], to: reporting, end: { kind: "resolved", at: "2026-01-29 12:40", ...fixedIn("2.0.0-rc1") } },
  {
    id: "INC-0053", logged: "2026-01-21 09:40", by: "yusuf.demir", title: "Screen pop shows the wrong account when two contacts share a phone number", impact: 2, urgency: 2, category: "integration", ciIds: ["if-telephony", "app-crm-web"], to: integration,
    escalate: { at: "2026-01-21 14:00", level: "functional", to: "Vendor: TelcoConnect", reason: "The connector returns only the first match" },
    hold: { at: "2026-01-21 14:05", reason: "awaiting_vendor", note: "TelcoConnect ticket TC-90157", resumed: "2026-01-27 09:00" },
    end: { kind: "resolved", at: "2026-01-29 13:00", code: "fixed", notes: "Connector 4.2.2 returns every match; the client lets the agent choose (2.0.0-rc1)" },
  },
  { id: "INC-0054", logged: "2026-01-21 13:10", by: "wendy.fox", title: "Pipeline export fails for the EMEA region", impact: 3, urgency: 3, category: "reporting", ciIds: ["app-reporting"], end: { kind: "cancelled", at: "2026-01-21 13:40", reason: "Duplicate of INC-0046 (export over 50,000 rows, problem PRB-003)" } },
  { id: "INC-0055", logged: "2026-01-22 10:20", by: "yusuf.demir", title: "Case closure survey link points to the test environment", impact: 3, urgency: 2, category: "integration", ciIds: ["if-email", "app-crm-api"], to: integration, end: { kind: "resolved", at: "2026-01-29 13:20", code: "fixed", notes: "Environment-specific survey URL moved to configuration in 2.0.0-rc1" } },
  { id: "INC-0056", logged: "2026-01-23 11:45", by: "wendy.fox", title: "Report 'Won deals by product' takes over two minutes to open", impact: 3, urgency: 2, category: "performance", ciIds: ["app-reporting", "db-reporting"], to: reporting, end: { kind: "resolved", at: "2026-01-29 13:40", code: "fixed", notes: "Aggregate table in the reporting mart; the report opens in 4 s (2.0.0-rc1)" } },
  // Release 2.0, iteration 1 (29 January to 3 February, rc1): fixed in rc2 (5 February).
  { id: "INC-0057", logged: "2026-01-29 14:10", by: "wendy.fox", title: "Forecast chart shifts the fiscal quarters by one month", impact: 2, urgency: 2, category: "reporting", ciIds: ["app-reporting"], testCase: "UAT-SAL-031 quarterly forecast", foundIn: "REL-2.0#1", to: reporting, end: { kind: "resolved", at: "2026-02-05 10:20", code: "fixed", notes: "Fiscal year starts in February in 2.0.0-rc2" } },
  { id: "INC-0058", logged: "2026-01-30 10:30", by: "yusuf.demir", title: "SLA timers pause on the public holidays of the wrong country", impact: 2, urgency: 2, category: "functional", ciIds: ["app-crm-api"], testCase: "UAT-SRV-022 holiday calendar", foundIn: "REL-2.0#1", to: dev, end: { kind: "resolved", at: "2026-02-05 10:40", ...fixedIn("2.0.0-rc2") } },
  { id: "INC-0059", logged: "2026-02-02 09:15", by: "wendy.fox", title: "Discounts above 30% on opportunity products are not sent for approval", impact: 2, urgency: 2, category: "functional", ciIds: ["app-crm-api"], testCase: "UAT-SAL-040 discount approval", foundIn: "REL-2.0#1", to: dev, end: { kind: "resolved", at: "2026-02-05 11:00", ...fixedIn("2.0.0-rc2") } },
  { id: "INC-0060", logged: "2026-02-03 11:00", by: "yusuf.demir", title: "Case form freezes for five seconds on cases with more than 100 attachments", impact: 3, urgency: 2, category: "performance", ciIds: ["app-crm-web"], testCase: "UAT-SRV-035 large cases", foundIn: "REL-2.0#1", to: dev, end: { kind: "resolved", at: "2026-02-05 11:20", ...fixedIn("2.0.0-rc2") } },
  // Release 2.0, iteration 2 (5–11 February, rc2, passed).
  {
    id: "INC-0061", logged: "2026-02-09 10:45", by: "wendy.fox", title: "National sales list export still fails", impact: 3, urgency: 3, category: "reporting", ciIds: ["app-reporting"], to: reporting,
    problem: { at: "2026-02-09 14:00", problemId: "PRB-003" },
    hold: { at: "2026-02-09 14:10", ...knownErrorExport },
    end: { kind: "open" },
  },
];
