import { processMetrics } from "@handover/projections";
import { describe, expect, it } from "vitest";
import { builtHistory } from "./test-support/history.js";

// The Orbit CRM history's figures, counted by hand from the story (chapters/ and story/) and
// checked against the log's events: the counts below are the story's, not the library's.
const { log, queries } = await builtHistory();
const metrics = processMetrics(log);
const positionOf = (type: string, id: string) => queries.ofType(type).find((event) => Object.values(event.data).includes(id))?.position;
const minutes = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;

describe("the Orbit CRM history's process metrics, counted by hand", () => {
  it("covers 1 September 2025 to 31 March 2026: 31 weeks from Monday 1 September", () => {
    expect(metrics.period).toMatchObject({ from: "2025-09-01T09:00:00.000Z", to: "2026-03-31T10:00:00.000Z" });
    expect(metrics.period.weeks).toHaveLength(31);
  });

  it("change management: 26 changes (9 standard, 16 normal, 1 emergency; 3 project-level), 25 implemented, all successful", () => {
    const { change } = metrics;
    expect([change.raised.value, change.raisedByType.standard.value, change.raisedByType.normal.value, change.raisedByType.emergency.value]).toEqual([26, 9, 16, 1]);
    expect([change.raisedByLevel.project.value, change.raisedByLevel.solution.value]).toEqual([3, 23]);
    // The emergency hotfix CHG-023 after the go-live P1.
    expect(change.emergencyRatio).toMatchObject({ value: 1 / 26, matching: 1, matchingEvidence: [positionOf("change.raised", "CHG-023")] });
    // 108 CI changes under change control; one, max_connections on db-crm-prod on 23 February, without a change (the deliberate breach).
    expect(change.unauthorisedCiChanges).toMatchObject({ count: 108, matching: 1, matchingEvidence: [959] });
    // 25 implemented, all successful: every change but CHG-011, cancelled.
    expect(change.implementationSuccess).toMatchObject({ value: 1, count: 25 });
    // CHG-006 rejected by the CAB and revised with load-test evidence; CHG-023's window overlapped another change, which an emergency records and proceeds.
    expect([change.rejected.value, change.revised.value, change.conflictsOverridden.value]).toEqual([1, 1, 1]);
    expect([change.rejected.evidence, change.revised.evidence, change.conflictsOverridden.evidence]).toEqual([[295], [338], [969]]);
    // 25 authorised: 9 by their standard template (no board, left out), 15 by the CAB and 1 (CHG-023) by the ECAB.
    expect(change.approvalLatency.count).toBe(16);
  });

  it("the change success score: 25 of 25 implementations successful, 23 of 25 incident-free (CHG-006 and CHG-010 caused INC-0032 and INC-0033), 107 of 108 CI changes authorised, 25 successful reviews, 25 of 26 planned", () => {
    const { successScoreParts: parts, successScore } = metrics.change;
    expect(parts.incidentFree).toMatchObject({ count: 25, matching: 23 });
    expect(parts.reviews).toMatchObject({ count: 25, matching: 25 });
    const expected = (40 * 1 + 20 * (23 / 25) + 20 * (107 / 108) + 10 * 1 + 10 * (25 / 26)) / 100;
    expect(successScore.value).toBeCloseTo(100 * expected, 9);
  });

  it("DORA's four keys: 3 production deployments, lead times of CHG-019, CHG-020, CHG-023 and CHG-025, no failed deployment, 6 P1/P2 incidents restored", () => {
    const { delivery } = metrics;
    // REL-2.0 on Saturday 21 February (the cutover), REL-2.0.1 on the 23rd (the hotfix), REL-2.0.2 on 11 March.
    expect(delivery.deploymentFrequency.evidence).toEqual([895, 977, 1046]);
    expect(delivery.deploymentFrequency.value).toBeCloseTo(3 / (minutes("2025-09-01T09:00:00.000Z", "2026-03-31T10:00:00.000Z") / (7 * 1440) + 1 / (7 * 86_400_000)), 6);
    const leadTimes = [
      minutes("2026-01-26T09:00:00.000Z", "2026-02-21T07:10:00.000Z"), // CHG-019 in REL-2.0
      minutes("2026-01-27T10:00:00.000Z", "2026-02-21T07:10:00.000Z"), // CHG-020 in REL-2.0
      minutes("2026-02-23T10:05:00.000Z", "2026-02-23T14:25:00.000Z"), // CHG-023 in REL-2.0.1
      minutes("2026-03-06T11:00:00.000Z", "2026-03-11T20:30:00.000Z"), // CHG-025 in REL-2.0.2
    ];
    expect(leadTimes).toEqual([37_330, 35_830, 260, 7770]);
    expect(delivery.leadTime).toMatchObject({ count: 4, value: (37_330 + 35_830 + 260 + 7770) / 4, median: (7770 + 35_830) / 2, p90: 37_330 });
    // CHG-006 and CHG-010 caused incidents, but REL-1.1 went to staging only: no production deployment failed.
    expect(delivery.changeFailureRate).toMatchObject({ value: 0, count: 3 });
    // P2: INC-0003 10040, INC-0011 7435, INC-0021 5905, INC-0041 2800, INC-0044 (reprioritised to P2) 21635; P1: INC-0062 453 minutes.
    const restore = [453, 2800, 5905, 7435, 10_040, 21_635];
    expect(delivery.timeToRestore).toMatchObject({ count: 6, value: restore.reduce((a, b) => a + b) / 6, median: (5905 + 7435) / 2, p90: 21_635 });
  });

  it("incidents: 60 of 66 resolved, 3 of them reopened, 2 reassignments, 2 open at the end (INC-0046 and INC-0061)", () => {
    const { incident } = metrics;
    expect(incident.timeToResolve.count).toBe(60);
    expect(incident.reopenRate).toMatchObject({ count: 60, matching: 3 });
    expect(incident.reassignments).toMatchObject({ value: 2, evidence: [317, 426] });
    expect(incident.backlog).toMatchObject({ value: 2, evidence: [positionOf("incident.logged", "INC-0046"), positionOf("incident.logged", "INC-0061")] });
    expect(incident.slaAttainment.count).toBe(60);
    expect(Object.fromEntries(Object.entries(incident.slaAttainmentByPriority).map(([priority, figure]) => [priority, figure.count]))).toEqual({ "1": 1, "2": 5, "3": 28, "4": 16, "5": 10 });
  });
});
