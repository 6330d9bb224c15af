import { left, right } from "fp-ts/lib/Either.js";
import { inputError, type CliCommand, type CliIo } from "../command.js";
import { paint } from "../output/style.js";
import { renderJson, renderTable } from "../output/table.js";
import { CRITERIA_DETAIL, CRITERIA_OPTION } from "../sources/criteria.js";
import { POLICY_DETAIL, POLICY_OPTION } from "../sources/policy.js";
import { SPILL_OPTION, spillDetail, withSpill } from "../sources/spill.js";
import { LOG_DETAILS, LOG_OPTIONS, logJson, positionalArgs, withLog } from "../sources/with-log.js";
import { createLogFacts, missingProject, tapFacts } from "../views/log-facts.js";
import { tally } from "../views/readiness-text.js";
import { columnDetails, type ColumnGroup, type ExplainedColumn } from "../views/columns.js";
import { replaySummary, type ProcessCount, type ReplaySummary } from "../views/replay-summary.js";
import { describeView, type LogView } from "../views/view.js";
import { readinessOptions } from "./readiness.js";

const USAGE = "handover replay <src> [--project <id>] [--criteria <file>] [--policy <file>] [--spill] [--as-of <time>] [--known-at <time>] [--json]";

type ProcessRow = ProcessCount & { readonly process: string };

const PROCESS_COLUMNS: readonly ExplainedColumn<ProcessRow>[] = [
  { heading: "process", cell: (row) => row.process, meaning: "configuration (CIs), change, incident, problem or release" },
  { heading: "total", cell: (row) => String(row.total), align: "right", meaning: "how many of its items the view holds" },
  { heading: "by state", cell: (row) => Object.entries(row.byState).map(([state, count]) => `${state} ${count}`).join(", ") || "-", meaning: "how many stand in each state at the end of the view" },
];

/** The table `replay` prints, as its help and the guide explain it. */
export const REPLAY_TABLES: readonly ColumnGroup[] = [{ table: "the processes", columns: PROCESS_COLUMNS }];

function describeSummary(summary: ReplaySummary, label: string, view: LogView, io: CliIo): string {
  const style = paint(io);
  const { project, readiness } = summary;
  const lines = [`replay of ${label} at position ${summary.position}: ${summary.events} event(s)`, describeView(view)];
  lines.push(project === null ? "project: none started in this view" : `project ${project.projectId} "${project.name}" (manager ${project.manager}): phase ${project.phase}, status ${project.status}`);
  if (readiness !== null) {
    const failing = readiness.checks.filter((check) => check.status === "fail").map((check) => check.name);
    lines.push(`readiness: ${readiness.ready ? style.pass("READY") : style.fail("NOT READY")} (${tally(readiness)})${failing.length === 0 ? "" : `; failing: ${failing.join(", ")}`}`);
  }
  const baselines = summary.baselines.map((taken) => `${taken.name} (${taken.kind}, ${taken.cis} CIs, position ${taken.position})`);
  lines.push(`baselines: ${baselines.length === 0 ? "none" : baselines.join("; ")}`, "");
  const rows = Object.entries(summary.processes).map(([process, count]) => ({ process, ...count }));
  const table = renderTable(rows, PROCESS_COLUMNS);
  return `${lines.join("\n")}\n${table}`;
}

/** `handover replay`: the project as of a time: its phase, counts per process and state, baselines, and the readiness verdict. */
export const replayCommand: CliCommand = {
  path: ["replay"],
  summary: "Replay a log and summarise the project as of a time: phase and status, counts per process and state, baselines, and the readiness verdict.",
  usage: USAGE,
  details: [...LOG_DETAILS, "  --project <id>    the project to summarise (default: the first one started in the log)", CRITERIA_DETAIL, POLICY_DETAIL, spillDetail("", "the summary is the same"), ...columnDetails(REPLAY_TABLES)],
  example: "handover replay crm.jsonl --as-of 2026-03-12",
  options: { ...LOG_OPTIONS, ...CRITERIA_OPTION, ...POLICY_OPTION, ...SPILL_OPTION, project: { type: "string" } },
  async run({ positionals, values }, io) {
    const args = positionalArgs(positionals, ["<src>"], USAGE);
    if (args._tag === "Left") return args;
    return withLog(args.right[0] ?? "", values, io, async (log) => {
      const options = await readinessOptions(log, values);
      if (options._tag === "Left") return options;
      const projectId = typeof values.project === "string" ? values.project : undefined;
      const facts = createLogFacts(log.view);
      const asked = { ...options.right, ...(projectId === undefined ? {} : { projectId }) };
      const replayed = await withSpill(values, (spill) => replaySummary(tapFacts(log.events(), facts), log.view, spill === undefined ? asked : { ...asked, spill }));
      if (replayed._tag === "Left") return replayed;
      const summary = replayed.right;
      if (projectId !== undefined && !facts.projects.has(projectId)) return left(inputError(missingProject(projectId, facts)));
      const label = log.source.spec.label;
      const { sla: _sla, ...shown } = summary;
      io.stdout(values.json === true ? renderJson({ ...logJson(log), ...shown }) : describeSummary(summary, label, log.view, io));
      return right(undefined);
    });
  },
};
