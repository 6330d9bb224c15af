import { test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import type { RecordedEvent } from "@handover/core";
import { handoverView } from "../engine/handover-view.js";
import { arbitraryHandoverSteps, handoverLogOf, randomLogPolicy } from "../fixtures/random-handover-log.js";
import { auditReplay } from "./audit-replay.js";
import type { AuditFinding } from "./finding.js";
import { auditFindings } from "./findings.js";

async function* streamed(events: readonly RecordedEvent[]): AsyncGenerator<RecordedEvent> {
  for (const event of events) yield event;
}

describe("auditReplay", () => {
  test.prop([arbitraryHandoverSteps], { numRuns: 20 })("answers in one pass what handoverView and auditFindings answer in two", (steps) => {
    const log = handoverLogOf(steps, "record");
    const policy = randomLogPolicy("record");
    const replay = auditReplay(log, "crm", { policy });
    expect(replay.view).toEqual(handoverView(log, "crm", { policy }));
    expect(replay.findings).toEqual(auditFindings(log, policy, { projectId: "crm" }));
  });

  test.prop([arbitraryHandoverSteps], { numRuns: 10 })("as of a point of the log, and from an async log, the same as the two apart", async (steps) => {
    const log = handoverLogOf(steps, "record");
    const policy = randomLogPolicy("record");
    const middle = log[Math.floor(log.length / 2)] as RecordedEvent;
    const options = { policy, asOf: middle.meta.occurredAt, knownAt: middle.recordedAt };
    const replay = await auditReplay(streamed(log), "crm", options);
    expect(replay.view).toEqual(handoverView(log, "crm", options));
    expect(replay.view.cmdb.asOf).toBe(middle.meta.occurredAt);
    expect(replay.findings).toEqual(auditFindings(log, policy, { ...options, projectId: "crm" }));
  });

  it("hands the findings over as they are found with onFinding, keeping the counts", () => {
    const log = handoverLogOf(Array.from({ length: 120 }, (_, index) => [index % 40, index % 12, (index * 7) % 12] as const), "record");
    const policy = randomLogPolicy("record");
    const kept = auditReplay(log, "crm", { policy }).findings;
    const handed: AuditFinding[] = [];
    const streamedOut = auditReplay(log, "crm", { policy, onFinding: (finding) => handed.push(finding) }).findings;
    expect(kept.findings.length).toBeGreaterThan(0);
    expect(handed).toEqual(kept.findings);
    expect(streamedOut.findings).toEqual([]);
    expect(streamedOut.counts).toEqual(kept.counts);
  });
});
