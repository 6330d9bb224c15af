import type { RecordedEvent } from "@handover/core";
import { defaultPolicy } from "@handover/itil";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { handoverView } from "../engine/handover-view.js";
import { processOf } from "../event-kinds.js";
import { arbitraryHandoverSteps, handoverLogOf } from "../fixtures/random-handover-log.js";
import { readinessOf } from "../readiness/evaluate.js";
import { applyToReadiness, createReadinessState } from "../readiness/state.js";
import { transitionReadiness } from "../readiness/transition-readiness.js";
import { createHistory } from "./history.js";

const WORK = ["incident", "problem", "change", "release"];

/**
 * A random handover log; then, as imported history might hold them, some of its work items
 * closed (a `<process>.closed` event made from the item's latest one, since the random logs
 * seldom finish an item) and some of its work-item events recorded again after that: events
 * that reach items after their final state, which a trimmed history must follow as the whole one does.
 */
const logs = arbitraryHandoverSteps.map(handoverLogOf).chain((log) => {
  const work = log.filter((event) => WORK.includes(processOf(event.type) ?? ""));
  const streams = [...new Set(work.map((event) => event.streamId))];
  if (streams.length === 0) return fc.constant(log);
  const closingOf = (streamId: string): RecordedEvent[] => {
    const latest = work.filter((event) => event.streamId === streamId).at(-1);
    return latest === undefined ? [] : [{ ...latest, type: `${processOf(latest.type) ?? ""}.closed` }];
  };
  return fc.tuple(fc.subarray(streams), fc.array(fc.constantFrom(...work), { maxLength: 20 })).map(([closed, again]): RecordedEvent[] => [
    ...log,
    ...[...closed.flatMap(closingOf), ...again].map((event, index) => ({ ...event, position: log.length + index + 1, eventId: `imported-${index}` })),
  ]);
});

describe("readiness retention", () => {
  test.prop([logs], { numRuns: 80 })("after every event, readiness from a history that trims finished work equals readiness from one that keeps everything", (log) => {
    const whole = createReadinessState(createHistory(defaultPolicy, "crm"));
    const trimmed = createReadinessState(createHistory(defaultPolicy, "crm", "readiness"));
    for (const event of log) {
      applyToReadiness(whole, event);
      applyToReadiness(trimmed, event);
      expect(readinessOf(trimmed, "crm"), `after position ${event.position}`).toEqual(readinessOf(whole, "crm"));
    }
  });

  test.prop([logs.chain((log) => fc.tuple(fc.constant(log), fc.nat({ max: log.length })))], { numRuns: 25 })("handoverView's readiness equals transitionReadiness's, whole log or cut", ([log, p]) => {
    expect(handoverView(log, "crm").readiness).toEqual(transitionReadiness(log, "crm"));
    expect(handoverView(log, "crm", { toPosition: p }).readiness).toEqual(transitionReadiness(log, "crm", { toPosition: p }));
  });
});
