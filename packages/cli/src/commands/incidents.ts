import type { IncidentRegisterEntry } from "@handover/import-servicenow";
import { incidentSummary, type PrioritySummary } from "@handover/projections";
import { right } from "fp-ts/lib/Either.js";
import type { CliCommand } from "../command.js";
import { renderJson, renderTable } from "../output/table.js";
import { columnDetails, type ColumnGroup, type ExplainedColumn } from "../views/columns.js";
import { LOG_DETAILS, LOG_OPTIONS, logJson, positionalArgs, withLog } from "../sources/with-log.js";
import { durationText } from "../views/duration.js";
import { describeView } from "../views/view.js";

const USAGE = "handover incidents <src> [--as-of <time>] [--known-at <time>] [--json]";
const list = (values: readonly string[]) => (values.length === 0 ? "-" : values.join(" | "));
const time = (value: string | null) => (value === null ? "-" : value.slice(0, 16).replace("T", " "));

const COLUMNS: readonly ExplainedColumn<IncidentRegisterEntry>[] = [
  { heading: "number", cell: (entry) => entry.number, meaning: "the incident (an import's number from its source)" },
  { heading: "state", cell: (entry) => entry.state, meaning: "where it stands at the end of the view: new, assigned, in_progress, on_hold, resolved, closed or cancelled" },
  { heading: "I", cell: (entry) => String(entry.impact), align: "right", meaning: "impact, 1 (high) to 3 (low)" },
  { heading: "U", cell: (entry) => String(entry.urgency), align: "right", meaning: "urgency, 1 (high) to 3 (low)" },
  { heading: "P", cell: (entry) => String(entry.priority), align: "right", meaning: "priority, 1 (highest) down; an import's as its source gave it" },
  { heading: "reopens", cell: (entry) => String(entry.reopenCount), align: "right", meaning: "times it was reopened" },
  { heading: "reassigns", cell: (entry) => String(entry.reassignmentCount), align: "right", meaning: "times it moved to another group or person" },
  { heading: "made SLA", cell: (entry) => (entry.madeSla ? "yes" : "no"), meaning: "yes when no SLA clock was breached at the end of the view (an import's verdict as its source gave it)" },
  { heading: "opened (UTC)", cell: (entry) => time(entry.openedAt), meaning: "when it was opened" },
  { heading: "resolved (UTC)", cell: (entry) => time(entry.resolvedAt), meaning: "when it was resolved, shown only while resolved or closed; - when the view does not know the time yet" },
  { heading: "closed (UTC)", cell: (entry) => time(entry.closedAt), meaning: "when it was closed, shown only once closed" },
  { heading: "problems", cell: (entry) => list(entry.problemIds), meaning: "the problems linked to it" },
  { heading: "changes", cell: (entry) => list(entry.changeIds), meaning: "the changes linked to it (that caused or resolve it)" },
  { heading: "CIs", cell: (entry) => list(entry.ciIds), meaning: "the configuration items it affects" },
];

const SLA_COLUMNS: readonly ExplainedColumn<PrioritySummary>[] = [
  { heading: "P", cell: (row) => String(row.priority), align: "right", meaning: "the priority" },
  { heading: "incidents", cell: (row) => String(row.count), align: "right", meaning: "incidents of that priority in the view" },
  { heading: "open", cell: (row) => String(row.open), align: "right", meaning: "of those, new, assigned, in progress or on hold" },
  { heading: "resolved", cell: (row) => String(row.resolved), align: "right", meaning: "of those, resolved or closed (open and resolved never overlap; the rest were cancelled)" },
  { heading: "median to resolve", cell: (row) => durationText(row.medianResolutionMinutes), align: "right", meaning: "the median time from opening to resolution of the resolved ones whose times the view knows, in hours" },
  { heading: "p90 to resolve", cell: (row) => durationText(row.p90ResolutionMinutes), align: "right", meaning: "the 90th percentile (nearest rank) of the same times, in hours" },
  { heading: "SLA breaches", cell: (row) => String(row.breaches), align: "right", meaning: "incidents that did not make their SLA" },
];

/** The tables `incidents` prints, as its help and the guide explain them. */
export const INCIDENTS_TABLES: readonly ColumnGroup[] = [
  { table: "the register", columns: COLUMNS },
  { table: "the SLA summary", columns: SLA_COLUMNS },
];

/** `handover incidents`: the incident register of a log, one entry per incident, with the SLA summary by priority. */
export const incidentsCommand: CliCommand = {
  path: ["incidents"],
  summary: "Print the incident register of a log: state, impact, urgency, priority, counts, SLA verdict, times and links of every incident, then the SLA summary by priority.",
  usage: USAGE,
  details: [...LOG_DETAILS, "  Our own SLA verdicts are read at the end of the view (--as-of, else the log's latest business time); an import's come from its source.", ...columnDetails(INCIDENTS_TABLES)],
  example: "handover incidents history.jsonl --as-of 2016-03-31 --json",
  options: LOG_OPTIONS,
  async run({ positionals, values }, io) {
    const args = positionalArgs(positionals, ["<src>"], USAGE);
    if (args._tag === "Left") return args;
    return withLog(args.right[0] ?? "", values, io, async (log) => {
      const summary = await incidentSummary(log.events(), { ...log.view });
      const label = log.source.spec.label;
      if (values.json === true) {
        io.stdout(renderJson({ ...logJson(log), position: summary.position, register: summary.register, byPriority: summary.byPriority }));
        return right(undefined);
      }
      const heading = `incident register of ${label} at position ${summary.position}: ${summary.register.length} incident(s)\n${describeView(log.view)}\n\n`;
      io.stdout(summary.register.length === 0 ? `${heading}no incidents\n` : `${heading}${renderTable(summary.register, COLUMNS)}\nSLA by priority\n${renderTable(summary.byPriority, SLA_COLUMNS)}`);
      return right(undefined);
    });
  },
};
