import type Database from "better-sqlite3";
import { catalogueFingerprint, type EventCatalogue } from "@handover/core";

/**
 * How far the log's rows were checked under a catalogue (canonical text, envelope, data
 * schema), so a read with the same catalogue checks each row once rather than on every read.
 * Rows up to `through()` were checked when the store appended or imported them (inside that
 * transaction); `checked(from, to)` records that rows `from..to` were checked and moves the
 * mark only when they continue it (rows are immutable, so a mark never goes back). Rows
 * written without the catalogue, or before schema 3, stay behind the mark and are checked
 * on every read.
 */
export interface CheckedReads {
  through(): number;
  checked(from: number, to: number): void;
}

/**
 * The statements behind `CheckedReads` for a catalogue, or undefined when there is none.
 * The catalogue's fingerprint is taken at first use; one that cannot be fingerprinted marks
 * nothing and trusts nothing, so every read checks every row.
 */
export function prepareCheckedReads(reader: Database.Database, writer: Database.Database, catalogue: EventCatalogue | undefined): CheckedReads | undefined {
  if (catalogue === undefined) return undefined;
  const through = reader.prepare<[string], number>("SELECT through FROM checked_reads WHERE fingerprint = ?").pluck();
  const advance = writer.prepare<[number, string, number]>("UPDATE checked_reads SET through = ? WHERE fingerprint = ? AND through = ?");
  const start = writer.prepare<[string, number]>("INSERT OR IGNORE INTO checked_reads (fingerprint, through) VALUES (?, ?)");
  return {
    through() {
      const fingerprint = catalogueFingerprint(catalogue);
      return fingerprint === undefined ? 0 : (through.get(fingerprint) ?? 0);
    },
    checked(from, to) {
      const fingerprint = catalogueFingerprint(catalogue);
      if (fingerprint === undefined || to < from) return;
      if (advance.run(to, fingerprint, from - 1).changes === 0 && from === 1) start.run(fingerprint, to);
    },
  };
}
