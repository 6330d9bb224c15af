import { left, right, type Either } from "fp-ts/lib/Either.js";
import { z } from "zod";

/** Impact of an incident or change: 1 is the widest. */
export const Impact = z.number().int().min(1);
/** Urgency: 1 is the most urgent. */
export const Urgency = z.number().int().min(1);

/**
 * A priority matrix: `cells[impact - 1][urgency - 1]` is the priority (1 = highest).
 * Any number of impact rows and urgency columns; built only through `createPriorityMatrix`.
 */
export interface PriorityMatrix {
  readonly name: string;
  readonly impacts: number;
  readonly urgencies: number;
  readonly cells: readonly (readonly number[])[];
  /** The lowest priority the matrix gives (its largest number). */
  readonly lowestPriority: number;
}

/** Builds a priority matrix; refuses one that is empty, not rectangular, or has a cell that is not a priority 1..n. */
export function createPriorityMatrix(name: string, cells: readonly (readonly (number | undefined)[])[]): Either<string, PriorityMatrix> {
  if (cells.length === 0) return left(`priority matrix ${name}: it has no impact rows`);
  const urgencies = cells[0]?.length ?? 0;
  if (urgencies === 0) return left(`priority matrix ${name}: impact row 1 has no urgency columns`);
  for (let row = 0; row < cells.length; row++) {
    const columns = cells[row] ?? [];
    if (columns.length !== urgencies) return left(`priority matrix ${name}: impact row ${row + 1} has ${columns.length} urgency columns, row 1 has ${urgencies}; the matrix must be rectangular`);
    for (let column = 0; column < urgencies; column++) {
      const priority = columns[column];
      if (priority === undefined || !Number.isInteger(priority) || priority < 1) {
        return left(`priority matrix ${name}: impact ${row + 1} / urgency ${column + 1} is ${priority === undefined ? "empty" : priority}; every cell needs a priority 1..n`);
      }
    }
  }
  const frozen = cells.map((columns) => Object.freeze(columns.map(Number)));
  const lowestPriority = Math.max(...frozen.flat());
  return right(Object.freeze({ name, impacts: cells.length, urgencies, cells: Object.freeze(frozen), lowestPriority }));
}

function mustBuild(name: string, cells: readonly (readonly number[])[]): PriorityMatrix {
  const built = createPriorityMatrix(name, cells);
  if (built._tag === "Left") throw new Error(built.left);
  return built.right;
}

/** The textbook ITIL 3×3 matrix: 1-1→1, 1-2→2, 1-3→3, 2-1→2, 2-2→3, 2-3→4, 3-1→3, 3-2→4, 3-3→5. */
export const itilPriorityMatrix: PriorityMatrix = mustBuild("itil", [
  [1, 2, 3],
  [2, 3, 4],
  [3, 4, 5],
]);

/** The priority for an impact and urgency, or a sentence saying which is out of the matrix. */
export function priorityFor(matrix: PriorityMatrix, impact: number, urgency: number): Either<string, number> {
  if (!Number.isInteger(impact) || impact < 1 || impact > matrix.impacts) return left(`impact ${impact} is outside matrix ${matrix.name} (1..${matrix.impacts})`);
  if (!Number.isInteger(urgency) || urgency < 1 || urgency > matrix.urgencies) return left(`urgency ${urgency} is outside matrix ${matrix.name} (1..${matrix.urgencies})`);
  return right(matrix.cells[impact - 1]?.[urgency - 1] ?? matrix.lowestPriority);
}
