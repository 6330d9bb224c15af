import { toArray, verifyChain, type EventMeta, type EventStore, type EventToAppend, type RecordedEvent } from "@handover/core";
import { expect } from "vitest";

/** Meta for a conformance append, occurring at a given minute of 2026-02-01. */
export function metaAt(minute: number, extra: Partial<EventMeta> = {}): EventMeta {
  return { actor: "u-1", occurredAt: new Date(Date.UTC(2026, 1, 1, 0, minute)).toISOString(), ...extra };
}

/** `count` events of type thing.changed. */
export function changes(count: number, size = 1): EventToAppend[] {
  return Array.from({ length: count }, () => ({ type: "thing.changed", data: { size } }));
}

/** Reads the whole log of a store. */
export function everything(store: EventStore): Promise<RecordedEvent[]> {
  return toArray(store.readAll());
}

/** Asserts the store's log verifies and its head matches the last event. */
export async function expectChainValid(store: EventStore): Promise<RecordedEvent[]> {
  const log = await everything(store);
  const verdict = verifyChain(log);
  expect(verdict, verdict.ok ? "" : verdict.message).toMatchObject({ ok: true, count: log.length });
  const head = await store.head();
  expect(head.position).toBe(log.length);
  if (verdict.ok) expect(head.hash).toBe(verdict.headHash);
  return log;
}
