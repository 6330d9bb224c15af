/** A stream's state at a version, kept so loading need not replay from the start. */
export interface Snapshot<State = unknown> {
  readonly streamId: string;
  readonly version: number;
  /** Changes when the evolve logic changes, so old snapshots are ignored. */
  readonly revision: number;
  readonly state: State;
}

/** Where snapshots are kept. */
export interface SnapshotStore {
  /** The latest snapshot of the stream at this revision, if any. */
  load<State>(streamId: string, revision: number): Promise<Snapshot<State> | undefined>;
  save<State>(snapshot: Snapshot<State>): Promise<void>;
}

/** When to take snapshots and where to keep them. */
export interface SnapshotPolicy {
  readonly store: SnapshotStore;
  /** Take a new snapshot once this many events were replayed after the last one (default 100). */
  readonly every?: number;
  /** The evolve logic's revision (default 1). */
  readonly revision?: number;
}

/** Snapshots held in memory. */
export function createInMemorySnapshotStore(): SnapshotStore {
  const latest = new Map<string, Snapshot>();
  return {
    load: async <State>(streamId: string, revision: number) => {
      const snapshot = latest.get(streamId);
      return snapshot?.revision === revision ? (snapshot as Snapshot<State>) : undefined;
    },
    save: async (snapshot) => {
      const current = latest.get(snapshot.streamId);
      if (current === undefined || current.revision !== snapshot.revision || current.version < snapshot.version) {
        latest.set(snapshot.streamId, snapshot);
      }
    },
  };
}
