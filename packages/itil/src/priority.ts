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

/**
 * Builds a priority matrix; refuses one that is empty, not rectangular, has a cell that is
 * not a priority, uses priorities with gaps (they must run 1..n), or gives a narrower impact
 * or a lower urgency a higher priority than its neighbour (the matrix must be monotone).
 */
export function createPriorityMatrix(name: string, cells: readonly (readonly (number | undefined)[])[]): Either<string, PriorityMatrix> {
  const problem = shapeProblem(cells) ?? gapProblem(cells as readonly (readonly number[])[]) ?? monotonyProblem(cells as readonly (readonly number[])[]);
  if (problem !== undefined) return left(`priority matrix ${name}: ${problem}`);
  const frozen = cells.map((columns) => Object.freeze(columns.map(Number)));
  const lowestPriority = Math.max(...frozen.flat());
  return right(Object.freeze({ name, impacts: cells.length, urgencies: frozen[0]?.length ?? 0, cells: Object.freeze(frozen), lowestPriority }));
}

function shapeProblem(cells: readonly (readonly (number | undefined)[])[]): string | undefined {
  if (cells.length === 0) return "it has no impact rows";
  const urgencies = cells[0]?.length ?? 0;
  if (urgencies === 0) return "impact row 1 has no urgency columns";
  for (const [row, columns] of cells.entries()) {
    if (columns.length !== urgencies) return `impact row ${row + 1} has ${columns.length} urgency columns, row 1 has ${urgencies}; the matrix must be rectangular`;
    const bad = columns.findIndex((priority) => priority === undefined || !Number.isInteger(priority) || priority < 1);
    if (bad >= 0) return `impact ${row + 1} / urgency ${bad + 1} is ${columns[bad] === undefined ? "empty" : columns[bad]}; every cell needs a priority 1..n`;
  }
  return undefined;
}

function gapProblem(cells: readonly (readonly number[])[]): string | undefined {
  const used = new Set(cells.flat());
  const lowest = Math.max(...used);
  const missing = Array.from({ length: lowest }, (_, index) => index + 1).filter((priority) => !used.has(priority));
  return missing.length === 0 ? undefined : `priorities must run 1..${lowest} without gaps; no cell gives ${missing.join(", ")}`;
}

function monotonyProblem(cells: readonly (readonly number[])[]): string | undefined {
  for (const [row, columns] of cells.entries()) {
    for (const [column, priority] of columns.entries()) {
      const below = cells[row + 1]?.[column];
      if (below !== undefined && below < priority) return `impact ${row + 2} / urgency ${column + 1} gives priority ${below}, higher than impact ${row + 1} (${priority}); a narrower impact never raises the priority`;
      const right = columns[column + 1];
      if (right !== undefined && right < priority) return `impact ${row + 1} / urgency ${column + 2} gives priority ${right}, higher than urgency ${column + 1} (${priority}); a lower urgency never raises the priority`;
    }
  }
  return undefined;
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
