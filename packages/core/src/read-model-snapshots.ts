import { left, right, type Either } from "fp-ts/lib/Either.js";
import type { LogRange } from "./event-store.js";
import { checkReadModelSnapshotWrite, type InvalidReadModelSnapshot } from "./read-model-snapshot-write.js";

/** One record of a read model's snapshot as stored: its collection, its key there, its place in the collection's order, and its JSON text. */
export interface ReadModelRecord {
  readonly collection: string;
  readonly key: string;
  /** Where the record stands in its collection's order (a CI's registration order); the same in every version of the record. */
  readonly ordinal: number;
  readonly body: string;
}

/**
 * A snapshot of a read model to keep: where in the log it stands, its header (JSON text,
 * read whole) and the records that changed since the latest snapshot of the same name
 * (every record, for the first). Records are never removed, only replaced by newer versions.
 */
export interface ReadModelSnapshotWrite {
  /** The read model and the revision of its snapshot format, e.g. `cmdb@2`. */
  readonly name: string;
  readonly position: number;
  /** The latest `occurredAt` and `recordedAt` the snapshot holds, so a query knows whether it fits. */
  readonly occurredUntil: string;
  readonly recordedUntil: string;
  readonly header: string;
  readonly changed: readonly ReadModelRecord[];
}

/**
 * A stored snapshot, read a record at a time: a query decodes the records it touches, not
 * the whole snapshot. Records are read as they stood at the snapshot's position, whatever
 * was saved after it.
 */
export interface StoredReadModelSnapshot {
  readonly name: string;
  readonly position: number;
  readonly occurredUntil: string;
  readonly recordedUntil: string;
  readonly header: string;
  /** The JSON text of one record as of this snapshot, or undefined when it had none. */
  record(collection: string, key: string): string | undefined;
  /** Every record of a collection as of this snapshot, in ordinal order, as `[key, body]`. */
  records(collection: string): Iterable<readonly [string, string]>;
}

/** A save refused because a snapshot of the same name at or after its position is kept already. */
export interface SnapshotNotAfterLatest {
  readonly kind: "not_after_latest";
  readonly name: string;
  readonly position: number;
  readonly latest: number;
  readonly message: string;
}

/** Why a read-model snapshot was not saved: it was malformed (`checkReadModelSnapshotWrite`), or not after the latest of its name. */
export type ReadModelSnapshotRefusal = InvalidReadModelSnapshot | SnapshotNotAfterLatest;

/**
 * Where read-model snapshots are kept (the CMDB's, say), so a query as of a late point
 * resumes from one instead of replaying the log. Each save stores only the records that
 * changed, so snapshots may be taken often; each version of a record is kept, so every
 * snapshot still reads as it stood.
 */
export interface ReadModelSnapshotStore {
  /** Keeps a snapshot; refused (and nothing written) when it is malformed (`checkReadModelSnapshotWrite`) or its position is not after the latest of the same name. */
  save(snapshot: ReadModelSnapshotWrite): Promise<Either<ReadModelSnapshotRefusal, void>>;
  /** The latest snapshot of the name that fits the range (position, occurred and recorded times within it), if any. */
  load(name: string, range?: LogRange): Promise<StoredReadModelSnapshot | undefined>;
}

/** True when a snapshot standing at these points holds no event the range leaves out. */
export function snapshotFitsRange(snapshot: { readonly position: number; readonly occurredUntil: string; readonly recordedUntil: string }, range: LogRange = {}): boolean {
  if (range.toPosition !== undefined && snapshot.position > range.toPosition) return false;
  if (range.until !== undefined && snapshot.occurredUntil > range.until) return false;
  if (range.recordedUntil !== undefined && snapshot.recordedUntil > range.recordedUntil) return false;
  return true;
}

/** The refusal of a save whose position is not after the latest snapshot of its name. */
export function notAfterLatest(name: string, position: number, latest: number): SnapshotNotAfterLatest {
  return { kind: "not_after_latest", name, position, latest, message: `snapshot ${name} at position ${position}: the latest kept is at position ${latest}; snapshots of one name are saved in log order` };
}

interface KeptHeader {
  readonly position: number;
  readonly occurredUntil: string;
  readonly recordedUntil: string;
  readonly header: string;
}

interface KeptRecord {
  readonly ordinal: number;
  /** Each version with the position it was saved at, oldest first. */
  readonly versions: { readonly position: number; readonly body: string }[];
}

interface KeptModel {
  readonly headers: KeptHeader[];
  readonly collections: Map<string, Map<string, KeptRecord>>;
}

/** The body of a kept record as it stood at a position: its latest version saved at or before it. */
function bodyAt(record: KeptRecord | undefined, position: number): string | undefined {
  if (record === undefined) return undefined;
  for (let index = record.versions.length - 1; index >= 0; index--) {
    const version = record.versions[index] as KeptRecord["versions"][number];
    if (version.position <= position) return version.body;
  }
  return undefined;
}

/** Read-model snapshots held in memory (tests, and apps that keep their log in memory). */
export function createInMemoryReadModelSnapshotStore(): ReadModelSnapshotStore {
  const models = new Map<string, KeptModel>();
  return {
    save: async (given) => {
      const checked = checkReadModelSnapshotWrite(given);
      if (checked._tag === "Left") return checked;
      const snapshot = checked.right;
      let model = models.get(snapshot.name);
      const latest = model?.headers[model.headers.length - 1]?.position ?? 0;
      if (model !== undefined && model.headers.length > 0 && snapshot.position <= latest) return left(notAfterLatest(snapshot.name, snapshot.position, latest));
      if (model === undefined) models.set(snapshot.name, (model = { headers: [], collections: new Map() }));
      const { position, occurredUntil, recordedUntil, header } = snapshot;
      model.headers.push({ position, occurredUntil, recordedUntil, header });
      for (const { collection, key, ordinal, body } of snapshot.changed) {
        let records = model.collections.get(collection);
        if (records === undefined) model.collections.set(collection, (records = new Map()));
        const kept = records.get(key);
        if (kept === undefined) records.set(key, { ordinal, versions: [{ position, body }] });
        else kept.versions.push({ position, body });
      }
      return right(undefined);
    },
    load: async (name, range) => {
      const model = models.get(name);
      const kept = model?.headers.findLast((header) => snapshotFitsRange(header, range));
      if (model === undefined || kept === undefined) return undefined;
      const at = kept.position;
      return {
        name,
        ...kept,
        record: (collection, key) => bodyAt(model.collections.get(collection)?.get(key), at),
        *records(collection) {
          const records = [...(model.collections.get(collection) ?? new Map<string, KeptRecord>())].sort(([, a], [, b]) => a.ordinal - b.ordinal);
          for (const [key, record] of records) {
            const body = bodyAt(record, at);
            if (body !== undefined) yield [key, body] as const;
          }
        },
      };
    },
  };
}
