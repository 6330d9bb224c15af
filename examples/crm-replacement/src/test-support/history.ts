import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toArray, type RecordedEvent } from "@handover/core";
import { afterAll } from "vitest";
import { buildCrmHistory, type CrmHistory } from "../build-history.js";
import { queriesOf, type LogQueries } from "./log.js";

/** What a test file of the example reads: the history, built afresh for the file, its log in memory, and questions over it. */
export interface BuiltHistory {
  readonly history: CrmHistory;
  readonly log: RecordedEvent[];
  readonly queries: LogQueries;
}

/** Builds the Orbit CRM history in memory for one test file (each file gets its own, so no test sees another's appends). */
export async function builtHistory(): Promise<BuiltHistory> {
  const history = await buildCrmHistory();
  const log = await toArray(history.handover.log());
  return { history, log, queries: queriesOf(log) };
}

/** A scratch folder for one test file, removed after its tests. */
export function scratchFolder(prefix: string): string {
  const folder = mkdtempSync(join(tmpdir(), prefix));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  return folder;
}
