import { test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { arbitraryHandoverSteps, handoverLogOf, randomLogPolicy } from "../fixtures/random-handover-log.js";
import { auditFindings } from "./findings.js";

describe("audit findings properties", () => {
  test.prop([arbitraryHandoverSteps], { numRuns: 25 })("a history the deciders kept with every rule enforced breaks no rule", (steps) => {
    const log = handoverLogOf(steps, "enforce");
    expect(auditFindings(log, randomLogPolicy("enforce")).findings).toEqual([]);
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
