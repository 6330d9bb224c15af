import { assessControls, auditFindings, ruleOccasions, transitionReadiness, unmappedRules, type ControlAssessment, type ControlFramework } from "@handover/projections";
import { shareOneRead } from "@handover/core";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { inputError, type CliCommand, type CliFailure, type CommandArgs } from "../command.js";
import { paint } from "../output/style.js";
import { renderJson } from "../output/table.js";
import { CONTROLS_DETAILS, CONTROLS_OPTIONS, readFramework } from "../sources/controls-option.js";
import { CRITERIA_DETAIL, CRITERIA_OPTION } from "../sources/criteria.js";
import { POLICY_DETAIL, POLICY_OPTION } from "../sources/policy.js";
import { LOG_DETAILS, LOG_OPTIONS, logJson, type OpenedLog, positionalArgs, withLog } from "../sources/with-log.js";
import { createLogFacts, missingProject, tapFacts } from "../views/log-facts.js";
import { columnDetails } from "../views/columns.js";
import { CONTROLS_TABLES, controlsTable, controlsTally } from "../views/controls-text.js";
import { describeView } from "../views/view.js";
import { readinessOptions } from "./readiness.js";

const USAGE = "handover controls <src> [--framework iso20000|sox] [--controls <file>] [--project <id>] [--criteria <file>] [--policy <file>] [--as-of <time>] [--known-at <time>] [--json]";

/** A framework judged against a log: the assessment, the project whose readiness it read, and the rules the framework does not map. */
export interface ControlsReading {
  readonly assessment: ControlAssessment;
  readonly projectId: string | null;
  readonly position: number;
  readonly unmapped: ReturnType<typeof unmappedRules>;
}

/**
 * Judges a framework's controls against a log in a view: the audit findings, the events
 * each rule judged and the project's readiness (the project asked for, else the first
 * started); an unknown project is an input error naming the ones the log holds. One read
 * of the log answers all three when the project is named (two when it is not).
 */
export async function readControls(log: OpenedLog, framework: ControlFramework, values: CommandArgs["values"]): Promise<Either<CliFailure, ControlsReading>> {
  const options = await readinessOptions(log, values);
  if (options._tag === "Left") return options;
  const asked = typeof values.project === "string" ? values.project : undefined;
  const facts = createLogFacts(log.view);
  // One read for the findings, the rules' occasions and (when the project is named) its readiness; the first project's readiness needs the read that finds it.
  const read = await shareOneRead(tapFacts(log.events(), facts), {
    findings: (events) => auditFindings(events, options.right.policy, { ...log.view, ...(asked === undefined ? {} : { projectId: asked }), ...(options.right.criteria === undefined ? {} : { criteria: options.right.criteria }) }),
    occasions: (events) => ruleOccasions(events, log.view),
    readiness: async (events) => (asked === undefined ? null : await transitionReadiness(events, asked, options.right)),
  });
  if (asked !== undefined && !facts.projects.has(asked)) return left(inputError(missingProject(asked, facts)));
  const projectId = asked ?? facts.projects.values().next().value ?? null;
  const { findings, occasions } = read;
  const readiness = read.readiness ?? (projectId === null ? null : await transitionReadiness(log.events(), projectId, options.right));
  return right({ assessment: assessControls(framework, { findings, occasions, readiness }), projectId, position: findings.position, unmapped: unmappedRules(framework) });
}

function unmappedNote(reading: ControlsReading): string {
  const rules = [...reading.unmapped.findings, ...reading.unmapped.readiness];
  return rules.length === 0 ? "" : `\nnot mapped by this framework (neither to a control nor as evidencing none): ${rules.join(", ")}\n`;
}

/** `handover controls`: each control of a framework with pass, fail or not evidenced, and the events behind it. */
export const controlsCommand: CliCommand = {
  path: ["controls"],
  summary: "List the controls of a framework (ISO/IEC 20000-1:2018 or SOX IT general controls on change, or your own mapping) with pass, fail or not evidenced, the audit rules and readiness checks behind each, and the events that show it.",
  usage: USAGE,
  details: [
    ...LOG_DETAILS,
    ...CONTROLS_DETAILS,
    "  --project <id>    the project whose phases, policy and readiness apply (default: the first one started in the log)",
    CRITERIA_DETAIL,
    POLICY_DETAIL,
    "  A control fails when a finding of a kind it maps stands or a readiness check it maps fails or warns; it passes when its rules judged events and found nothing;",
    "  it is not evidenced when nothing in the view could show it (no emergency change for the emergency-change control, say). Exit 0 whatever the verdicts.",
    ...columnDetails(CONTROLS_TABLES),
  ],
  example: "handover controls crm.jsonl --framework sox --as-of 2026-03-31",
  options: { ...LOG_OPTIONS, ...CONTROLS_OPTIONS, ...CRITERIA_OPTION, ...POLICY_OPTION, project: { type: "string" } },
  async run({ positionals, values }, io) {
    const args = positionalArgs(positionals, ["<src>"], USAGE);
    if (args._tag === "Left") return args;
    const framework = await readFramework(values);
    if (framework._tag === "Left") return framework;
    return withLog(args.right[0] ?? "", values, io, async (log) => {
      const reading = await readControls(log, framework.right, values);
      if (reading._tag === "Left") return reading;
      const { assessment, projectId, position, unmapped } = reading.right;
      const label = log.source.spec.label;
      if (values.json === true) {
        io.stdout(renderJson({ ...logJson(log), position, projectId, framework: assessment.framework, counts: assessment.counts, controls: assessment.controls, unmapped }));
        return right(undefined);
      }
      const project = projectId === null ? "no project started" : `project ${projectId}`;
      io.stdout(`controls of ${assessment.framework.name} (${assessment.framework.id}) for ${project} in ${label} at position ${position}: ${controlsTally(assessment)}\n${describeView(log.view)}\n\n${controlsTable(assessment, paint(io))}${unmappedNote(reading.right)}`);
      return right(undefined);
    });
  },
};
