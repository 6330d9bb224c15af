import type { ChapterAgenda } from "../story/agenda.js";
import { people } from "../story/cast.js";

const { problemManager: priya, migrationDeveloper: sara, integrationDeveloper: tom } = people;

/**
 * The problems system test uncovers: garbled characters in migrated notes (PRB-001) and a
 * slow telephony screen pop (PRB-002). Both become known errors with workarounds; the
 * problem manager's first attempt to record PRB-002 without a workaround is refused.
 */
export function systemTestProblems(test: ChapterAgenda): void {
  test.does("2025-12-04 10:30", priya, { type: "problem.log", problemId: "PRB-001", title: "Accented characters garbled in migrated contact notes", description: "Seen in INC-0006; affects every migrated note with non-ASCII characters.", ciIds: ["app-migration", "db-crm-test"] });
  test.does("2025-12-04 10:45", priya, { type: "problem.investigate", problemId: "PRB-001", investigator: sara });
  test.does("2025-12-04 11:00", priya, { type: "problem.link_incident", problemId: "PRB-001", incidentId: "INC-0006" });
  test.does("2025-12-08 15:00", sara, { type: "problem.identify_root_cause", problemId: "PRB-001", rootCause: "The Siebel export runs with the WE8ISO8859P1 client character set, so notes stored as UTF-8 are encoded twice" });
  test.does("2025-12-09 11:30", priya, {
    type: "problem.record_known_error",
    problemId: "PRB-001",
    symptom: "Notes of migrated contacts show Ã© instead of é (and similar pairs)",
    workaround: "Re-export the notes of affected contacts with NLS_LANG=AMERICAN_AMERICA.AL32UTF8 and reload them with the toolkit's --notes-only option",
    ciIds: ["app-migration", "db-migration-staging"],
  });

  test.does("2025-12-11 09:30", priya, { type: "problem.log", problemId: "PRB-002", title: "Screen pop slow for callers with a long case history", ciIds: ["if-telephony", "app-crm-api", "db-crm-test"] });
  test.does("2025-12-11 09:45", priya, { type: "problem.investigate", problemId: "PRB-002", investigator: tom });
  test.does("2025-12-11 10:00", priya, { type: "problem.link_incident", problemId: "PRB-002", incidentId: "INC-0019" });
  test.does("2025-12-16 16:00", tom, {
    type: "problem.identify_root_cause",
    problemId: "PRB-002",
    rootCause: "The case history query has no index on (account_id, created_at), and the client waits for the whole history before it pops the screen",
  });
  const knownError = (workaround: string) => ({
    type: "problem.record_known_error" as const,
    problemId: "PRB-002",
    symptom: "Screen pop takes 8 to 12 s for callers with more than 200 cases",
    workaround,
    ciIds: ["if-telephony", "app-crm-api"],
  });
  test.isRefused("2025-12-19 10:00", priya, knownError(""), "workaround_required", "Customer service had not agreed a workaround yet; a known error is recorded only with one");
  test.does("2025-12-19 15:00", priya, knownError("Agents search the caller by phone number in the CRM search bar while the pop loads (briefed on 19 December)"));
}

/** The problems of system test resolved in acceptance: by the migration rehearsal with the encoding fix, and by the case history index. */
export function resolveSystemTestProblems(acceptance: ChapterAgenda): void {
  acceptance.isRefused("2026-01-20 10:00", priya, { type: "problem.resolve", problemId: "PRB-001", changeId: "CHG-016" }, "change_not_implemented", "CHG-016 (migration rehearsal 2 with the encoding fix) is authorised but not implemented until 25 January");
  acceptance.does("2026-01-26 10:30", priya, { type: "problem.resolve", problemId: "PRB-001", changeId: "CHG-016" });
  acceptance.does("2026-01-27 10:00", priya, { type: "problem.close", problemId: "PRB-001", code: "fix_applied", notes: "Rehearsal 2 reconciled notes 100%; INC-0006 closed" });
  acceptance.does("2026-01-30 10:00", priya, { type: "problem.resolve", problemId: "PRB-002", changeId: "CHG-019" });
  acceptance.does("2026-02-02 10:00", priya, { type: "problem.close", problemId: "PRB-002", code: "fix_applied", notes: "Screen pop in 1.1 s with the index and the asynchronous history load; INC-0019 closed" });
}
