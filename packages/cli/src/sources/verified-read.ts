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
  /** Hand on the stored form (what the hashes cover) after checking that it decodes: for copying a log. */
  readonly keepStored?: boolean;
}

/** Where an event sits in a source, as an error names it: a JSONL line, or a store's position. */
function whereIn(source: LogSource, line: number): string {
  return source.spec.kind === "jsonl" ? `${source.spec.label} line ${line}` : source.spec.label;
}

function chainError(source: LogSource, line: number, failure: ChainFailure): LogError {
  return new LogError(`chain_${failure.reason}`, `${whereIn(source, line)}: the log does not verify: ${failure.message}`, { line, position: failure.position });
}

/** Decodes a stored event of a type the catalogue knows (others pass as stored); a failure names the source (and the line of a JSONL file). */
function decodeKnown(source: LogSource, catalogue: EventCatalogue | undefined, stored: RecordedEvent, line: number): RecordedEvent {
  if (catalogue?.definitions.has(stored.type) !== true) return stored;
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
  const verifier = createChainVerifier({ envelopesChecked: true, ...(range.toPosition === undefined && source.storedHead !== undefined ? { expectedHead: source.storedHead } : {}) });
  const progress = startProgress(io, source.spec.label, await progressTotal(source, io, range));
  let line = 0;
  try {
    for await (const stored of source.stored()) {
      line += 1;
      if (range.toPosition !== undefined && stored.position > range.toPosition) return;
      const failure = verifier.check(stored);
      if (failure !== undefined) throw chainError(source, line, failure);
      progress.advance(line);
      if (!inLogRange(stored, range)) continue;
      const decoded = decodeKnown(source, options.catalogue, stored, line);
      yield options.keepStored === true ? stored : decoded;
    }
    const verdict = verifier.result();
    if (!verdict.ok) throw chainError(source, line + 1, verdict);
  } finally {
    progress.finish();
  }
}

/** How many events the progress bar counts to: asked of the source only when a bar can be drawn. */
async function progressTotal(source: LogSource, io: CliIo, range: LogRange): Promise<number> {
  if (io.terminal?.stderr !== true) return 0;
  const size = await source.size();
  return range.toPosition === undefined ? size : Math.min(size, range.toPosition);
}
