import { baseline, type BaselineContents } from "@handover/projections";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { inputError, type CliCommand, type CliFailure, type CommandArgs } from "../command.js";
import { renderJson } from "../output/table.js";
import { LOG_DETAILS, LOG_OPTIONS, logJson, type OpenedLog, positionalArgs, withLog } from "../sources/with-log.js";
import { BASELINE_TABLES, baselineTable, baselineTitle } from "../views/baseline-text.js";
import { columnDetails } from "../views/columns.js";
import { describeView } from "../views/view.js";

const USAGE = "handover baseline <src> <name> [--project <id>] [--as-of <time>] [--known-at <time>] [--json]";

/** The option that picks a project's baseline when a log holds several projects. */
export const PROJECT_OPTION = { project: { type: "string" } } as const;

/** Reads a baseline's contents in a view; a name the log does not hold (in that view) is an input error listing the names it does. */
export async function readBaseline(log: OpenedLog, name: string, values: CommandArgs["values"]): Promise<Either<CliFailure, BaselineContents>> {
  const projectId = typeof values.project === "string" ? values.project : undefined;
  const found = await baseline(log.events(), name, { ...log.view, ...(projectId === undefined ? {} : { projectId }) });
  return found._tag === "Left" ? left(inputError(found.left.message)) : right(found.right);
}

/** `handover baseline`: a named baseline's CIs as the log stood when it was taken. */
export const baselineCommand: CliCommand = {
  path: ["baseline"],
  summary: "Print a baseline: the CIs it covers with their type, name, owner, status, version, attributes and relationships, as the log stood when it was taken.",
  usage: USAGE,
  details: [...LOG_DETAILS, "  <name>            the baseline's name (project.take_baseline)", "  --project <id>    the project whose baseline it is, when a log holds several", ...columnDetails(BASELINE_TABLES)],
  example: "handover baseline crm.jsonl go-live",
  options: { ...LOG_OPTIONS, ...PROJECT_OPTION },
  async run({ positionals, values }, io) {
    const args = positionalArgs(positionals, ["<src>", "<name>"], USAGE);
    if (args._tag === "Left") return args;
    const [source = "", name = ""] = args.right;
    return withLog(source, values, io, async (log) => {
      const contents = await readBaseline(log, name, values);
      if (contents._tag === "Left") return contents;
      if (values.json === true) io.stdout(renderJson({ ...logJson(log), baseline: contents.right }));
      else io.stdout(`${baselineTitle(contents.right)}\n${describeView(log.view)}\n${contents.right.cis.length} CI(s)\n\n${baselineTable(contents.right)}`);
      return right(undefined);
    });
  },
};
