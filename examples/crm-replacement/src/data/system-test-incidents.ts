import type { IncidentSpec } from "../story/incident-spec.js";

const dev = ["CRM Development", "raj.singh"] as const;
const integration = ["Integration", "tom.evans"] as const;
const migration = ["Data Migration", "sara.kim"] as const;
const reporting = ["Reporting & BI", "raj.singh"] as const;
const fixedIn = (build: string) => ({ code: "fixed", notes: `Fixed in ${build}; retested by the tester who logged it` });

/**
 * The incidents of system test (1 December to 9 January): release 1.0 iterations 1 to 3 and
 * release 1.1 iterations 1 and 2, logged by the system and integration testers. Most are
 * fixed in the next build and closed after retest; some wait for a vendor, a problem or a
 * caller, two fail their retest and are reopened, three are duplicates.
 */
export const systemTestIncidents: readonly IncidentSpec[] = [
  // Release 1.0, iteration 1 (2–5 December, build 1): fixed in build 2 (9 December).
  { id: "INC-0002", logged: "2025-12-02 09:55", by: "maya.chen", title: "Account search returns nothing for names with an apostrophe (O'Brien)", impact: 2, urgency: 2, category: "functional", ciIds: ["app-crm-api"], testCase: "ST-ACC-014 search by name", foundIn: "REL-1.0#1", to: dev, end: { kind: "resolved", at: "2025-12-09 10:20", ...fixedIn("1.0.0 build 2") } },
  { id: "INC-0003", logged: "2025-12-02 11:20", by: "maya.chen", title: "Creating a contact without an e-mail address fails with HTTP 500", impact: 2, urgency: 1, category: "functional", ciIds: ["app-crm-api", "app-crm-web"], testCase: "ST-CON-003 create contact, minimal fields", foundIn: "REL-1.0#1", to: dev, end: { kind: "resolved", at: "2025-12-09 10:40", ...fixedIn("1.0.0 build 2") } },
  { id: "INC-0004", logged: "2025-12-02 14:05", by: "nils.berg", title: "ERP customer sync rejects customers whose names exceed 80 characters", impact: 2, urgency: 2, category: "integration", ciIds: ["if-erp-customer", "app-crm-batch"], testCase: "ST-INT-ERP-07 long customer names", foundIn: "REL-1.0#1", to: integration, end: { kind: "resolved", at: "2025-12-09 11:00", code: "fixed", notes: "Name field aligned with the ERP (120 characters) in 1.0.0 build 2" } },
  {
    id: "INC-0005", logged: "2025-12-02 15:40", by: "maya.chen", title: "Opportunity probability is not recalculated when the sales stage changes", impact: 2, urgency: 2, category: "functional", ciIds: ["app-crm-web"], testCase: "ST-OPP-022 stage probability", foundIn: "REL-1.0#1", to: dev,
    end: { kind: "resolved", at: "2025-12-09 11:20", ...fixedIn("1.0.0 build 2"), reopened: { at: "2025-12-10 14:00", reason: "Retest in iteration 2: stage 'Negotiation' still uses the old 60%", resolved: "2025-12-15 10:30", notes: "Stage table migrated with the agreed probabilities in 1.0.0 build 3" } },
  },
  {
    id: "INC-0006", logged: "2025-12-03 09:10", by: "maya.chen", title: "Accented characters in migrated contact notes are garbled (Ã© instead of é)", impact: 2, urgency: 2, category: "data migration", ciIds: ["app-migration", "db-crm-test"], testCase: "ST-MIG-031 notes fidelity", foundIn: "REL-1.0#1", to: migration,
    problem: { at: "2025-12-04 11:00", problemId: "PRB-001" },
    hold: { at: "2025-12-09 12:00", reason: "awaiting_problem", note: "Waiting for the encoding fix in migration toolkit 1.2 (known error PRB-001); workaround applied for the test data", resumed: "2026-01-26 09:00" },
    end: { kind: "resolved", at: "2026-01-26 11:00", code: "fixed", notes: "Migration rehearsal 2 with toolkit 1.2.0 reloads notes as UTF-8; 500 sampled contacts verified" },
  },
  { id: "INC-0007", logged: "2025-12-03 10:30", by: "nils.berg", title: "E-mails sent from cases lack the case reference in the subject", impact: 3, urgency: 2, category: "integration", ciIds: ["if-email", "app-crm-api"], testCase: "ST-CAS-040 reply threading", foundIn: "REL-1.0#1", to: integration, end: { kind: "resolved", at: "2025-12-09 11:30", ...fixedIn("1.0.0 build 2") } },
  { id: "INC-0008", logged: "2025-12-03 13:15", by: "maya.chen", title: "Case SLA timer keeps running while the case waits for the customer", impact: 2, urgency: 2, category: "functional", ciIds: ["app-crm-api"], testCase: "ST-CAS-018 SLA pause", foundIn: "REL-1.0#1", to: dev, end: { kind: "resolved", at: "2025-12-09 13:00", ...fixedIn("1.0.0 build 2") } },
  {
    id: "INC-0009", logged: "2025-12-03 16:45", by: "nils.berg", title: "Screen pop opens a blank account for callers with withheld numbers", impact: 2, urgency: 2, category: "integration", ciIds: ["if-telephony", "app-crm-web"], testCase: "ST-TEL-005 anonymous caller", foundIn: "REL-1.0#1", to: integration,
    escalate: { at: "2025-12-04 10:00", level: "functional", to: "Vendor: TelcoConnect", reason: "Connector 4.2 passes an empty caller number; the vendor must confirm the behaviour" },
    hold: { at: "2025-12-04 10:05", reason: "awaiting_vendor", note: "TelcoConnect ticket TC-88412", resumed: "2025-12-08 09:00" },
    end: { kind: "resolved", at: "2025-12-09 14:00", code: "fixed", notes: "Connector 4.2.1 sends 'anonymous'; the client opens the search screen instead (1.0.0 build 2)" },
  },
  { id: "INC-0010", logged: "2025-12-04 09:20", by: "maya.chen", title: "No duplicate warning when an account is created with an existing VAT number", impact: 2, urgency: 2, category: "functional", ciIds: ["app-crm-api"], testCase: "ST-ACC-030 duplicate check", foundIn: "REL-1.0#1", to: dev, end: { kind: "resolved", at: "2025-12-09 14:30", ...fixedIn("1.0.0 build 2") } },
  {
    id: "INC-0011", logged: "2025-12-04 11:05", by: "liam.byrne", title: "Test application server runs out of heap during the nightly batch", impact: 2, urgency: 1, category: "environment", ciIds: ["srv-app-test-01", "app-crm-batch"], testCase: "ST-BAT-002 nightly batch", foundIn: "REL-1.0#1", to: ["Infrastructure", "gita.rao"],
    reassign: { at: "2025-12-04 13:00", to: integration, reason: "Heap dump shows the order history import loading the whole file into memory" },
    end: { kind: "resolved", at: "2025-12-09 15:00", code: "fixed", notes: "Order history import streams the SFTP file; heap stable at 1.1 GB (1.0.0 build 2)" },
  },
  { id: "INC-0012", logged: "2025-12-04 14:40", by: "nils.berg", title: "Duplicate VAT number accepted when creating an account from the ERP sync", impact: 2, urgency: 2, category: "functional", ciIds: ["app-crm-api"], to: dev, end: { kind: "cancelled", at: "2025-12-04 15:30", reason: "Duplicate of INC-0010 (same duplicate check)" } },
  { id: "INC-0013", logged: "2025-12-05 09:30", by: "nils.berg", title: "Marketing consent flag is not sent to the marketing automation platform", impact: 2, urgency: 2, category: "integration", ciIds: ["if-marketing", "app-crm-batch"], testCase: "ST-INT-MKT-03 consent sync", foundIn: "REL-1.0#1", to: integration, end: { kind: "resolved", at: "2025-12-09 15:30", ...fixedIn("1.0.0 build 2") } },
  { id: "INC-0014", logged: "2025-12-05 11:10", by: "maya.chen", title: "Opportunities of deactivated users are missing from the pipeline report", impact: 3, urgency: 2, category: "reporting", ciIds: ["app-reporting"], to: reporting, end: { kind: "resolved", at: "2025-12-10 11:00", code: "not_a_defect", notes: "Opportunities of deactivated users are reassigned at migration; the report is right, the test data was not. Test data corrected" } },
  {
    id: "INC-0015", logged: "2025-12-05 14:25", by: "maya.chen", title: "Account hierarchy view times out for accounts with more than 500 children", impact: 2, urgency: 2, category: "performance", ciIds: ["app-crm-api", "db-crm-test"], testCase: "ST-ACC-041 hierarchy view", foundIn: "REL-1.0#1", to: dev,
    end: { kind: "resolved", at: "2025-12-09 16:00", ...fixedIn("1.0.0 build 2"), reopened: { at: "2025-12-10 15:30", reason: "Retest: still 12 s for the largest group account (2,300 children)", resolved: "2025-12-15 11:00", notes: "Hierarchy loaded lazily per level in 1.0.0 build 3: 1.4 s for 2,300 children" } },
  },
  // Release 1.0, iteration 2 (9–12 December, build 2): fixed in build 3 (15 December).
  { id: "INC-0016", logged: "2025-12-09 11:45", by: "maya.chen", title: "Merging two accounts loses the activities of the merged account", impact: 2, urgency: 2, category: "functional", ciIds: ["app-crm-api"], testCase: "ST-ACC-052 merge accounts", foundIn: "REL-1.0#2", to: dev, end: { kind: "resolved", at: "2025-12-15 10:00", ...fixedIn("1.0.0 build 3") } },
  { id: "INC-0017", logged: "2025-12-09 14:20", by: "nils.berg", title: "ERP order feed fails on files with a byte-order mark", impact: 2, urgency: 2, category: "integration", ciIds: ["if-erp-orders", "app-crm-batch"], testCase: "ST-INT-ERP-11 order feed encodings", foundIn: "REL-1.0#2", to: integration, end: { kind: "resolved", at: "2025-12-15 10:15", ...fixedIn("1.0.0 build 3") } },
  { id: "INC-0018", logged: "2025-12-10 09:40", by: "maya.chen", title: "Case escalation e-mail goes to the previous queue owner", impact: 3, urgency: 2, category: "functional", ciIds: ["app-crm-api", "if-email"], testCase: "ST-CAS-044 escalation notice", foundIn: "REL-1.0#2", to: dev, end: { kind: "resolved", at: "2025-12-15 10:45", ...fixedIn("1.0.0 build 3") } },
  {
    id: "INC-0019", logged: "2025-12-10 11:30", by: "nils.berg", title: "Screen pop takes 8 to 12 seconds for callers with a long case history", impact: 2, urgency: 2, category: "performance", ciIds: ["if-telephony", "app-crm-api", "db-crm-test"], testCase: "ST-TEL-009 screen pop time", foundIn: "REL-1.0#2", to: dev,
    problem: { at: "2025-12-11 10:00", problemId: "PRB-002" },
    hold: { at: "2025-12-19 15:30", reason: "awaiting_problem", note: "Known error PRB-002; agents search by phone number while the pop loads", resumed: "2026-01-29 09:00" },
    end: { kind: "resolved", at: "2026-01-29 11:00", code: "fixed", notes: "Index on case history (CHG-019) and asynchronous history load in 2.0.0-rc1: 1.1 s" },
  },
  { id: "INC-0020", logged: "2025-12-10 14:50", by: "maya.chen", title: "Lead conversion creates the contact twice when the company already exists", impact: 2, urgency: 2, category: "functional", ciIds: ["app-crm-api"], testCase: "ST-LEA-012 convert lead", foundIn: "REL-1.0#2", to: dev, end: { kind: "resolved", at: "2025-12-15 11:20", ...fixedIn("1.0.0 build 3") } },
  {
    id: "INC-0021", logged: "2025-12-11 09:15", by: "maya.chen", title: "Sales agents can see service cases of other regions", impact: 1, urgency: 2, category: "security", ciIds: ["app-crm-api"], testCase: "ST-SEC-006 regional visibility", foundIn: "REL-1.0#2", to: dev,
    escalate: { at: "2025-12-11 10:30", level: "hierarchical", to: "anna.kowalski", reason: "Regional segregation of customer data is a contractual obligation" },
    end: { kind: "resolved", at: "2025-12-15 11:40", code: "fixed", notes: "Row-level security on cases by region in 1.0.0 build 3; verified by the security officer" },
  },
  {
    id: "INC-0022", logged: "2025-12-11 11:40", by: "nils.berg", title: "Single sign-on loops when the identity provider session has expired", impact: 2, urgency: 2, category: "integration", ciIds: ["if-sso", "app-crm-web"], testCase: "ST-SSO-004 expired IdP session", foundIn: "REL-1.0#2", to: ["Identity & Access", "omar.said"],
    reassign: { at: "2025-12-11 15:00", to: dev, reason: "The IdP answers correctly; the web client drops the RelayState" },
    end: { kind: "resolved", at: "2025-12-15 12:00", ...fixedIn("1.0.0 build 3") },
  },
  { id: "INC-0023", logged: "2025-12-11 15:25", by: "maya.chen", title: "Date filter of the case list uses the US date format", impact: 3, urgency: 3, category: "usability", ciIds: ["app-crm-web"], testCase: "ST-CAS-051 list filters", foundIn: "REL-1.0#2", to: dev, end: { kind: "resolved", at: "2025-12-15 12:20", ...fixedIn("1.0.0 build 3") } },
  { id: "INC-0024", logged: "2025-12-12 09:50", by: "maya.chen", title: "Quote PDF shows the VAT rate with four decimals", impact: 3, urgency: 2, category: "functional", ciIds: ["app-crm-api"], testCase: "ST-QUO-008 quote document", foundIn: "REL-1.0#2", to: dev, end: { kind: "resolved", at: "2025-12-15 12:40", ...fixedIn("1.0.0 build 3") } },
  { id: "INC-0025", logged: "2025-12-12 13:30", by: "nils.berg", title: "Nightly data warehouse extract fails when a contact has no account", impact: 2, urgency: 2, category: "integration", ciIds: ["if-dwh", "db-crm-test"], testCase: "ST-INT-DWH-02 orphan contacts", foundIn: "REL-1.0#2", to: integration, end: { kind: "resolved", at: "2025-12-15 13:00", ...fixedIn("1.0.0 build 3") } },
  // Release 1.0, iteration 3 (15–18 December, build 3, passed): minor findings deferred to release 1.1.
  { id: "INC-0026", logged: "2025-12-15 14:10", by: "maya.chen", title: "Tooltip on the forecast chart shows an internal field name", impact: 3, urgency: 3, category: "usability", ciIds: ["app-crm-web"], to: dev, end: { kind: "resolved", at: "2026-01-07 10:00", ...fixedIn("1.1.0 build 1") } },
  { id: "INC-0027", logged: "2025-12-16 10:20", by: "maya.chen", title: "CSV export of contacts drops the leading zeros of postcodes", impact: 3, urgency: 2, category: "functional", ciIds: ["app-crm-web"], to: dev, end: { kind: "resolved", at: "2026-01-07 10:15", ...fixedIn("1.1.0 build 1") } },
  { id: "INC-0028", logged: "2025-12-16 15:00", by: "nils.berg", title: "E-mail gateway logs a TLS warning for every message", impact: 3, urgency: 3, category: "environment", ciIds: ["if-email"], to: ["Infrastructure", "gita.rao"], end: { kind: "resolved", at: "2025-12-17 11:00", code: "environment", notes: "The test relay lacked the SNI setting; relay configuration corrected, no product defect" } },
  { id: "INC-0029", logged: "2025-12-17 09:45", by: "maya.chen", title: "Case list column widths are not remembered between sessions", impact: 3, urgency: 3, category: "usability", ciIds: ["app-crm-web"], to: dev, end: { kind: "resolved", at: "2026-01-07 10:30", ...fixedIn("1.1.0 build 1") } },
  { id: "INC-0030", logged: "2025-12-17 13:20", by: "nils.berg", title: "Marketing sync retries a rejected contact forever", impact: 3, urgency: 2, category: "integration", ciIds: ["if-marketing", "app-crm-batch"], to: integration, end: { kind: "resolved", at: "2026-01-07 11:00", ...fixedIn("1.1.0 build 1") } },
  { id: "INC-0031", logged: "2025-12-18 10:05", by: "maya.chen", title: "Search results page shows 'undefined' when nothing matches", impact: 3, urgency: 3, category: "usability", ciIds: ["app-crm-web"], to: dev, end: { kind: "resolved", at: "2026-01-07 11:15", ...fixedIn("1.1.0 build 1") } },
  // Release 1.1, iteration 1 (7–8 January, build 1): regressions of the performance settings and the ERP adapter.
  {
    id: "INC-0032", logged: "2026-01-07 10:40", by: "maya.chen", title: "Account merge deadlocks since the worker thread increase", impact: 2, urgency: 2, category: "performance", ciIds: ["app-crm-api", "db-crm-test"], testCase: "ST-ACC-052 merge accounts (regression)", foundIn: "REL-1.1#1", to: dev,
    change: { at: "2026-01-07 14:00", changeId: "CHG-006", relation: "caused_by" },
    end: { kind: "resolved", at: "2026-01-08 16:30", code: "fixed", notes: "Merge takes row locks in id order; fixed in 1.1.0 build 2" },
  },
  {
    id: "INC-0033", logged: "2026-01-07 13:15", by: "nils.berg", title: "ERP adapter 7.3 rejects customers without a VAT number", impact: 2, urgency: 2, category: "integration", ciIds: ["if-erp-customer", "app-crm-batch"], testCase: "ST-INT-ERP-03 private customers", foundIn: "REL-1.1#1", to: integration,
    change: { at: "2026-01-07 15:00", changeId: "CHG-010", relation: "caused_by" },
    end: { kind: "resolved", at: "2026-01-08 16:40", code: "fixed", notes: "VAT number optional in the adapter mapping; fixed in 1.1.0 build 2" },
  },
  { id: "INC-0034", logged: "2026-01-07 15:50", by: "maya.chen", title: "Consent history tab is empty for migrated contacts", impact: 2, urgency: 2, category: "data migration", ciIds: ["app-crm-web", "app-migration"], testCase: "ST-CON-019 consent history", foundIn: "REL-1.1#1", to: migration, end: { kind: "resolved", at: "2026-01-08 16:50", code: "fixed", notes: "The consent history view reads the migrated consent table too; fixed in 1.1.0 build 2" } },
  { id: "INC-0035", logged: "2026-01-08 09:10", by: "nils.berg", title: "Sales report total differs from the sum of the regions by rounding", impact: 3, urgency: 2, category: "reporting", ciIds: ["app-reporting"], testCase: "ST-REP-007 report totals", foundIn: "REL-1.1#1", to: reporting, end: { kind: "resolved", at: "2026-01-08 17:00", ...fixedIn("1.1.0 build 2") } },
  { id: "INC-0036", logged: "2026-01-08 10:30", by: "maya.chen", title: "Account merge hangs for two minutes then fails", impact: 2, urgency: 2, category: "performance", ciIds: ["app-crm-api"], end: { kind: "cancelled", at: "2026-01-08 10:45", reason: "Duplicate of INC-0032 (merge deadlock)" } },
  // Release 1.1, iteration 2 (8–9 January, build 2, passed).
  { id: "INC-0037", logged: "2026-01-09 09:30", by: "maya.chen", title: "Case attachment upload is limited to 5 MB; the requirement says 20 MB", impact: 3, urgency: 3, category: "functional", ciIds: ["app-crm-api"], to: dev, end: { kind: "resolved", at: "2026-01-09 14:00", code: "not_a_defect", notes: "REQ-03 allows 20 MB per case, 5 MB per file; confirmed with the product owner" } },
  { id: "INC-0038", logged: "2026-01-09 11:00", by: "nils.berg", title: "Screen pop still slow for callers with many cases", impact: 2, urgency: 3, category: "performance", ciIds: ["if-telephony"], end: { kind: "cancelled", at: "2026-01-09 11:20", reason: "Duplicate of INC-0019 (known error PRB-002)" } },
  { id: "INC-0039", logged: "2026-01-09 12:40", by: "maya.chen", title: "Reporting workspace shows the release notes banner permanently", impact: 3, urgency: 3, category: "usability", ciIds: ["app-reporting"], to: reporting, end: { kind: "resolved", at: "2026-01-09 16:00", code: "fixed", notes: "Banner dismissal stored per user; workspace setting corrected" } },
];
