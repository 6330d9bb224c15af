import { buildInclusionProof, checkProof, formatCheckpoint, toArray, type TreeHead } from "@handover/core";
import { openSqliteEventStore, type SqliteEventStore } from "@handover/store-sqlite";
import { itilCatalogue } from "../generate/itil/catalogue.js";
import { ensureItilSqlite } from "../generate/itil/sqlite-log.js";
import { seededRandom } from "../generate/random.js";
import type { Size } from "../harness/size.js";
import type { Workload } from "./types.js";

/** Checkpoints or proofs per timed trial. */
const PER_TRIAL = 10;
const ORIGIN = "handover/bench";
const TIME = "2026-01-01T00:00:00.000Z";

/** W3's log as a SQLite store keeps it (filled once per size and seed, untimed), opened as a reader would. */
function openLog(size: Size, seed: number): SqliteEventStore {
  return openSqliteEventStore({ path: ensureItilSqlite(size, seed), catalogue: itilCatalogue });
}

const headDigest = (head: TreeHead): string => `${head.size} ${head.root} ${head.headHash}`;

/** Issue 14: a checkpoint of a 1,000,000-event SQLite log in under 1 s: the store keeps the tree's frontier, so its head is read, not recomputed. */
export const treeCheckpointWorkload: Workload = {
  id: "tree-checkpoint",
  title: "Checkpoint of W3's log in SQLite: the tree head (size, root, head hash) read from the store and formatted",
  unit: "checkpoints",
  fullSize: { streams: 10_000, perStream: 100 },
  variants: [
    {
      id: "sqlite",
      label: `Handover store.treeHead() + formatCheckpoint, ${PER_TRIAL} per trial`,
      setup: async (size, seed) => {
        const store = openLog(size, seed);
        return async () => {
          let head: TreeHead | undefined;
          let text = "";
          for (let count = 0; count < PER_TRIAL; count++) {
            head = await store.treeHead();
            text = formatCheckpoint({ origin: ORIGIN, ...head, time: TIME });
          }
          const last = head;
          return { operations: PER_TRIAL, summarise: () => (last === undefined || !text.includes(last.root) ? "none" : headDigest(last)) };
        };
      },
    },
  ],
  comparisons: [],
  absoluteTargets: [{ variant: "sqlite", atLeast: 1 }],
  operationsAt: () => PER_TRIAL,
  note: `Each trial asks the store for its tree head ${PER_TRIAL} times and formats the checkpoint; under 1 s per checkpoint is ≥ 1 checkpoint/s.`,
};

/** Issue 14: an inclusion proof of any event of a 1,000,000-event SQLite log in under 50 ms, checked offline. */
export const treeProofWorkload: Workload = {
  id: "tree-proof",
  title: "Inclusion proofs in W3's log in SQLite: event read, audit path from the stored nodes, proof checked offline",
  unit: "proofs",
  fullSize: { streams: 10_000, perStream: 100 },
  variants: [
    {
      id: "sqlite",
      label: `Handover buildInclusionProof(store.merkleNodes(), …) + checkProof, ${PER_TRIAL} seeded positions per trial`,
      setup: async (size, seed) => {
        const store = openLog(size, seed);
        const head = await store.treeHead();
        const text = formatCheckpoint({ origin: ORIGIN, ...head, time: TIME });
        const random = seededRandom(seed);
        const positions = Array.from({ length: PER_TRIAL }, () => 1 + random.below(head.size));
        return async () => {
          const checked: string[] = [];
          for (const position of positions) {
            const [event] = await toArray(store.readAll({ fromPosition: position, toPosition: position }));
            if (event === undefined) throw new Error(`no event at position ${position}`);
            const proof = await buildInclusionProof(store.merkleNodes(), text, head, event);
            const verdict = checkProof(proof);
            checked.push(verdict._tag === "Right" ? `${position}:${proof.path.length}` : `${position}: ${verdict.left.message}`);
          }
          return { operations: PER_TRIAL, summarise: () => `${headDigest(head)} ${checked.join(" ")}` };
        };
      },
    },
  ],
  comparisons: [],
  absoluteTargets: [{ variant: "sqlite", atLeast: 20 }],
  operationsAt: () => PER_TRIAL,
  note: `Each trial proves ${PER_TRIAL} seeded positions (the same in every run of a seed) and checks each proof without the log; under 50 ms per proof is ≥ 20 proofs/s.`,
};
