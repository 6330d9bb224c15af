import { LogError, type RecordedEvent } from "@handover/core";
import { right } from "fp-ts/lib/Either.js";
import type { CliCommand, CliIo } from "../command.js";
import { renderJson } from "../output/table.js";
import { paint } from "../output/style.js";
import { handoverCatalogue } from "../sources/catalogue.js";
import { readVerified } from "../sources/verified-read.js";
import { LOG_DETAILS, LOG_OPTIONS, positionalArgs, withLog, type OpenedLog } from "../sources/with-log.js";
import { describeView, viewJson, type LogView } from "../views/view.js";

const USAGE = "handover verify <src> [--as-of <time>] [--known-at <time>] [--json]";

/** Reasons a read stops that are about the log's integrity (exit 1), not about reading it at all (exit 2). */
const INTEGRITY_CODES = /^chain_|^invalid_event_data$|^unknown_schema_version$/;

/** The events of the log that fall in a view, and the last of them (a view cut by recorded time ends at the head the log had then). */
interface ViewTally {
  count: number;
  last: RecordedEvent | undefined;
}

/** What `verify` found: every event verified up to the head, or the first that did not. */
export type VerifyOutcome =
  | { readonly ok: true; readonly count: number; readonly headPosition: number; readonly headHash: string; readonly inView: ViewTally }
  | { readonly ok: false; readonly position: number | null; readonly reason: string; readonly message: string; readonly verified: number };

function inView(event: RecordedEvent, view: LogView): boolean {
  return (view.asOf === undefined || event.meta.occurredAt <= view.asOf) && (view.knownAt === undefined || event.recordedAt <= view.knownAt);
}

/** Reads the whole log through the verifying reader and tallies it; an integrity failure is an outcome, anything else is thrown. */
export async function verifyLog(log: OpenedLog, io: CliIo): Promise<VerifyOutcome> {
  let count = 0;
  let head: RecordedEvent | undefined;
  const tally: ViewTally = { count: 0, last: undefined };
  try {
    for await (const event of readVerified(log.source, io, { catalogue: handoverCatalogue() })) {
      count += 1;
      head = event;
      if (inView(event, log.view)) {
        tally.count += 1;
        tally.last = event;
      }
    }
  } catch (error) {
    if (!(error instanceof LogError) || !INTEGRITY_CODES.test(error.code)) throw error;
    return { ok: false, position: error.position ?? null, reason: error.code.replace(/^chain_/, ""), message: error.message, verified: count };
  }
  return { ok: true, count, headPosition: head?.position ?? 0, headHash: head?.hash ?? "0".repeat(64), inView: tally };
}

function describeOutcome(outcome: VerifyOutcome, label: string, view: LogView, io: CliIo): string {
  const style = paint(io);
  if (!outcome.ok) return `${style.fail("DOES NOT VERIFY")} ${outcome.message}\n  ${outcome.verified} event(s) verified before it\n`;
  const lines = [`${style.pass("verified")} ${label}: ${outcome.count} event(s), positions 1 to ${outcome.headPosition}`, `head: position ${outcome.headPosition}, hash ${outcome.headHash}`, describeView(view)];
  if (view.asOf !== undefined || view.knownAt !== undefined) {
    const last = outcome.inView.last;
    lines.push(`in this view: ${outcome.inView.count} event(s)${last === undefined ? "" : `, the last at position ${last.position}, hash ${last.hash}`}`);
  }
  return `${lines.join("\n")}\n`;
}

function outcomeJson(outcome: VerifyOutcome, label: string, view: LogView): unknown {
  const base = { source: label, view: viewJson(view) };
  if (!outcome.ok) return { ...base, ...outcome };
  const last = outcome.inView.last;
  return { ...base, ok: true, count: outcome.count, headPosition: outcome.headPosition, headHash: outcome.headHash, inView: { count: outcome.inView.count, lastPosition: last?.position ?? null, lastHash: last?.hash ?? null } };
}

/** `handover verify`: checks a log's hash chain end to end; exit 0 when it verifies, 1 when it does not. */
export const verifyCommand: CliCommand = {
  path: ["verify"],
  summary: "Verify a log's hash chain (and that every event decodes): print the count and head hash, or the first bad position and why. Exit 0 verified, 1 not.",
  usage: USAGE,
  details: [...LOG_DETAILS, "  exit codes:        0 the log verifies, 1 it does not (the output names the first bad position), 2 bad usage or a source that cannot be read"],
  example: "handover verify sqlite:crm.db --known-at 2026-03-12",
  options: LOG_OPTIONS,
  async run({ positionals, values }, io) {
    const args = positionalArgs(positionals, ["<src>"], USAGE);
    if (args._tag === "Left") return args;
    const [source = ""] = args.right;
    return withLog(source, values, io, async (log) => {
      const outcome = await verifyLog(log, io);
      io.stdout(values.json === true ? renderJson(outcomeJson(outcome, log.source.spec.label, log.view)) : describeOutcome(outcome, log.source.spec.label, log.view, io));
      return right(outcome.ok ? 0 : 1);
    });
  },
};
