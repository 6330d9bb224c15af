import type { CmdbCi } from "@handover/projections";
import { right } from "fp-ts/lib/Either.js";
import type { CliCommand } from "../command.js";
import { renderJson, renderTable } from "../output/table.js";
import { columnDetails, type ColumnGroup, type ExplainedColumn } from "../views/columns.js";
import { LOG_DETAILS, LOG_OPTIONS, positionalArgs, withLog } from "../sources/with-log.js";
import { cmdbJson, readCmdb } from "../views/cmdb-view.js";
import { describeView } from "../views/view.js";

const USAGE = "handover cmdb <src> [--as-of <time>] [--known-at <time>] [--json]";

const COLUMNS: readonly ExplainedColumn<CmdbCi>[] = [
  { heading: "CI", cell: (ci) => ci.ciId, meaning: "the configuration item's id" },
  { heading: "type", cell: (ci) => ci.ciType, meaning: "its type (application, database, server, service, ...)" },
  { heading: "name", cell: (ci) => ci.name, meaning: "its name" },
  { heading: "owner", cell: (ci) => ci.owner, meaning: "who owns it" },
  { heading: "status", cell: (ci) => ci.status, meaning: "where it stands in its lifecycle: planned, in_development, in_test, in_production, retired" },
  { heading: "scope", cell: (ci) => ci.scope, meaning: "project until a production baseline holds it, production after" },
  { heading: "v", cell: (ci) => String(ci.version), align: "right", meaning: "its stream version: how many events it has had" },
  { heading: "last change", cell: (ci) => `${ci.lastChange.at.slice(0, 16).replace("T", " ")} @${ci.lastChange.position}`, meaning: "when its last event occurred (UTC) and that event's log position" },
  { heading: "relationships", cell: (ci) => (ci.relationships.length === 0 ? "-" : ci.relationships.map((each) => `${each.type} ${each.targetCiId}`).join(", ")), meaning: "what it relates to, as stored on it (type and target CI)" },
];

/** The table `cmdb` prints, as its help and the guide explain it. */
export const CMDB_TABLES: readonly ColumnGroup[] = [{ table: "the CMDB", columns: COLUMNS }];

/** `handover cmdb`: every CI of the CMDB as of a time, with its scope, version, last change and relationships. */
export const cmdbCommand: CliCommand = {
  path: ["cmdb"],
  summary: "Print the CMDB as of a time: every CI with its type, name, owner, status, scope (project or production), stream version, last change and relationships.",
  usage: USAGE,
  details: [...LOG_DETAILS, ...columnDetails(CMDB_TABLES)],
  example: "handover cmdb crm.jsonl --as-of 2026-03-12",
  options: LOG_OPTIONS,
  async run({ positionals, values }, io) {
    const args = positionalArgs(positionals, ["<src>"], USAGE);
    if (args._tag === "Left") return args;
    return withLog(args.right[0] ?? "", values, io, async (log) => {
      const cmdb = await readCmdb(log);
      if (values.json === true) {
        io.stdout(renderJson(cmdbJson(cmdb, log)));
        return right(undefined);
      }
      const production = cmdb.cis.filter((ci) => ci.scope === "production").length;
      const baselines = cmdb.baselines.map((taken) => `${taken.name} (${taken.kind}, position ${taken.position})`).join(", ");
      const heading = [
        `CMDB of ${log.source.spec.label} at position ${cmdb.position}: ${cmdb.cis.length} CI(s), ${production} in production scope`,
        describeView(log.view),
        `baselines: ${baselines === "" ? "none" : baselines}`,
        "",
      ].join("\n");
      io.stdout(`${heading}\n${cmdb.cis.length === 0 ? "no CIs\n" : renderTable(cmdb.cis, COLUMNS)}`);
      return right(undefined);
    });
  },
};
