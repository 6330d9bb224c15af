import { processMetrics } from "@handover/projections";
import { left, right } from "fp-ts/lib/Either.js";
import { inputError, type CliCommand } from "../command.js";
import { renderJson } from "../output/table.js";
import { METRICS_DETAILS, METRICS_OPTIONS, readMetricsOptions } from "../sources/metrics-options.js";
import { loadPolicy, POLICY_DETAIL, POLICY_OPTION } from "../sources/policy.js";
import { LOG_DETAILS, LOG_OPTIONS, logJson, positionalArgs, withLog } from "../sources/with-log.js";
import { createLogFacts, missingProject, tapFacts } from "../views/log-facts.js";
import { columnDetails } from "../views/columns.js";
import { METRICS_TABLES, renderMetricsText } from "../views/metrics-text.js";
import { describeView } from "../views/view.js";

const USAGE = "handover metrics <src> [--project <id>] [--from <time>] [--to <time>] [--weights <file>] [--policy <file>] [--as-of <time>] [--known-at <time>] [--json]";

/** `handover metrics`: how well change, release and incident management worked, from the log alone, each figure with its evidence and weekly trend. */
export const metricsCommand: CliCommand = {
  path: ["metrics"],
  summary:
    "Print the process metrics of a log: change management (changes by type and level, emergency ratio, unauthorised CI changes, implementation success, change success score, CAB approval latency, rejections, overridden conflicts), DORA's four keys and incident management (SLA attainment by priority, time to resolve, reopen rate, reassignments, backlog), each with its evidence positions and weekly trend.",
  usage: USAGE,
  details: [
    ...LOG_DETAILS,
    "  --project <id>    the project whose SLA policy applies (default: the first one started in the log)",
    ...METRICS_DETAILS,
    POLICY_DETAIL,
    "  Each figure's definition is in docs/guide.md (Metrics).",
    ...columnDetails(METRICS_TABLES),
  ],
  example: "handover metrics crm.jsonl --from 2026-01-01 --to 2026-03-31 --json",
  options: { ...LOG_OPTIONS, ...POLICY_OPTION, ...METRICS_OPTIONS, project: { type: "string" } },
  async run({ positionals, values }, io) {
    const args = positionalArgs(positionals, ["<src>"], USAGE);
    if (args._tag === "Left") return args;
    const period = await readMetricsOptions(values);
    if (period._tag === "Left") return period;
    const policy = await loadPolicy(values);
    if (policy._tag === "Left") return policy;
    const projectId = typeof values.project === "string" ? values.project : undefined;
    return withLog(args.right[0] ?? "", values, io, async (log) => {
      const facts = createLogFacts(log.view);
      const metrics = await processMetrics(tapFacts(log.events(), facts), policy.right, { ...log.view, ...period.right, ...(projectId === undefined ? {} : { projectId }) });
      if (projectId !== undefined && !facts.projects.has(projectId)) return left(inputError(missingProject(projectId, facts)));
      const label = log.source.spec.label;
      if (values.json === true) io.stdout(renderJson({ ...logJson(log), ...metrics }));
      else io.stdout(`process metrics of ${label} at position ${metrics.position}\n${describeView(log.view)}\n${renderMetricsText(metrics)}`);
      return right(undefined);
    });
  },
};
