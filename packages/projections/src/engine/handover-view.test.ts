import { describe, expect, it } from "vitest";
import { cmdbAsOf } from "../cmdb/projection.js";
import { cmdbCiOf } from "../cmdb/result.js";
import { handoverStory } from "../fixtures/handover-story.js";
import { t } from "../fixtures/scenario.js";
import { readinessOf, toSignOffReadiness } from "../readiness/evaluate.js";
import { transitionReadiness } from "../readiness/transition-readiness.js";
import { handoverProjection, handoverView } from "./handover-view.js";

const log = handoverStory().log();

describe("handoverView", () => {
  it("gives the CMDB and readiness of one pass, equal to asking each alone", () => {
    for (const options of [{}, { asOf: t(9, "12:00") }, { toPosition: 20 }]) {
      const view = handoverView(log, "crm", options);
      expect(view.cmdb).toEqual(cmdbAsOf(log, options));
      expect(view.readiness).toEqual(transitionReadiness(log, "crm", options));
    }
  });

  it("works inline, as the engine keeps it: apply after each append, read the state between", () => {
    const projection = handoverProjection("crm");
    const state = projection.init();
    const verdicts: boolean[] = [];
    for (const event of log) {
      projection.apply(state, event);
      verdicts.push(toSignOffReadiness(readinessOf(state, "crm")).ready);
      const ci = cmdbCiOf(state.history.cmdb, "crm-app");
      if (ci !== undefined) expect(Object.isFrozen(ci)).toBe(true);
    }
    const baseline = log.find((event) => event.type === "project.baseline_taken")?.position ?? 0;
    expect(verdicts.indexOf(true) + 1).toBe(baseline);
    expect(projection.result?.(state)).toEqual(handoverView(log, "crm"));
  });
});
