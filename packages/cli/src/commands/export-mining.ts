import { processLog, toOcel2, toXes, XES_CASE_KINDS, type XesCaseKind } from "@handover/projections";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { usageError, type CliFailure, type CliIo, type CommandArgs } from "../command.js";
import { renderJson } from "../output/table.js";
import { newFileTarget, writeNewFile } from "../sources/files.js";
import { withLog } from "../sources/with-log.js";
import { describeView, viewJson } from "../views/view.js";

/** The formats `handover export` writes: a copy of the log (the default), or a process-mining log. */
export const EXPORT_FORMATS = ["log", "ocel2", "xes"] as const;

/** The options of the process-mining export. */
export const MINING_OPTIONS = { format: { type: "string" }, case: { type: "string" }, "as-of": { type: "string" }, "known-at": { type: "string" } } as const;

/** Their help lines. */
export const MINING_DETAILS: readonly string[] = [
  "  --format <f>       log (default: copy the log), ocel2 (OCEL 2.0 JSON: objects project, CIs, changes, incidents, problems, releases",
  "                     with attributes over time; every event with its related objects and qualifiers) or xes (IEEE 1849 XES, one trace per --case object)",
  `  --case <kind>      with --format xes: ${XES_CASE_KINDS.join(", ")}`,
  "  --as-of, --known-at with --format ocel2 or xes: export the log as it stood then",
  "  Every exported event keeps its log position, hash and previous hash (handover:position, handover:hash), so a finding in a mining tool leads back to a verifiable event.",
];

function caseKind(values: CommandArgs["values"]): Either<CliFailure, XesCaseKind> {
  const given = values.case;
  if (typeof given !== "string") return left(usageError(`--format xes needs --case <${XES_CASE_KINDS.join("|")}>: the objects whose traces the log holds`));
  return (XES_CASE_KINDS as readonly string[]).includes(given) ? right(given as XesCaseKind) : left(usageError(`--case: "${given}" is not a case kind; known: ${XES_CASE_KINDS.join(", ")}`));
}

/**
 * Writes a process-mining log of a source to a file (whole or not at all): OCEL 2.0 JSON,
 * or XES with one trace per object of a kind. The source's chain is verified as it is read.
 */
export async function exportMiningLog(sourceText: string, format: "ocel2" | "xes", values: CommandArgs["values"], io: CliIo): Promise<Either<CliFailure, void>> {
  const to = values.to;
  if (typeof to !== "string" || to === "") return left(usageError(`missing --to <file> for --format ${format}`));
  if (format === "ocel2" && values.case !== undefined) return left(usageError("--case goes with --format xes; an OCEL 2.0 log holds every object kind"));
  const kind = format === "xes" ? caseKind(values) : right(undefined);
  if (kind._tag === "Left") return kind;
  const target = await newFileTarget(to, values.force === true);
  if (target._tag === "Left") return target;
  return withLog(sourceText, values, io, async (log) => {
    const mined = await processLog(log.events(), log.view);
    const text = kind.right === undefined ? `${JSON.stringify(toOcel2(mined))}\n` : toXes(mined, kind.right);
    const written = await writeNewFile(to, text, values.force === true);
    if (written._tag === "Left") return written;
    const traces = kind.right === undefined ? null : mined.objects.filter((object) => object.kind === kind.right).length;
    const summary = { from: log.source.spec.label, to, format, ...(kind.right === undefined ? {} : { case: kind.right }), view: viewJson(log.view), checkpoint: log.checkpoint(), position: mined.position, events: mined.events.length, objects: mined.objects.length, traces };
    if (values.json === true) io.stdout(renderJson(summary));
    else {
      const what = traces === null ? `${mined.objects.length} object(s)` : `${traces} trace(s), one per ${kind.right ?? ""}`;
      io.stdout(`wrote ${to}: ${format === "ocel2" ? "OCEL 2.0 JSON" : "IEEE 1849 XES"} of ${log.source.spec.label}: ${what} from ${mined.events.length} event(s), up to position ${mined.position}\n${describeView(log.view)}\n`);
    }
    return right(undefined);
  });
}

/**
 * The export a `--format` asks for, when it is not a copy of the log: a process-mining log,
 * or the usage error of a bad format (or of mining options given to a copy); undefined for a copy.
 */
export function exportInFormat(sourceText: string, values: CommandArgs["values"], io: CliIo): Promise<Either<CliFailure, void>> | undefined {
  const format = values.format ?? "log";
  if (!(EXPORT_FORMATS as readonly unknown[]).includes(format)) return Promise.resolve(left(usageError(`--format: "${String(format)}" is not a format; known: ${EXPORT_FORMATS.join(", ")}`)));
  if (format === "ocel2" || format === "xes") return exportMiningLog(sourceText, format, values, io);
  if (values.case !== undefined || values["as-of"] !== undefined || values["known-at"] !== undefined) return Promise.resolve(left(usageError("--case, --as-of and --known-at go with --format ocel2 or xes; a log copy is always whole")));
  return undefined;
}
