import { arbitraryRecordedLog } from "@handover/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { RecordedEvent } from "./envelope.js";
import { verifyChain } from "./verify-chain.js";

const logs = arbitraryRecordedLog({ minLength: 2, maxLength: 25 });
const logAndIndex = logs.chain((log) => fc.tuple(fc.constant(log), fc.integer({ min: 0, max: log.length - 1 })));

function failurePosition(log: readonly RecordedEvent[], head?: { position: number; hash: string }): number | "ok" {
  const verdict = verifyChain(log, head === undefined ? {} : { expectedHead: head });
  return verdict.ok ? "ok" : verdict.position;
}

describe("verifyChain", () => {
  it("accepts every log the chain builder makes", () => {
    fc.assert(
      fc.property(logs, (log) => {
        expect(verifyChain(log)).toMatchObject({ ok: true, count: log.length });
      }),
    );
  });

  it("catches any edit of an event's content at that position", () => {
    fc.assert(
      fc.property(logAndIndex, fc.string(), ([log, index], note) => {
        const original = log[index] as RecordedEvent;
        fc.pre(JSON.stringify((original.data as { note: string }).note) !== JSON.stringify(note));
        const edited = log.map((event, at) => (at === index ? { ...event, data: { ...(event.data as object), note } } : event));
        expect(failurePosition(edited)).toBe(index + 1);
        expect(verifyChain(edited)).toMatchObject({ reason: "hash_mismatch" });
      }),
    );
  });

  it("catches an edited actor, time or type", () => {
    fc.assert(
      fc.property(logAndIndex, fc.constantFrom("actor", "time", "type"), ([log, index], field) => {
        const edited = log.map((event, at) => {
          if (at !== index) return event;
          if (field === "actor") return { ...event, meta: { ...event.meta, actor: `${event.meta.actor}x` } };
          if (field === "time") return { ...event, recordedAt: "2031-01-01T00:00:00.000Z" };
          return { ...event, type: `${event.type}x` };
        });
        expect(failurePosition(edited)).toBe(index + 1);
      }),
    );
  });

  it("catches any deletion at the deleted position", () => {
    fc.assert(
      fc.property(logAndIndex, ([log, index]) => {
        fc.pre(index < log.length - 1);
        const shortened = log.filter((_, at) => at !== index);
        expect(failurePosition(shortened)).toBe(index + 1);
      }),
    );
  });

  it("catches any insertion at the inserted position", () => {
    fc.assert(
      fc.property(logAndIndex, ([log, index]) => {
        const copy = { ...(log[index] as RecordedEvent) };
        const longer = [...log.slice(0, index + 1), copy, ...log.slice(index + 1)];
        expect(failurePosition(longer)).toBe(index + 2);
      }),
    );
  });

  it("catches any swap of two neighbours at the first of them", () => {
    fc.assert(
      fc.property(logAndIndex, ([log, index]) => {
        fc.pre(index < log.length - 1);
        const swapped = [...log];
        [swapped[index], swapped[index + 1]] = [swapped[index + 1] as RecordedEvent, swapped[index] as RecordedEvent];
        expect(failurePosition(swapped)).toBe(index + 1);
      }),
    );
  });

  it("catches a truncation when the head is known", () => {
    fc.assert(
      fc.property(logAndIndex, ([log, index]) => {
        const last = log[log.length - 1] as RecordedEvent;
        const head = { position: last.position, hash: last.hash };
        expect(failurePosition(log, head)).toBe("ok");
        expect(failurePosition(log.slice(0, index), head)).toBe(index + 1);
        expect(verifyChain(log.slice(0, index), { expectedHead: head })).toMatchObject({ reason: "truncated" });
      }),
    );
  });

  it("catches a renumbered stream version", () => {
    fc.assert(
      fc.property(logAndIndex, ([log, index]) => {
        const edited = log.map((event, at) => (at === index ? { ...event, version: event.version + 1 } : event));
        expect(verifyChain(edited)).toMatchObject({ ok: false, position: index + 1, reason: "version_gap" });
      }),
    );
  });

  it("catches a field added to an event, or an actor removed, outside the hashed fields, at that position", () => {
    fc.assert(
      fc.property(logAndIndex, fc.boolean(), ([log, index], addField) => {
        const edited = log.map((event, at) => {
          if (at !== index) return event;
          return (addField ? { ...event, approvedBy: "mallory" } : { ...event, meta: { ...event.meta, actor: "" } }) as RecordedEvent;
        });
        expect(verifyChain(edited)).toMatchObject({ ok: false, position: index + 1 });
        if (addField) expect(verifyChain(edited)).toMatchObject({ reason: "invalid_envelope", message: expect.stringContaining("approvedBy: unknown envelope field") });
      }),
    );
  });

  it("leaves the envelope to the reader when told it checked it (no check twice per event)", () => {
    fc.assert(
      fc.property(logAndIndex, ([log, index]) => {
        const edited = log.map((event, at) => (at === index ? ({ ...event, approvedBy: "mallory" } as RecordedEvent) : event));
        expect(verifyChain(edited, { envelopesChecked: true })).toMatchObject({ ok: true, count: log.length });
      }),
    );
  });
});
