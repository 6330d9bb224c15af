import { compareBaselines, drift, type BaselineContents } from "@handover/projections";
import { right } from "fp-ts/lib/Either.js";
import type { CliCommand, CliIo, CommandArgs } from "../command.js";
import { renderJson } from "../output/table.js";
import { LOG_DETAILS, LOG_OPTIONS, logJson, type OpenedLog, positionalArgs, withLog } from "../sources/with-log.js";
import { DIFF_TABLES, driftTable } from "../views/baseline-text.js";
import { columnDetails } from "../views/columns.js";
import { describeView } from "../views/view.js";
import { PROJECT_OPTION, readBaseline } from "./baseline.js";

const USAGE = "handover diff <src> <baselineA> [<baselineB>] [--as-of <time>] [--known-at <time>] [--project <id>] [--json]";

const named = (contents: BaselineContents): string => `"${contents.name}" (position ${contents.position})`;

async function twoBaselines(log: OpenedLog, from: BaselineContents, to: BaselineContents, values: CommandArgs["values"], io: CliIo): Promise<void> {
  const comparison = await compareBaselines(from, to, log.events(), { ...log.view });
  if (values.json === true) {
    io.stdout(renderJson({ ...logJson(log), ...comparison }));
    return;
  }
  const heading = `diff of baselines ${named(from)} → ${named(to)} in ${log.source.spec.label}: ${comparison.differences.length} difference(s), ${comparison.authorised} authorised, ${comparison.unauthorised} unauthorised`;
  io.stdout(`${heading}\n${describeView(log.view)}\n\n${driftTable(comparison, "no differences")}`);
}

async function againstCmdb(log: OpenedLog, from: BaselineContents, values: CommandArgs["values"], io: CliIo): Promise<void> {
  const found = await drift(from, log.events(), { ...log.view });
  if (values.json === true) {
    io.stdout(renderJson({ ...logJson(log), drift: found }));
    return;
  }
  const heading = `drift of the CMDB at position ${found.position} from baseline ${named(from)}: ${found.differences.length} difference(s), ${found.authorised} authorised, ${found.unauthorised} unauthorised`;
  io.stdout(`${heading}\n${describeView(log.view)}\n\n${driftTable(found)}`);
}

/** `handover diff`: what differs between two baselines, or between a baseline and the CMDB as of a time (drift, judged against authorised changes). */
export const diffCommand: CliCommand = {
  path: ["diff"],
  summary: "Compare two baselines, or a baseline with the CMDB as of a time (the drift): CIs added, removed and changed (old → new), each difference with the events that made it and whether an authorised change covered them.",
  usage: USAGE,
  details: [
    ...LOG_DETAILS,
    "  <baselineA>       the baseline to compare from",
    "  <baselineB>       the baseline to compare to; without it, the CMDB in the view (--as-of, --known-at; default latest) is compared with <baselineA>",
    "  --project <id>    the project whose baselines they are, when a log holds several",
    ...columnDetails(DIFF_TABLES),
  ],
  example: "handover diff crm.jsonl go-live --as-of 2026-04-30",
  options: { ...LOG_OPTIONS, ...PROJECT_OPTION },
  async run({ positionals, values }, io) {
    const args = positionalArgs(positionals, ["<src>", "<baselineA>", "<baselineB>"], USAGE, 1);
    if (args._tag === "Left") return args;
    const [source = "", nameA = "", nameB] = args.right;
    return withLog(source, values, io, async (log) => {
      const from = await readBaseline(log, nameA, values);
      if (from._tag === "Left") return from;
      if (nameB === undefined) {
        await againstCmdb(log, from.right, values, io);
        return right(undefined);
      }
      const to = await readBaseline(log, nameB, values);
      if (to._tag === "Left") return to;
      await twoBaselines(log, from.right, to.right, values, io);
      return right(undefined);
    });
  },
};
