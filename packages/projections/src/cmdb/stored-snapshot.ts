import { LogError, type ReadModelRecord, type ReadModelSnapshotRefusal, type ReadModelSnapshotStore, type StoredReadModelSnapshot } from "@handover/core";
import type { Either } from "fp-ts/lib/Either.js";
import { deepFreeze } from "../freeze.js";
import { logRangeOf, type ReadOptions } from "../read-options.js";
import { CMDB_SNAPSHOT_REVISION, type CmdbSnapshot } from "./snapshot.js";
import type { StoredCis } from "./stored-index.js";
import type { BaselineRecord, CmdbCi, InverseRelationship, ProductionEntry } from "./types.js";

/** The name CMDB snapshots are kept under in a `ReadModelSnapshotStore`: the read model and its snapshot revision. */
export const CMDB_SNAPSHOT_NAME = `cmdb@${CMDB_SNAPSHOT_REVISION}`;

const CI = "ci";
const BASELINE = "baseline";

/** What a stored CMDB snapshot keeps in its header (read whole); CIs and baselines are records, read one at a time. */
interface StoredCmdbHeader {
  readonly cis: number;
  readonly pendingInverses: readonly (readonly [string, readonly InverseRelationship[]])[];
  readonly pendingProduction: readonly (readonly [string, ProductionEntry])[];
}

/**
 * A CMDB snapshot read back from a `ReadModelSnapshotStore`: its header is read, its CI
 * records and baselines are not until a query asks for them. Resume from it with
 * `cmdbAsOf(tail, { snapshot })` or `restoreCmdb`.
 */
export interface StoredCmdbSnapshot {
  readonly revision: number;
  readonly position: number;
  readonly occurredUntil: string;
  readonly recordedUntil: string;
  readonly pendingInverses: StoredCmdbHeader["pendingInverses"];
  readonly pendingProduction: StoredCmdbHeader["pendingProduction"];
  /** The CI records, each read and decoded when first asked for. */
  readonly storedCis: StoredCis;
  /** The baselines, read and decoded whole when first asked for. */
  readonly storedBaselines: () => readonly BaselineRecord[];
}

/** The records each store was last saved with in this process, so the next save writes only the records that changed since. */
const lastSaved = new WeakMap<ReadModelSnapshotStore, { readonly cis: ReadonlyMap<string, CmdbCi>; readonly baselines: number }>();

/**
 * Keeps a CMDB snapshot (`snapshotCmdb`) in a read-model snapshot store (a SQLite store's
 * `readModelSnapshots`, say). Writes the CI records that changed since the last snapshot
 * saved to the same store by this process (every record, the first time), so snapshots may
 * be taken often. Refused (nothing written) unless it stands after the latest one kept; a
 * snapshot of another revision (read back from an older JSON) is a programmer error: RangeError.
 */
export async function saveCmdbSnapshot(store: ReadModelSnapshotStore, snapshot: CmdbSnapshot): Promise<Either<ReadModelSnapshotRefusal, void>> {
  if (snapshot.revision !== CMDB_SNAPSHOT_REVISION) {
    throw new RangeError(`saveCmdbSnapshot: snapshot revision ${snapshot.revision} is not ${CMDB_SNAPSHOT_REVISION}; take a new snapshot`);
  }
  const previous = lastSaved.get(store);
  const changed: ReadModelRecord[] = [];
  snapshot.cis.forEach((ci, ordinal) => {
    if (previous?.cis.get(ci.ciId) !== ci) changed.push({ collection: CI, key: ci.ciId, ordinal, body: JSON.stringify(ci) });
  });
  for (let ordinal = previous?.baselines ?? 0; ordinal < snapshot.baselines.length; ordinal++) {
    changed.push({ collection: BASELINE, key: String(ordinal), ordinal, body: JSON.stringify(snapshot.baselines[ordinal]) });
  }
  const header: StoredCmdbHeader = { cis: snapshot.cis.length, pendingInverses: snapshot.pendingInverses, pendingProduction: snapshot.pendingProduction };
  const { position, occurredUntil, recordedUntil } = snapshot;
  const saved = await store.save({ name: CMDB_SNAPSHOT_NAME, position, occurredUntil, recordedUntil, header: JSON.stringify(header), changed });
  if (saved._tag === "Right") lastSaved.set(store, { cis: new Map(snapshot.cis.map((ci) => [ci.ciId, ci])), baselines: snapshot.baselines.length });
  return saved;
}

/** The latest CMDB snapshot kept in the store that fits the read options (holds no event they leave out), if any; only its header is read. */
export async function loadCmdbSnapshot(store: ReadModelSnapshotStore, options: ReadOptions = {}): Promise<StoredCmdbSnapshot | undefined> {
  const stored = await store.load(CMDB_SNAPSHOT_NAME, logRangeOf(options));
  return stored === undefined ? undefined : storedCmdbSnapshotOf(stored);
}

/** A stored record's JSON, decoded; a row that is not JSON was changed outside Handover: `LogError` naming it. */
function decoded<T>(stored: StoredReadModelSnapshot, where: string, body: string): T {
  try {
    return JSON.parse(body) as T;
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new LogError("invalid_snapshot", `stored CMDB snapshot at position ${stored.position}: ${where} is not valid JSON (${reason})`);
  }
}

function storedCmdbSnapshotOf(stored: StoredReadModelSnapshot): StoredCmdbSnapshot {
  const header = decoded<StoredCmdbHeader>(stored, "the header", stored.header);
  const decodeCi = (ciId: string, body: string): CmdbCi => decoded<CmdbCi>(stored, `the record of CI ${ciId}`, body);
  let baselines: readonly BaselineRecord[] | undefined;
  return Object.freeze({
    revision: CMDB_SNAPSHOT_REVISION,
    position: stored.position,
    occurredUntil: stored.occurredUntil,
    recordedUntil: stored.recordedUntil,
    pendingInverses: deepFreeze(header.pendingInverses),
    pendingProduction: deepFreeze(header.pendingProduction),
    storedCis: Object.freeze({
      size: header.cis,
      get: (ciId: string) => {
        const body = stored.record(CI, ciId);
        return body === undefined ? undefined : decodeCi(ciId, body);
      },
      *all(): Iterable<readonly [string, () => CmdbCi]> {
        for (const [ciId, body] of stored.records(CI)) yield [ciId, () => decodeCi(ciId, body)] as const;
      },
    }),
    storedBaselines: () =>
      (baselines ??= Object.freeze([...stored.records(BASELINE)].map(([ordinal, body]) => deepFreeze(decoded<BaselineRecord>(stored, `baseline ${ordinal}`, body))))),
  });
}
