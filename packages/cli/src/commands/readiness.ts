import { handoverView, readinessTimeline, transitionReadiness, type Readiness, type ReadinessOptions } from "@handover/projections";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { inputError, usageError, type CliCommand, type CliFailure, type CliIo, type CommandArgs } from "../command.js";
import { paint } from "../output/style.js";
import { renderJson } from "../output/table.js";
import { CRITERIA_DETAIL, CRITERIA_OPTION, loadCriteria } from "../sources/criteria.js";
import { loadPolicy, POLICY_DETAIL, POLICY_OPTION } from "../sources/policy.js";
import { SPILL_OPTION, spillDetail, withSpill } from "../sources/spill.js";
import { LOG_DETAILS, LOG_OPTIONS, logJson, type OpenedLog, positionalArgs, withLog } from "../sources/with-log.js";
import { createLogFacts, missingProject, tapFacts, type LogFacts } from "../views/log-facts.js";
import { columnDetails } from "../views/columns.js";
import { checklistTable, READINESS_TABLES, tally, timelineSummary, timelineTable } from "../views/readiness-text.js";
import { describeView } from "../views/view.js";

const USAGE = "handover readiness <src> <projectId> [--timeline] [--criteria <file>] [--policy <file>] [--spill] [--as-of <time>] [--known-at <time>] [--json]";

/** The readiness options of a command: its view, criteria and policy; a bad file is an input error. */
export async function readinessOptions(log: OpenedLog, values: CommandArgs["values"]): Promise<Either<CliFailure, ReadinessOptions>> {
  const criteria = await loadCriteria(values);
  if (criteria._tag === "Left") return criteria;
  const policy = await loadPolicy(values);
  if (policy._tag === "Left") return policy;
  return right({ ...log.view, policy: policy.right, ...(criteria.right === undefined ? {} : { criteria: criteria.right }) });
}

const unknownProject = (projectId: string, facts: LogFacts): CliFailure => inputError(missingProject(projectId, facts));

/**
 * The readiness of a project at the end of the view; with `--spill`, from the handover view
 * that keeps of finished work items only what readiness reads, and that in a scratch file
 * (the same answer: handoverView's readiness is transitionReadiness's).
 */
async function readinessAtEnd(log: OpenedLog, projectId: string, options: ReadinessOptions, values: CommandArgs["values"], facts: LogFacts): Promise<Either<CliFailure, Readiness>> {
  const events = tapFacts(log.events(), facts);
  return withSpill(values, async (spill) => (spill === undefined ? transitionReadiness(events, projectId, options) : (await handoverView(events, projectId, { ...options, spill })).readiness));
}

async function checklist(log: OpenedLog, projectId: string, options: ReadinessOptions, values: CommandArgs["values"], io: CliIo): Promise<Either<CliFailure, number>> {
  const facts = createLogFacts(log.view);
  const answered = await readinessAtEnd(log, projectId, options, values, facts);
  if (answered._tag === "Left") return answered;
  const readiness = answered.right;
  if (!facts.projects.has(projectId)) return left(unknownProject(projectId, facts));
  const label = log.source.spec.label;
  if (values.json === true) io.stdout(renderJson({ ...logJson(log), readiness }));
  else {
    const style = paint(io);
    const verdict = readiness.ready ? style.pass("READY") : style.fail("NOT READY");
    io.stdout(`readiness of project ${projectId} in ${label} at position ${readiness.position}: ${verdict} (${tally(readiness)})\n${describeView(log.view)}\n\n${checklistTable(readiness, style)}`);
  }
  return right(readiness.ready ? 0 : 1);
}

async function timeline(log: OpenedLog, projectId: string, options: ReadinessOptions, values: CommandArgs["values"], io: CliIo): Promise<Either<CliFailure, number>> {
  const facts = createLogFacts(log.view);
  const found = await readinessTimeline(tapFacts(log.events(), facts), projectId, options);
  if (!facts.projects.has(projectId)) return left(unknownProject(projectId, facts));
  const label = log.source.spec.label;
  if (values.json === true) io.stdout(renderJson({ ...logJson(log), timeline: found }));
  else io.stdout(`readiness timeline of project ${projectId} in ${label}: ${timelineSummary(found)}\n${describeView(log.view)}\n\n${timelineTable(found, paint(io))}`);
  return right(found.ready ? 0 : 1);
}

/** `handover readiness`: whether a project is ready to transition into operation; exit 0 ready, 1 not, so a pipeline can gate on it. */
export const readinessCommand: CliCommand = {
  path: ["readiness"],
  summary: "Transition readiness of a project: each check pass, fail or warn with its reason and evidence positions; or, with --timeline, when it first became ready and what flipped it back. Exit 0 ready, 1 not ready.",
  usage: USAGE,
  details: [
    ...LOG_DETAILS,
    "  <projectId>       the project (project.start's projectId)",
    "  --timeline        every point where the verdict or a check changed, instead of the checklist",
    spillDetail("", "the checklist is the same (not with --timeline)"),
    CRITERIA_DETAIL,
    POLICY_DETAIL,
    "  exit codes:        0 ready (at the end of the view), 1 not ready, 2 bad usage or input (an unknown project among them)",
    ...columnDetails(READINESS_TABLES),
  ],
  example: "handover readiness crm.jsonl crm --as-of 2026-03-20 && echo ready to hand over",
  options: { ...LOG_OPTIONS, ...CRITERIA_OPTION, ...POLICY_OPTION, ...SPILL_OPTION, timeline: { type: "boolean", default: false } },
  async run({ positionals, values }, io) {
    const args = positionalArgs(positionals, ["<src>", "<projectId>"], USAGE);
    if (args._tag === "Left") return args;
    const [source = "", projectId = ""] = args.right;
    if (values.timeline === true && values.spill === true) return left(usageError("--spill: not with --timeline (the timeline judges readiness after every event, from whole items); drop one of them"));
    return withLog(source, values, io, async (log) => {
      const options = await readinessOptions(log, values);
      if (options._tag === "Left") return options;
      return values.timeline === true ? timeline(log, projectId, options.right, values, io) : checklist(log, projectId, options.right, values, io);
    });
  },
};
