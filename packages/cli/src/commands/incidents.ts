import { parseInstant } from "@handover/core";
import { createIncidentRegisterBuilder, incidentCatalogue, type IncidentRegisterEntry } from "@handover/import-servicenow";
import { left, right } from "fp-ts/lib/Either.js";
import { inputError, usageError, type CliCommand } from "../command.js";
import { renderJson, renderTable, type TableColumn } from "../output/table.js";
import { existingFile } from "../sources/files.js";
import { readLog } from "../sources/log.js";

const USAGE = "handover incidents <log.jsonl> [--as-of <time>] [--json]";
const list = (values: readonly string[]) => (values.length === 0 ? "-" : values.join(" | "));
const time = (value: string | null) => (value === null ? "-" : value.slice(0, 16).replace("T", " "));

const COLUMNS: readonly TableColumn<IncidentRegisterEntry>[] = [
  { heading: "number", cell: (entry) => entry.number },
  { heading: "state", cell: (entry) => entry.state },
  { heading: "I", cell: (entry) => String(entry.impact), align: "right" },
  { heading: "U", cell: (entry) => String(entry.urgency), align: "right" },
  { heading: "P", cell: (entry) => String(entry.priority), align: "right" },
  { heading: "reopens", cell: (entry) => String(entry.reopenCount), align: "right" },
  { heading: "reassigns", cell: (entry) => String(entry.reassignmentCount), align: "right" },
  { heading: "made SLA", cell: (entry) => (entry.madeSla ? "yes" : "no") },
  { heading: "opened (UTC)", cell: (entry) => time(entry.openedAt) },
  { heading: "resolved (UTC)", cell: (entry) => time(entry.resolvedAt) },
  { heading: "closed (UTC)", cell: (entry) => time(entry.closedAt) },
  { heading: "problems", cell: (entry) => list(entry.problemIds) },
  { heading: "changes", cell: (entry) => list(entry.changeIds) },
  { heading: "CIs", cell: (entry) => list(entry.ciIds) },
];

/** `handover incidents`: the incident register of a log, one entry per incident. */
export const incidentsCommand: CliCommand = {
  path: ["incidents"],
  summary: "Print the incident register of a log: state, impact, urgency, priority, counts, SLA verdict, times and links of every incident.",
  usage: USAGE,
  details: [
    "  <log.jsonl>      a Handover log (its chain is verified while it is read)",
    "  --as-of <time>   the moment our own SLA verdicts are read at (default: the log's latest business time)",
    "  --json           print the register as a JSON array",
  ],
  example: "handover incidents history.jsonl --json",
  options: { json: { type: "boolean", default: false }, "as-of": { type: "string" } },
  async run({ positionals, values }, io) {
    const [path, extra] = positionals;
    if (path === undefined) return left(usageError(`missing the log file; usage: ${USAGE}`));
    if (extra !== undefined) return left(usageError(`unexpected argument "${extra}"; usage: ${USAGE}`));
    const file = await existingFile(path);
    if (file._tag === "Left") return file;
    const asOfText = values["as-of"];
    const asOf = typeof asOfText === "string" ? parseInstant(asOfText) : undefined;
    if (asOf?._tag === "Left") return left(inputError(`--as-of: ${asOf.left}`));
    const builder = createIncidentRegisterBuilder(asOf === undefined ? {} : { asOf: asOf.right });
    for await (const event of readLog(path, { catalogue: incidentCatalogue })) builder.add(event);
    const register = builder.entries();
    io.stdout(values.json === true ? renderJson(register) : register.length === 0 ? `${path}: no incidents\n` : renderTable(register, COLUMNS));
    return right(undefined);
  },
};
