import type { IncidentRegisterEntry } from "@handover/import-servicenow";
import { incidentSummary, type PrioritySummary } from "@handover/projections";
import { right } from "fp-ts/lib/Either.js";
import type { CliCommand } from "../command.js";
import { renderJson, renderTable, type TableColumn } from "../output/table.js";
import { LOG_DETAILS, LOG_OPTIONS, positionalArgs, withLog } from "../sources/with-log.js";
import { durationText } from "../views/duration.js";
import { describeView, viewJson } from "../views/view.js";

const USAGE = "handover incidents <src> [--as-of <time>] [--known-at <time>] [--json]";
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

const SLA_COLUMNS: readonly TableColumn<PrioritySummary>[] = [
  { heading: "P", cell: (row) => String(row.priority), align: "right" },
  { heading: "incidents", cell: (row) => String(row.count), align: "right" },
  { heading: "open", cell: (row) => String(row.open), align: "right" },
  { heading: "resolved", cell: (row) => String(row.resolved), align: "right" },
  { heading: "median to resolve", cell: (row) => durationText(row.medianResolutionMinutes), align: "right" },
  { heading: "p90 to resolve", cell: (row) => durationText(row.p90ResolutionMinutes), align: "right" },
  { heading: "SLA breaches", cell: (row) => String(row.breaches), align: "right" },
];

/** `handover incidents`: the incident register of a log, one entry per incident, with the SLA summary by priority. */
export const incidentsCommand: CliCommand = {
  path: ["incidents"],
  summary: "Print the incident register of a log: state, impact, urgency, priority, counts, SLA verdict, times and links of every incident, then the SLA summary by priority.",
  usage: USAGE,
  details: [...LOG_DETAILS, "  Our own SLA verdicts are read at the end of the view (--as-of, else the log's latest business time); an import's come from its source."],
  example: "handover incidents history.jsonl --as-of 2016-03-31 --json",
  options: LOG_OPTIONS,
  async run({ positionals, values }, io) {
    const args = positionalArgs(positionals, ["<src>"], USAGE);
    if (args._tag === "Left") return args;
    return withLog(args.right[0] ?? "", values, io, async (log) => {
      const summary = await incidentSummary(log.events(), { ...log.view });
      const label = log.source.spec.label;
      if (values.json === true) {
        io.stdout(renderJson({ source: label, view: viewJson(log.view), position: summary.position, register: summary.register, byPriority: summary.byPriority }));
        return right(undefined);
      }
      const heading = `incident register of ${label} at position ${summary.position}: ${summary.register.length} incident(s)\n${describeView(log.view)}\n\n`;
      io.stdout(summary.register.length === 0 ? `${heading}no incidents\n` : `${heading}${renderTable(summary.register, COLUMNS)}\nSLA by priority\n${renderTable(summary.byPriority, SLA_COLUMNS)}`);
      return right(undefined);
    });
  },
};
