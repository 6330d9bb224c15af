import { readFile } from "node:fs/promises";
import { createPriorityMatrix, itilPriorityMatrix, type PriorityMatrix } from "@handover/itil";
import { left, type Either } from "fp-ts/lib/Either.js";
import { inputError, type CliFailure } from "../command.js";

/** The priority matrices known by name. */
export const NAMED_MATRICES: Readonly<Record<string, PriorityMatrix>> = { itil: itilPriorityMatrix };

/**
 * A priority matrix by name (`itil`) or from a JSON file holding `{ "name": ..., "cells":
 * [[1, 2, 3], ...] }` (impact rows, urgency columns); a matrix that is not rectangular or
 * leaves a cell empty is refused with the reason.
 */
export async function resolveMatrix(nameOrPath: string): Promise<Either<CliFailure, PriorityMatrix>> {
  const named = NAMED_MATRICES[nameOrPath];
  if (named !== undefined) return { _tag: "Right", right: named };
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(nameOrPath, "utf8"));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === "ENOENT" ? `not a known matrix (${Object.keys(NAMED_MATRICES).join(", ")}) nor a file` : `cannot be read as JSON (${error instanceof Error ? error.message : String(error)})`;
    return left(inputError(`--matrix ${nameOrPath}: ${reason}`));
  }
  const { name, cells } = (parsed ?? {}) as { name?: unknown; cells?: unknown };
  if (!Array.isArray(cells) || !cells.every((row) => Array.isArray(row))) return left(inputError(`--matrix ${nameOrPath}: expected {"name": "...", "cells": [[1, 2, 3], ...]}`));
  const built = createPriorityMatrix(typeof name === "string" && name !== "" ? name : nameOrPath, cells as number[][]);
  if (built._tag === "Left") return left(inputError(`--matrix ${nameOrPath}: ${built.left}`));
  return built;
}
