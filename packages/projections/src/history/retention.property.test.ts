import { defaultPolicy } from "@handover/itil";
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { handoverView } from "../engine/handover-view.js";
import { arbitraryLogsPastFinish as logs } from "../fixtures/random-handover-log.js";
import { readinessOf } from "../readiness/evaluate.js";
import { applyToReadiness, createReadinessState } from "../readiness/state.js";
import { transitionReadiness } from "../readiness/transition-readiness.js";
import { createHistory } from "./history.js";

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
