import { cmdbAsOf, type Cmdb } from "@handover/projections";
import type { OpenedLog } from "../sources/with-log.js";
import { logJson } from "../sources/with-log.js";

/** The CMDB of a log in the view its command asked for (read once, chain verified). */
export function readCmdb(log: OpenedLog): Promise<Cmdb> {
  return cmdbAsOf(log.events(), { ...log.view });
}

/** The CMDB as machine output: every CI and baseline, without the lookup map. */
export function cmdbJson(cmdb: Cmdb, log: OpenedLog): unknown {
  return { ...logJson(log), position: cmdb.position, cis: cmdb.cis, baselines: cmdb.baselines };
}
