import { fc, test } from "@fast-check/vitest";
import type { RecordedEvent } from "@handover/core";
import { describe, expect } from "vitest";
import { arbitraryCmdbSteps, cmdbLogOf } from "../fixtures/random-cmdb-log.js";
import { baseline } from "./baseline.js";
import type { BaselineContents } from "./contents.js";
import { applyBaselineDiff, diffBaselines, isEmptyDiff } from "./diff.js";

function baselinesOf(log: readonly RecordedEvent[]): BaselineContents[] {
  return log
    .filter((event) => event.type === "project.baseline_taken")
    .map((event) => baseline(log, (event.data as { name: string }).name))
    .flatMap((found) => (found._tag === "Right" ? [found.right] : []));
}

const withBaselines = arbitraryCmdbSteps.map(cmdbLogOf).map(baselinesOf).filter((found) => found.length > 0);

describe("baseline diff properties", () => {
  test.prop([withBaselines], { numRuns: 40 })("the diff of a baseline with itself is empty", (found) => {
    for (const contents of found) expect(isEmptyDiff(diffBaselines(contents, contents))).toBe(true);
  });

  test.prop([withBaselines.chain((found) => fc.tuple(fc.constantFrom(...found), fc.constantFrom(...found)))], { numRuns: 60 })(
    "applying diff(a, b) to a gives b, and diff(b, a) is its mirror",
    ([a, b]) => {
      const forward = diffBaselines(a, b);
      expect(applyBaselineDiff(a, forward)).toEqual(b.cis);
      const backward = diffBaselines(b, a);
      expect(backward.added).toEqual(forward.removed);
      expect(backward.relationshipsAdded).toEqual(forward.relationshipsRemoved);
      expect(backward.changed.map((change) => change.ciId)).toEqual(forward.changed.map((change) => change.ciId));
    },
  );
});
