import { readJsonl, type SpillStore } from "@handover/core";
import { openSqliteEventStore, openSqliteSpillStore } from "@handover/store-sqlite";
import { ensureItilLog } from "../generate/itil/log-file.js";
import { itilCatalogue } from "../generate/itil/catalogue.js";
import { ensureItilSqlite } from "../generate/itil/sqlite-log.js";
import type { Size } from "../harness/size.js";
import { withHeapLimit } from "./heap-limit.js";
import type { Variant, Workload } from "./types.js";
import { auditReplay, auditReplayDigest } from "./w6/audit-replay.js";

/** W6's sizes: millions of events, each a log of the same world (10,000 CIs) that runs longer. */
export const W6_MILLIONS = [1, 2, 5, 10] as const;

/** The warm-up of every W6 size: W3's warm-up log (100,000 events), so the 10M trial does not first replay a million. */
const WARM_UP: Size = { streams: 1_000, perStream: 100 };

/** Runs the audit with finished work items spilled to a temporary SQLite file, or kept in memory. */
async function withSpill<T>(spilling: boolean, run: (spill: SpillStore | undefined) => Promise<T>): Promise<T> {
  const spill = spilling ? openSqliteSpillStore() : undefined;
  try {
    return await run(spill);
  } finally {
    spill?.close();
  }
}

function jsonlVariant(millions: number, spilling: boolean): Variant {
  return {
    id: spilling ? "jsonl-spill" : "jsonl",
    label: `Handover audit replay of a ${millions}M-event JSONL log (readJsonl, one read)${spilling ? ", finished work items spilled to SQLite" : ""}`,
    setup: async (size, seed) => {
      const path = ensureItilLog(size, seed);
      return async () => {
        const replay = await withSpill(spilling, (spill) => auditReplay(readJsonl(path), spill));
        return { operations: replay.view.cmdb.position, summarise: () => auditReplayDigest(replay) };
      };
    },
  };
}

function sqliteVariant(millions: number, spilling: boolean): Variant {
  return {
    id: spilling ? "sqlite-spill" : "sqlite",
    label: `Handover audit replay of a ${millions}M-event SQLite log (readAll, paged)${spilling ? ", finished work items spilled to SQLite" : ""}`,
    setup: async (size, seed) => {
      const path = ensureItilSqlite(size, seed);
      return async () => {
        const store = openSqliteEventStore({ path, catalogue: itilCatalogue });
        const replay = await withSpill(spilling, (spill) => auditReplay(store.readAll(), spill));
        await store.close();
        return { operations: replay.view.cmdb.position, summarise: () => auditReplayDigest(replay) };
      };
    },
  };
}

function w6Workload(millions: number): Workload {
  return {
    id: `w6-${millions}m`,
    title: `W6 audit replay at scale: ${millions}M events → CMDB + readiness + findings`,
    unit: "events",
    fullSize: { streams: 10_000, perStream: 100 * millions },
    warmUpSize: () => WARM_UP,
    variants: [
      jsonlVariant(millions, false),
      sqliteVariant(millions, false),
      jsonlVariant(millions, true),
      sqliteVariant(millions, true),
      withHeapLimit(jsonlVariant(millions, true)),
      withHeapLimit(sqliteVariant(millions, true)),
    ],
    comparisons: [
      { subject: "sqlite", baseline: "jsonl" },
      { subject: "jsonl-spill", baseline: "jsonl" },
      { subject: "sqlite-spill", baseline: "sqlite" },
      { subject: "jsonl-spill-1g", baseline: "jsonl-spill" },
      { subject: "sqlite-spill-1g", baseline: "sqlite-spill" },
    ],
    absoluteTargets: [],
    memoryTargets: [
      { variant: "jsonl", atMostMb: 256 },
      { variant: "sqlite", atMostMb: 256 },
      { variant: "jsonl-spill", atMostMb: 256 },
      { variant: "sqlite-spill", atMostMb: 256 },
      { variant: "jsonl-spill-1g", atMostMb: 256 },
      { variant: "sqlite-spill-1g", atMostMb: 256 },
    ],
    note: "Findings are written out as they are found (auditFindings with onFinding), as an audit of millions of events writes them to a file. The -spill variants keep finished work items in a SQLite spill file (openSqliteSpillStore) instead of in memory; their digests must equal the others'. The -1g variants are the spilled ones with Node's heap limited to 1 GiB (NODE_OPTIONS=--max-old-space-size=1024), which lowers the headroom V8 keeps above the live heap. One project and 10,000 CIs whose history runs longer with the size, in a world whose size does not grow with it (generator revision 4: at most four relationships per CI, every problem and release closed in the end), so peak RSS is measured against the log's length alone; logs are generated once per seed and size into bench/results/logs/ (JSONL, and a SQLite copy filled through the store's import) and kept between runs.",
  };
}

/** Issue 16 W6: the audit replay at 1M, 2M, 5M and 10M events, JSONL and SQLite; the scaling verdicts compare the sizes (see `w6Scaling`). */
export const w6Workloads: readonly Workload[] = W6_MILLIONS.map(w6Workload);

/** How W6's sizes must compare: time linear in the log (10M ≤ 11× 1M) and peak RSS flat (10M ≤ 1.1× 1M). */
export const w6Scaling = {
  id: "w6",
  baseline: "w6-1m",
  subjects: W6_MILLIONS.slice(1).map((millions) => `w6-${millions}m`),
  timeFactorAtMost: 1.1,
  rssFactorAtMost: 1.1,
} as const;
