import type { CmdbCi } from "@handover/projections";
import { right } from "fp-ts/lib/Either.js";
import type { CliCommand } from "../command.js";
import { renderJson, renderTable, type TableColumn } from "../output/table.js";
import { LOG_DETAILS, LOG_OPTIONS, positionalArgs, withLog } from "../sources/with-log.js";
import { cmdbJson, readCmdb } from "../views/cmdb-view.js";
import { describeView } from "../views/view.js";

const USAGE = "handover cmdb <src> [--as-of <time>] [--known-at <time>] [--json]";

const COLUMNS: readonly TableColumn<CmdbCi>[] = [
  { heading: "CI", cell: (ci) => ci.ciId },
  { heading: "type", cell: (ci) => ci.ciType },
  { heading: "name", cell: (ci) => ci.name },
  { heading: "owner", cell: (ci) => ci.owner },
  { heading: "status", cell: (ci) => ci.status },
  { heading: "scope", cell: (ci) => ci.scope },
  { heading: "v", cell: (ci) => String(ci.version), align: "right" },
  { heading: "last change", cell: (ci) => `${ci.lastChange.at.slice(0, 16).replace("T", " ")} @${ci.lastChange.position}` },
  { heading: "relationships", cell: (ci) => (ci.relationships.length === 0 ? "-" : ci.relationships.map((each) => `${each.type} ${each.targetCiId}`).join(", ")) },
];

/** `handover cmdb`: every CI of the CMDB as of a time, with its scope, version, last change and relationships. */
export const cmdbCommand: CliCommand = {
  path: ["cmdb"],
  summary: "Print the CMDB as of a time: every CI with its type, name, owner, status, scope (project or production), stream version, last change and relationships.",
  usage: USAGE,
  details: LOG_DETAILS,
  example: "handover cmdb crm.jsonl --as-of 2026-03-12",
  options: LOG_OPTIONS,
  async run({ positionals, values }, io) {
    const args = positionalArgs(positionals, ["<src>"], USAGE);
    if (args._tag === "Left") return args;
    return withLog(args.right[0] ?? "", values, io, async (log) => {
      const cmdb = await readCmdb(log);
      if (values.json === true) {
        io.stdout(renderJson(cmdbJson(cmdb, log.source.spec.label, log.view)));
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
