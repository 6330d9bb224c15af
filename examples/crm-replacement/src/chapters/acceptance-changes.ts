import type { ChapterAgenda } from "../story/agenda.js";
import { people } from "../story/cast.js";
import { normalChange, standardChange } from "../story/changes.js";
import { instant, minutesAfter } from "../story/time.js";

const { changeManager: carla, crmDeveloper: raj, migrationDeveloper: sara, infrastructureLead: gita, iamLead: omar } = people;

/**
 * The changes of acceptance test besides release 2.0's: an application setting fixed by a
 * standard change for a P2, migration rehearsals 2 and 3, a certificate renewal, and the
 * firewall opening for the marketing automation platform.
 */
export function acceptanceChanges(uat: ChapterAgenda): void {
  standardChange(uat, {
    changeId: "CHG-015",
    templateId: "std-app-config",
    title: "Correct the case assignment rule order; add the 'Partner referral' lead source",
    ciIds: ["app-crm-api", "app-crm-web"],
    raised: { at: "2026-01-13 10:00", by: raj },
    delivery: {
      scheduled: { at: "2026-01-13 10:05", by: raj, window: ["2026-01-14 12:00", "2026-01-14 13:00"] },
      started: { at: "2026-01-14 12:00", by: raj },
      work: (work) => {
        work.does("2026-01-14 12:20", raj, { type: "ci.set_attribute", ciId: "app-crm-api", changeId: "CHG-015", name: "caseAssignmentRules", value: "rule set v3 (VIP queue first)" });
        work.does("2026-01-14 12:25", raj, { type: "ci.set_attribute", ciId: "app-crm-web", changeId: "CHG-015", name: "leadSources", value: ["web", "event", "cold call", "partner referral"] });
      },
      completed: { at: "2026-01-14 12:50", by: raj, notes: "Rule order corrected; VIP test case routed to the VIP queue" },
      reviewed: { at: "2026-01-15 09:30", by: carla, lessons: "Within the template" },
      closed: { at: "2026-01-15 09:35", by: carla },
    },
  });
  rehearsal(uat, "CHG-016", "Migration rehearsal 2: full extract with the encoding fix into staging", ["2026-01-14 10:00", "2026-01-14 11:00", "2026-01-14 14:10", "2026-01-15 09:00"], ["2026-01-24 06:00", "2026-01-25 20:00"], "2 of 3: 1.84M accounts, 6.2M contacts, 99.97% reconciled");
  standardChange(uat, {
    changeId: "CHG-017",
    templateId: "std-cert-renewal",
    title: "Renew the SAML signing certificate of the single sign-on integration (expires 31 January)",
    ciIds: ["if-sso"],
    raised: { at: "2026-01-19 10:00", by: omar },
    delivery: {
      scheduled: { at: "2026-01-19 10:05", by: omar, window: ["2026-01-21 20:00", "2026-01-21 21:00"] },
      started: { at: "2026-01-21 20:00", by: omar },
      work: (work) => work.does("2026-01-21 20:20", omar, { type: "ci.set_attribute", ciId: "if-sso", changeId: "CHG-017", name: "certificateExpires", value: "2027-01-31" }),
      completed: { at: "2026-01-21 20:45", by: omar, notes: "New certificate exchanged with the IdP; login tested" },
      reviewed: { at: "2026-01-22 09:30", by: carla, lessons: "Within the template" },
      closed: { at: "2026-01-22 09:35", by: carla },
    },
  });
  normalChange(uat, {
    changeId: "CHG-018",
    title: "Allow egress from the batch server to the marketing automation platform",
    target: { level: "solution", ciIds: ["net-fw-dmz"] },
    raised: { at: "2026-01-20 10:00", by: gita },
    assessed: { at: "2026-01-20 11:00", by: carla, risk: "low", impactSummary: "One egress rule; no service interruption", implementationPlan: "Add rule ORB-114 (orbbat01 to the vendor ranges, 443)", testPlan: "Connectivity test from orbbat01; consent sync smoke test" },
    votes: [{ at: "2026-01-21 14:10", by: people.securityOfficer, vote: "approve", comment: "Egress limited to the vendor's published address ranges on 443" }],
    delivery: {
      scheduled: { at: "2026-01-21 15:00", by: carla, window: ["2026-01-22 20:00", "2026-01-22 21:00"] },
      started: { at: "2026-01-22 20:00", by: gita },
      work: (work) => work.does("2026-01-22 20:15", gita, { type: "ci.set_attribute", ciId: "net-fw-dmz", changeId: "CHG-018", name: "ruleset", value: "FW-ORB-2026-01 (marketing egress)" }),
      completed: { at: "2026-01-22 20:40", by: gita, notes: "Connectivity test from orbbat01 passed" },
      reviewed: { at: "2026-01-28 14:40", by: carla, lessons: "Firewall requests for SaaS endpoints belong in the design" },
      closed: { at: "2026-01-28 14:45", by: carla },
    },
  });
  rehearsal(uat, "CHG-021", "Migration rehearsal 3 (dress rehearsal of the cutover)", ["2026-02-02 10:00", "2026-02-02 11:00", "2026-02-04 14:10", "2026-02-04 15:00"], ["2026-02-14 06:00", "2026-02-15 18:00"], "3 of 3 (dress rehearsal): 99.99% reconciled; cutover timed at 9 h 10 min");
}

/** A migration rehearsal: raised, assessed, approved by infrastructure and sales operations, run over a weekend. */
function rehearsal(uat: ChapterAgenda, changeId: string, title: string, times: readonly [string, string, string, string], window: readonly [string, string], result: string): void {
  const [raised, assessed, voted, scheduled] = times;
  const later = (time: string, minutes: number) => minutesAfter(instant(time), minutes);
  normalChange(uat, {
    changeId,
    title,
    target: { level: "solution", ciIds: ["app-migration", "db-migration-staging"] },
    raised: { at: raised, by: sara },
    assessed: {
      at: assessed,
      by: carla,
      risk: "medium",
      impactSummary: "Staging database rebuilt; the source Siebel extract runs overnight against the read replica",
      implementationPlan: "Run the migration runbook against the staging database; reconcile with the Siebel counts",
      testPlan: "Reconciliation report signed by sales operations",
      backOutPlan: "Drop and rebuild the staging schema from the previous rehearsal's dump",
    },
    votes: [
      { at: voted, by: gita, vote: "approve", comment: "Read replica capacity reserved for the weekend" },
      { at: later(voted, 10), by: people.salesOpsLead, vote: "approve", comment: "The reconciliation team is booked" },
    ],
    delivery: {
      scheduled: { at: scheduled, by: carla, window },
      started: { at: window[0], by: sara },
      work: (work) => {
        if (changeId === "CHG-016") work.does(later(window[0], 30), sara, { type: "ci.set_attribute", ciId: "app-migration", changeId, name: "version", value: "1.2.0" });
        work.does(later(window[1], -150), sara, { type: "ci.set_attribute", ciId: "db-migration-staging", changeId, name: "rehearsal", value: result });
      },
      completed: { at: later(window[1], -60), by: sara, notes: `Rehearsal ${result}` },
      reviewed: { at: later(window[1], 3 * 24 * 60 - 330), by: carla, lessons: "Reconciliation scripts reused as the cutover's acceptance check" },
      closed: { at: later(window[1], 3 * 24 * 60 - 325), by: carla },
    },
  });
}
