import { closeSync, createReadStream, mkdtempSync, openSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { AuditFinding } from "@handover/projections";
import { cellsOf, headingWidths, widenTo, type TableColumn } from "../output/table.js";

/** Findings written to the spool file per write: one write per thousand, not one per finding. */
const FINDINGS_PER_WRITE = 1000;

/**
 * The findings an audit hands over as it finds them (`onFinding`), kept in a scratch file,
 * one JSON line each, instead of in memory: the shown ones (of the kinds asked), their
 * counts by kind in the order first found, and the widest cell of each table column, so the
 * table can be printed from the file row by row once the audit is done. `close` removes it.
 */
export interface FindingsSpool {
  /** Takes a finding as the audit hands it over; one not of the kinds asked is not kept. */
  readonly add: (finding: AuditFinding) => void;
  /** How many findings are kept (shown). */
  shown(): number;
  /** The kept findings' counts by kind, in the order each kind was first found. */
  counts(): ReadonlyMap<string, number>;
  /** The width of each table column: its heading's, widened to each kept finding's cell. */
  widths(): readonly number[];
  /** The kept findings, in the order they were found, read back from the file. */
  findings(): AsyncIterable<AuditFinding>;
  /** Removes the scratch file and its folder. */
  close(): void;
}

/** A spool in a new folder of the temporary folder, for the findings of these kinds (all when undefined), shown in a table of these columns. */
export function createFindingsSpool(kinds: ReadonlySet<string> | undefined, columns: readonly TableColumn<AuditFinding>[]): FindingsSpool {
  const folder = mkdtempSync(join(tmpdir(), "handover-findings-"));
  const path = join(folder, "findings.jsonl");
  const file = openSync(path, "w");
  const counts = new Map<string, number>();
  const widths = headingWidths(columns);
  let pending: string[] = [];
  let shown = 0;
  let open = true;
  const writePending = (): void => {
    if (pending.length === 0) return;
    writeSync(file, pending.join(""));
    pending = [];
  };
  const finish = (): void => {
    if (!open) return;
    writePending();
    closeSync(file);
    open = false;
  };
  return {
    add(finding) {
      if (kinds !== undefined && !kinds.has(finding.kind)) return;
      shown++;
      counts.set(finding.kind, (counts.get(finding.kind) ?? 0) + 1);
      widenTo(widths, cellsOf(finding, columns));
      // JSON escapes every line break but U+2028 and U+2029; escaped too, each finding is one line whatever reads it back.
      pending.push(`${JSON.stringify(finding).replace(/[\u2028\u2029]/g, (separator) => `\\u${separator.charCodeAt(0).toString(16)}`)}\n`);
      if (pending.length === FINDINGS_PER_WRITE) writePending();
    },
    shown: () => shown,
    counts: () => counts,
    widths: () => widths,
    async *findings() {
      finish();
      const lines = createInterface({ input: createReadStream(path, { encoding: "utf8" }), crlfDelay: Infinity });
      for await (const line of lines) yield JSON.parse(line) as AuditFinding;
    },
    close() {
      finish();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
