import * as projections from "@handover/projections";
import { beyondView, cutToView } from "@handover/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NOT_VIEW_READ_MODELS, READ_MODELS, readModelArgs } from "../fixtures/read-models.js";
import { arbitraryHistoryPlan, arbitraryViewOf, historyOf } from "../fixtures/random-history.js";

/**
 * The view law: for every read model, the answer for a view equals the answer computed
 * from the log cut to that view (business time at or before asOf, recorded at or before
 * knownAt, up to toPosition), and no field holds a time or position later than the view.
 * Random histories are the example's commands through the engine, late-recorded and
 * backdated steps among them, and an import of random ServiceNow rows.
 */
describe("the view law, for every read model", () => {
  it("covers every read model @handover/projections exports", () => {
    const exported = Object.keys(projections).filter((name) => !(name in NOT_VIEW_READ_MODELS));
    expect(exported.filter((name) => !(name in READ_MODELS)), "add each to READ_MODELS in fixtures/read-models.ts (or to NOT_VIEW_READ_MODELS, saying why it reads no view)").toEqual([]);
  });

  it("answers a view as the log cut to it does, with nothing later than the view", async () => {
    await fc.assert(
      fc.asyncProperty(arbitraryHistoryPlan, fc.nat(), async (plan, seed) => {
        const log = await historyOf(plan);
        const args = readModelArgs(log);
        const views = fc.sample(arbitraryViewOf(log), { numRuns: 4, seed });
        for (const view of views) {
          const cut = cutToView(log, view);
          for (const [name, run] of Object.entries(READ_MODELS)) {
            const answer = run(log, view, args);
            expect(answer, `${name} in view ${JSON.stringify(view)}`).toEqual(run(cut, view, args));
            expect(beyondView(answer, view), `${name} in view ${JSON.stringify(view)}`).toEqual([]);
          }
        }
      }),
      { numRuns: 40, endOnFailure: true },
    );
  }, 240_000);
});
