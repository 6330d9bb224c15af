import { left, right, type Either } from "fp-ts/lib/Either.js";
import { inputError, usageError, type CliCommand, type CliFailure, type CliIo } from "../command.js";
import { renderJson } from "../output/table.js";
import { handoverCatalogue } from "../sources/catalogue.js";
import type { LogSource } from "../sources/log-source.js";
import { openLogTarget, type LogTarget } from "../sources/log-target.js";
import { openLogSource } from "../sources/open-source.js";
import { parseSourceSpec, sameLog, SOURCE_FORMS, type SourceSpec } from "../sources/source-spec.js";
import { readVerified } from "../sources/verified-read.js";
import { positionalArgs } from "../sources/with-log.js";
import { exportInFormat, MINING_DETAILS, MINING_OPTIONS } from "./export-mining.js";

const USAGE = "handover export <src> --to <dst> [--format log|ocel2|xes] [--case <kind>] [--schema <name>] [--to-schema <name>] [--force] [--json]";

/** What an export copied: how many events and the head both logs now share. */
export interface ExportSummary {
  readonly from: string;
  readonly to: string;
  readonly count: number;
  readonly headPosition: number;
  readonly headHash: string;
}

function specs(values: Record<string, unknown>, sourceText: string): Either<CliFailure, readonly [SourceSpec, SourceSpec]> {
  const to = values.to;
  if (typeof to !== "string" || to === "") return left(usageError(`missing --to <dst> (${SOURCE_FORMS}); usage: ${USAGE}`));
  const source = parseSourceSpec(sourceText, typeof values.schema === "string" ? values.schema : undefined);
  if (source._tag === "Left") return source;
  const target = parseSourceSpec(to, typeof values["to-schema"] === "string" ? values["to-schema"] : undefined);
  if (target._tag === "Left") return left(usageError(`--to: ${target.left.message.replace("--schema", "--to-schema")}`));
  if (sameLog(source.right, target.right)) return left(usageError(`--to ${to} is the source itself; export into another log`));
  return right([source.right, target.right]);
}

/** Copies the verified stored form of the source into the target and checks both heads agree. */
async function copy(source: LogSource, target: LogTarget, io: CliIo): Promise<Either<CliFailure, ExportSummary>> {
  const written = await target.write(readVerified(source, io, { catalogue: handoverCatalogue(), keepStored: true }));
  if (written._tag === "Left") return written;
  const { count, head } = written.right;
  const expected = source.storedHead;
  if (expected !== undefined && (expected.position !== head.position || expected.hash !== head.hash)) {
    return left(inputError(`${target.spec.label}: wrote up to position ${head.position} but the source's head is position ${expected.position}`));
  }
  return right({ from: source.spec.label, to: target.spec.label, count, headPosition: head.position, headHash: head.hash });
}

/** `handover export`: copies a whole log between JSONL, SQLite and PostgreSQL, the chain verified on the way, all or nothing. */
export const exportCommand: CliCommand = {
  path: ["export"],
  summary: "Copy a whole log between JSONL, SQLite and PostgreSQL: the chain is verified on the way, and nothing is written unless all of it verifies.",
  usage: USAGE,
  details: [
    `  <src>              the log to copy: ${SOURCE_FORMS}`,
    "  --to <dst>         where to copy it, in the same forms: a new .jsonl file, a SQLite file or PostgreSQL schema that holds no events (created when missing)",
    "  --schema <name>    the schema of a postgres:// source (instead of ?schema=)",
    "  --to-schema <name> the schema of a postgres:// destination (instead of ?schema=)",
    "  --force            overwrite an existing file (a .jsonl copy, or a process-mining log); a store that holds events is never written into",
    "  --json             print the summary as JSON",
    "  A source that does not verify, or an event that does not decode, stops the export with exit 2 and leaves the destination as it was.",
    ...MINING_DETAILS,
  ],
  example: "handover export history.jsonl --to 'postgres://audit@db/handover?schema=project_crm'",
  options: { to: { type: "string" }, schema: { type: "string" }, "to-schema": { type: "string" }, force: { type: "boolean", default: false }, json: { type: "boolean", default: false }, ...MINING_OPTIONS },
  async run({ positionals, values }, io) {
    const args = positionalArgs(positionals, ["<src>"], USAGE);
    if (args._tag === "Left") return args;
    const mining = exportInFormat(args.right[0] ?? "", values, io);
    if (mining !== undefined) return mining;
    const parsed = specs(values, args.right[0] ?? "");
    if (parsed._tag === "Left") return parsed;
    const [sourceSpec, targetSpec] = parsed.right;
    const source = await openLogSource(sourceSpec);
    if (source._tag === "Left") return source;
    try {
      const target = await openLogTarget(targetSpec, values.force === true);
      if (target._tag === "Left") return target;
      try {
        const summary = await copy(source.right, target.right, io);
        if (summary._tag === "Left") return summary;
        const { from, to, count, headPosition, headHash } = summary.right;
        io.stdout(values.json === true ? renderJson(summary.right) : `exported ${count} event(s) from ${from} to ${to}\nhead: position ${headPosition}, hash ${headHash} (verified on the way)\n`);
        return right(undefined);
      } finally {
        await target.right.close();
      }
    } finally {
      await source.right.close();
    }
  },
};
