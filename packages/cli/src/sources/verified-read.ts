import { createChainVerifier, decodeRecorded, inLogRange, LogError, type ChainFailure, type EventCatalogue, type LogRange, type RecordedEvent } from "@handover/core";
import type { CliIo } from "../command.js";
import { startProgress } from "../output/progress.js";
import type { LogSource } from "./log-source.js";

/** Options of `readVerified`. */
export interface VerifiedReadOptions {
  /** Only events inside this range are handed on (every event before them is still verified). */
  readonly range?: LogRange;
  /** Known event types are decoded with it (upcast and parsed); unknown types pass as stored. */
  readonly catalogue?: EventCatalogue;
}

/** Where an event sits in a source, as an error names it: a JSONL line, or a store's position. */
function whereIn(source: LogSource, line: number): string {
  return source.spec.kind === "jsonl" ? `${source.spec.label} line ${line}` : source.spec.label;
}

function chainError(source: LogSource, line: number, failure: ChainFailure): LogError {
  return new LogError(`chain_${failure.reason}`, `${whereIn(source, line)}: the log does not verify: ${failure.message}`, { line, position: failure.position });
}

/** Decodes one stored event; a failure names the source (and the line of a JSONL file). */
function decodeIn(source: LogSource, catalogue: EventCatalogue, stored: RecordedEvent, line: number): RecordedEvent {
  try {
    return decodeRecorded(catalogue, stored, source.spec.kind === "jsonl" ? line : undefined);
  } catch (error) {
    if (!(error instanceof LogError)) throw error;
    throw new LogError(error.code, `${source.spec.label}: ${error.message}`, { line, position: stored.position });
  }
}

/**
 * Streams a log's events with its hash chain verified as it goes (on the stored form,
 * before decoding), from position 1 however narrow the range asked: an event is handed
 * on only once everything before it verified. A store's recorded head is checked when the
 * read reaches the end. A break is a `LogError` naming the JSONL line or store position;
 * an event that does not decode is one too. Draws a progress bar on a terminal.
 */
export async function* readVerified(source: LogSource, io: CliIo, options: VerifiedReadOptions = {}): AsyncGenerator<RecordedEvent> {
  const range = options.range ?? {};
  const full = range.toPosition === undefined;
  const verifier = createChainVerifier(full && source.storedHead !== undefined ? { expectedHead: source.storedHead } : {});
  const total = io.terminal?.stderr === true ? await source.size() : 0;
  const progress = startProgress(io, source.spec.label, range.toPosition === undefined ? total : Math.min(total, range.toPosition));
  let line = 0;
  try {
    for await (const stored of source.stored()) {
      line += 1;
      if (range.toPosition !== undefined && stored.position > range.toPosition) return;
      const failure = verifier.check(stored);
      if (failure !== undefined) throw chainError(source, line, failure);
      progress.advance(line);
      if (!inLogRange(stored, range)) continue;
      yield options.catalogue?.definitions.has(stored.type) === true ? decodeIn(source, options.catalogue, stored, line) : stored;
    }
    const verdict = verifier.result();
    if (!verdict.ok) throw chainError(source, line + 1, verdict);
  } finally {
    progress.finish();
  }
}
