import type { SqliteSpillStore } from "@handover/store-sqlite";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { inputError, type CliFailure, type CommandArgs } from "../command.js";
import { loadSqliteStore } from "./open-sqlite.js";

/** What `--spill` keeps out of memory, as each command's help says it, `also` naming what else it does and the sentence ending with what stays the same. */
export function spillDetail(also: string, same: string): string {
  return `  --spill           keep finished work items (closed incidents, changes, problems; released releases) in a scratch SQLite file in the temporary folder${also}, removed after, instead of in memory: for logs of millions of events; ${same}`;
}

/** The `--spill` option of the commands that replay a whole log. */
export const SPILL_OPTION = { spill: { type: "boolean" } } as const;

/** What `--spill` answers when the temporary folder cannot hold its scratch files. */
export function scratchRefused(error: unknown): CliFailure {
  return inputError(`--spill: could not make a scratch file for the audit (${error instanceof Error ? error.message : String(error)}); check that the temporary folder (TMPDIR) is writable, or run without --spill`);
}

/**
 * With `--spill`: a scratch SQLite file in the temporary folder for a replay's finished work
 * items (the caller closes it, which removes it), the SQLite store loaded only then; a
 * folder that cannot hold one is an input error. Without: nothing.
 */
export async function openSpill(values: CommandArgs["values"]): Promise<Either<CliFailure, SqliteSpillStore | undefined>> {
  if (values.spill !== true) return right(undefined);
  try {
    return right((await loadSqliteStore()).openSqliteSpillStore());
  } catch (error) {
    return left(scratchRefused(error));
  }
}

/**
 * Runs a replay with the scratch spill store `--spill` asks for (none without it), and
 * closes the store (removing its file) once the replay is done, whether it succeeded or
 * not; a folder that cannot hold the file is the input error `openSpill` gives.
 */
export async function withSpill<T>(values: CommandArgs["values"], replay: (spill: SqliteSpillStore | undefined) => Promise<T>): Promise<Either<CliFailure, T>> {
  const spill = await openSpill(values);
  if (spill._tag === "Left") return spill;
  return right(await replay(spill.right).finally(() => spill.right?.close()));
}
