import { defaultPolicy } from "@handover/itil";
import { describe, expect, it } from "vitest";
import { auditFindings } from "../audit/findings.js";
import { crmDriftStory } from "../fixtures/crm-story.js";
import { handoverStory } from "../fixtures/handover-story.js";
import { people, t } from "../fixtures/scenario.js";
import { processMetrics } from "./metrics.js";

// The handover story: change C-1 raised on 5 March 08:00 and authorised by one CAB vote at
// 08:20, implemented successfully, shipped in R-1 to production on the 7th at 18:00; INC1
// (P2) logged on the 4th 09:00 and resolved on the 8th 11:00; INC2 (P1) logged on the 10th
// 09:00 and resolved on the 11th 09:00. March 2026: the 2nd and the 9th are Mondays.
const story = handoverStory();
const log = story.log();
const positionOf = (type: string, id: string) => log.find((event) => event.type === type && Object.values(event.data as object).includes(id))?.position;

describe("processMetrics on the handover story", () => {
  const metrics = processMetrics(log, story.policy);

  it("counts changes by type and level, their approval latency and implementation success, each with its events", () => {
    expect(metrics.change.raised).toMatchObject({ value: 1, evidence: [positionOf("change.raised", "C-1")] });
    expect(metrics.change.raisedByType.normal.value).toBe(1);
    expect(metrics.change.raisedByType.emergency.value).toBe(0);
    expect(metrics.change.raisedByLevel.solution.value).toBe(1);
    expect(metrics.change.approvalLatency).toMatchObject({ value: 20, median: 20, p90: 20, evidence: [positionOf("change.raised", "C-1"), positionOf("change.authorised", "C-1")] });
    expect(metrics.change.implementationSuccess).toMatchObject({ value: 1, count: 1, matching: 1 });
    expect(metrics.change.successScore.value).toBe(100);
  });

  it("gives DORA's four keys: one production deployment, lead time raised → deployed, no failure, time to restore of P1 and P2", () => {
    const deployed = positionOf("release.deployed", "R-1");
    expect(metrics.delivery.deploymentFrequency).toMatchObject({ count: 1, evidence: [deployed] });
    expect(metrics.period).toMatchObject({ from: t(1, "08:00"), to: t(11), weeks: ["2026-02-23", "2026-03-02", "2026-03-09"] });
    expect(metrics.delivery.deploymentFrequency.weekly.map((week) => week.value)).toEqual([0, 1, 0]);
    expect(metrics.delivery.deploymentFrequency.value).toBeCloseTo(1 / ((Date.parse(t(11)) - Date.parse(t(1, "08:00")) + 1) / (7 * 86_400_000)), 9);
    expect(metrics.delivery.leadTime).toMatchObject({ value: 2 * 24 * 60 + 10 * 60, count: 1 });
    expect(metrics.delivery.changeFailureRate).toMatchObject({ value: 0, count: 1, matching: 0 });
    // INC1: 4 days 2 hours (5880 min); INC2: 1 day (1440 min).
    expect(metrics.delivery.timeToRestore).toMatchObject({ value: (5880 + 1440) / 2, median: (5880 + 1440) / 2, p90: 5880, count: 2 });
  });

  it("judges SLA attainment by the policy's targets, and shows the backlog at the end of each week", () => {
    // INC1 waited four days for an owner (P2: 30 min to own), INC2 took a day (P1: 4 h to resolve): both missed.
    expect(metrics.incident.slaAttainment).toMatchObject({ value: 0, count: 2, matching: 0 });
    expect(Object.keys(metrics.incident.slaAttainmentByPriority)).toEqual(["1", "2"]);
    expect(metrics.incident.timeToResolve).toMatchObject({ value: 3660, p90: 5880 });
    expect(metrics.incident.reopenRate).toMatchObject({ value: 0, count: 2 });
    // INC1 was open from the 4th to the 8th and INC2 from the 10th to the 11th: neither at the end of a week.
    expect(metrics.incident.backlog.weekly.map((week) => week.value)).toEqual([0, 0, 0]);
    expect(metrics.incident.backlog.value).toBe(0);
  });
});

describe("processMetrics: definitions", () => {
  it("counts a deployment as failed when an incident is later linked as caused by one of its changes, and the change as not incident-free", () => {
    const s = handoverStory();
    s.incident(people.desk, t(11, "10:00"), { type: "incident.link_change", incidentId: "INC2", changeId: "C-1", relation: "caused_by" });
    const events = s.log();
    const metrics = processMetrics(events, s.policy);
    const link = events.find((event) => event.type === "incident.change_linked")?.position;
    expect(metrics.delivery.changeFailureRate).toMatchObject({ value: 1, matching: 1 });
    expect(metrics.delivery.changeFailureRate.matchingEvidence).toContain(link);
    expect(metrics.change.successScoreParts.incidentFree).toMatchObject({ value: 0, count: 1 });
    // No CI changed under change control, so that part (20) is left out: implementation 40, reviews 10 and
    // planned 10 hold, incident-free 20 fails: 60 of 80.
    expect(metrics.change.successScoreParts.authorisedCiChanges).toMatchObject({ value: null, count: 0 });
    expect(metrics.change.successScore.value).toBeCloseTo(75, 9);
    expect(processMetrics(events, s.policy, { weights: { implementation: 0, authorisedCiChanges: 0, reviews: 0, planned: 0 } }).change.successScore.value).toBe(0);
  });

  it("counts a rollback against the production deployment it undid", () => {
    const s = handoverStory();
    s.release(people.rm, t(7, "20:00"), { type: "release.roll_back", releaseId: "R-1", reason: "login fails" });
    const events = s.log();
    const rollback = events.find((event) => event.type === "release.rolled_back")?.position;
    expect(processMetrics(events, s.policy).delivery.changeFailureRate).toMatchObject({ value: 1, count: 1, matchingEvidence: [positionOf("release.deployed", "R-1"), rollback] });
  });

  it("counts only what falls in the period, and cuts the log by --as-of", () => {
    const late = processMetrics(log, story.policy, { from: "2026-03-08" });
    expect(late.period.from).toBe("2026-03-08T00:00:00.000Z");
    expect(late.delivery.deploymentFrequency.count).toBe(0);
    expect(late.delivery.timeToRestore.count).toBe(2);
    const asOf = processMetrics(log, story.policy, { asOf: "2026-03-10T12:00:00Z" });
    expect(asOf.period.to).toBe("2026-03-10T12:00:00.000Z");
    expect(asOf.incident.backlog).toMatchObject({ value: 1, evidence: [positionOf("incident.logged", "INC2")] });
    expect(asOf.incident.backlog.weekly.map((week) => week.value)).toEqual([0, 0, 1]);
    expect(asOf.delivery.timeToRestore.count).toBe(1);
    expect(() => processMetrics(log, story.policy, { from: "2026-03-09", to: "2026-03-08" })).toThrow(RangeError);
  });

  it("gives the share of CI changes under change control made without an authorised change: the audit's ci_change_unauthorised findings", () => {
    const s = crmDriftStory();
    const events = s.log();
    const unauthorised = auditFindings(events, s.policy).findings.filter((finding) => finding.kind === "ci_change_unauthorised").map((finding) => finding.position);
    const figure = processMetrics(events, s.policy).change.unauthorisedCiChanges;
    expect(unauthorised.length).toBeGreaterThan(0);
    expect(figure.matchingEvidence).toEqual(unauthorised);
    expect(figure.value).toBeCloseTo(unauthorised.length / figure.count, 9);
  });

  it("answers an async log as it answers an array, and refuses weights that are negative or all zero", async () => {
    async function* stream() {
      yield* log;
    }
    expect(await processMetrics(stream(), story.policy)).toEqual(processMetrics(log, story.policy));
    expect(() => processMetrics(log, defaultPolicy, { weights: { reviews: -1 } })).toThrow(/weights.reviews/);
    expect(() => processMetrics(log, defaultPolicy, { weights: { implementation: 0, incidentFree: 0, authorisedCiChanges: 0, reviews: 0, planned: 0 } })).toThrow(/at least one/);
  });
});
