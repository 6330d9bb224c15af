import { sequentialIds, systemClock, type IdGenerator, type RecordedEvent } from "@handover/core";
import type { IncidentEvent } from "@handover/incident";
import { itilPriorityMatrix, type PriorityMatrix } from "@handover/itil";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { indexColumns } from "./columns.js";
import { parseCsv } from "./csv.js";
import { decodeRow } from "./decode-row.js";
import { deriveIncident, type PriorityDeviation } from "./derive.js";
import type { ImportError } from "./import-error.js";
import { laterTimesOf, type LifecycleDeviation } from "./incident-history.js";
import { groupIncidents } from "./order.js";
import { recordImport } from "./record.js";
import type { Snapshot } from "./snapshot.js";

/** Options of a ServiceNow import. */
export interface ServiceNowImportOptions {
  /** The matrix our priorities come from and deviations are measured against (default: ITIL's). */
  readonly matrix?: PriorityMatrix;
  /** The name errors give the source, such as its file name (default `servicenow.csv`). */
  readonly source?: string;
  /** When the log learns of the events (default: now, read once). */
  readonly recordedAt?: string;
  /** Event ids (default: `servicenow-1`, `servicenow-2`, ... in log order). */
  readonly ids?: IdGenerator;
}

/** The counts an import reports. */
export interface ImportSummary {
  readonly incidents: number;
  readonly rows: number;
  readonly duplicateRows: number;
  readonly outOfOrderRows: number;
  readonly priorityDeviations: number;
  readonly lifecycleDeviations: number;
  /** Rows that give a time (opened, resolved, closed) later than their own update: each such time is recorded when it falls due. */
  readonly rowsAheadOfTime: number;
  readonly events: number;
}

/** An import: the chained log, its summary, and the deviations in detail. */
export interface ServiceNowImport {
  readonly events: readonly RecordedEvent<IncidentEvent>[];
  readonly summary: ImportSummary;
  readonly priorityDeviations: readonly PriorityDeviation[];
  readonly lifecycleDeviations: readonly LifecycleDeviation[];
}

function decodeAll(bytes: Uint8Array, matrix: PriorityMatrix, source: string): Either<ImportError, { rows: number; snapshots: Snapshot[] }> {
  const table = parseCsv(bytes, source);
  if (table._tag === "Left") return table;
  const columns = indexColumns(table.right.header, source);
  if (columns._tag === "Left") return columns;
  const snapshots: Snapshot[] = [];
  for (const [index, record] of table.right.records.entries()) {
    const decoded = decodeRow(record, index, columns.right, matrix, source);
    if (decoded._tag === "Left") return decoded;
    snapshots.push(decoded.right);
  }
  return right({ rows: table.right.records.length, snapshots });
}

/**
 * Turns a ServiceNow incident audit log (CSV) into a hash-chained Handover log of
 * incident events: rows grouped by incident and ordered, duplicates dropped and counted,
 * events derived from consecutive snapshots, source facts kept in the events as each row
 * knew them (a time a row gives ahead of itself is recorded when it falls due), priority
 * and lifecycle deviations counted and reported, never corrected or dropped. Bad input
 * is an error naming the line and column; then nothing is produced.
 */
export function importServiceNow(csv: Uint8Array | string, options: ServiceNowImportOptions = {}): Either<ImportError, ServiceNowImport> {
  const matrix = options.matrix ?? itilPriorityMatrix;
  const source = options.source ?? "servicenow.csv";
  const bytes = typeof csv === "string" ? new TextEncoder().encode(csv) : csv;
  const decoded = decodeAll(bytes, matrix, source);
  if (decoded._tag === "Left") return decoded;
  const grouped = groupIncidents(decoded.right.snapshots);
  const derived = grouped.map((incident) => deriveIncident(incident, matrix));
  const recordedAt = options.recordedAt ?? systemClock();
  const recorded = recordImport(derived, { recordedAt, ids: options.ids ?? sequentialIds("servicenow"), source });
  if (recorded._tag === "Left") return left(recorded.left);
  const priorityDeviations = derived.flatMap((incident) => incident.priorityDeviations);
  const lifecycleDeviations = derived.flatMap((incident) => incident.history.deviations);
  const summary: ImportSummary = {
    incidents: grouped.length,
    rows: decoded.right.rows,
    duplicateRows: grouped.reduce((sum, incident) => sum + incident.duplicateRows, 0),
    outOfOrderRows: grouped.reduce((sum, incident) => sum + incident.outOfOrderRows, 0),
    priorityDeviations: priorityDeviations.length,
    lifecycleDeviations: lifecycleDeviations.length,
    rowsAheadOfTime: decoded.right.snapshots.filter((row) => laterTimesOf(row).length > 0).length,
    events: recorded.right.length,
  };
  return right({ events: recorded.right, summary, priorityDeviations, lifecycleDeviations });
}
