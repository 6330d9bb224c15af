import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createPriorityMatrix, itilPriorityMatrix, priorityFor } from "./priority.js";

describe("priority matrix", () => {
  it("is the textbook ITIL matrix by default", () => {
    const expected = [[1, 1, 1], [1, 2, 2], [1, 3, 3], [2, 1, 2], [2, 2, 3], [2, 3, 4], [3, 1, 3], [3, 2, 4], [3, 3, 5]];
    for (const [impact, urgency, priority] of expected) {
      expect(priorityFor(itilPriorityMatrix, impact as number, urgency as number)).toEqual({ _tag: "Right", right: priority });
    }
  });

  it("refuses an empty cell, a ragged matrix and an empty matrix when built", () => {
    expect(createPriorityMatrix("x", [[1, 2], [2, undefined]])).toMatchObject({ left: expect.stringContaining("impact 2 / urgency 2 is empty") });
    expect(createPriorityMatrix("x", [[1, 2], [2]])).toMatchObject({ left: expect.stringContaining("must be rectangular") });
    expect(createPriorityMatrix("x", [])).toMatchObject({ left: expect.stringContaining("no impact rows") });
    expect(createPriorityMatrix("x", [[0]])).toMatchObject({ left: expect.stringContaining("every cell needs a priority") });
    expect(createPriorityMatrix("x", [[1, 7]])).toMatchObject({ left: "priority matrix x: priorities must run 1..7 without gaps; no cell gives 2, 3, 4, 5, 6" });
    expect(createPriorityMatrix("x", [[1, 3], [2, 2]])).toMatchObject({ left: expect.stringContaining("impact 2 / urgency 2 gives priority 2, higher than impact 1 (3); a narrower impact never raises the priority") });
    expect(createPriorityMatrix("x", [[2, 1], [3, 3]])).toMatchObject({ left: expect.stringContaining("impact 1 / urgency 2 gives priority 1, higher than urgency 1 (2); a lower urgency never raises the priority") });
  });

  it("works for any rectangular size and refuses values outside it", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 6 }), (impacts, urgencies) => {
        const cells = Array.from({ length: impacts }, (_, row) => Array.from({ length: urgencies }, (_, column) => row + column + 1));
        const matrix = createPriorityMatrix("grid", cells);
        expect(matrix._tag).toBe("Right");
        if (matrix._tag === "Left") return;
        expect(priorityFor(matrix.right, impacts, urgencies)).toEqual({ _tag: "Right", right: impacts + urgencies - 1 });
        expect(priorityFor(matrix.right, impacts + 1, 1)._tag).toBe("Left");
        expect(priorityFor(matrix.right, 1, 0)._tag).toBe("Left");
      }),
    );
  });
});
