import { test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { arbitraryHandoverSteps, handoverLogOf, randomLogPolicy } from "../fixtures/random-handover-log.js";
import { auditFindings } from "./findings.js";

/** A history whose emergency change the CAB rejected in its retrospective review (found once by a random run): no rule broken, a rejection shown. */
const retrospectiveRejection = [[17, 1, 0], [33, 3, 0], [33, 9, 1], ...Array.from({ length: 9 }, () => [0, 0, 0]), [33, 9, 0], ...Array.from({ length: 10 }, () => [0, 0, 0])];

describe("audit findings properties", () => {
  test.prop([arbitraryHandoverSteps], { numRuns: 25, examples: [[retrospectiveRejection as never]] })("a history the deciders kept with every rule enforced breaks no rule", (steps) => {
    const log = handoverLogOf(steps, "enforce");
    const findings = auditFindings(log, randomLogPolicy("enforce")).findings;
    expect(findings.filter((finding) => finding.rule !== undefined)).toEqual([]);
    // What the audit shows besides rules is what the deciders allowed and history should see: a sign-off's override, a CAB's retrospective rejection.
    expect(findings.filter((finding) => !["signoff_overridden", "emergency_rejected"].includes(finding.kind))).toEqual([]);
  });

  test.prop([arbitraryHandoverSteps], { numRuns: 25 })("every breach an event recorded in record mode is found by replay too", (steps) => {
    const log = handoverLogOf(steps, "record");
    const findings = auditFindings(log, randomLogPolicy("record")).findings;
    const recordedByEvents = log.filter((event) => {
      const data = event.data as { findings?: unknown[]; changeControl?: { breach?: unknown } };
      return (data.findings?.length ?? 0) > 0 || data.changeControl?.breach !== undefined;
    });
    for (const event of recordedByEvents) {
      const atEvent = findings.filter((finding) => finding.position === event.position);
      expect(atEvent.length, `position ${event.position} (${event.type})`).toBeGreaterThan(0);
      for (const finding of atEvent) expect(finding.source, finding.message).toBe("both");
    }
  });
});
