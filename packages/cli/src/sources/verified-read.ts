import { createChainVerifier, decodeRecorded, inLogRange, LogError, type MerkleFrontier, toHex, type ChainFailure, type Checkpoint, type EventCatalogue, type LogRange, type RecordedEvent } from "@handover/core";
import type { CliIo } from "../command.js";
import { startProgress } from "../output/progress.js";
import type { LogSource } from "./log-source.js";

/** Options of `readVerified`. */
export interface VerifiedReadOptions {
  /** Only events inside this range are handed on (every event before them is still verified). */
  readonly range?: LogRange;
  /** Events are decoded with it (upcast and parsed); a type it does not know stops the read (`unknown_event_type`). */
  readonly catalogue?: EventCatalogue;
  /** Hand on the stored form (what the hashes cover) after checking that it decodes: for copying a log. */
  readonly keepStored?: boolean;
  /** The Merkle tree to grow by every event read (RFC 9162): after the read it holds the log's tree head. */
  readonly tree?: MerkleFrontier;
  /** A checkpoint the log must extend: its first `size` events must give its root and head hash (`checkpoint_mismatch`), and be there (`checkpoint_truncated`). */
  readonly checkpoint?: Checkpoint;
}

/** Where an event sits in a source, as an error names it: a JSONL line, or a store's position. */
function whereIn(source: LogSource, line: number): string {
  return source.spec.kind === "jsonl" ? `${source.spec.label} line ${line}` : source.spec.label;
}

function chainError(source: LogSource, line: number, failure: ChainFailure): LogError {
  return new LogError(`chain_${failure.reason}`, `${whereIn(source, line)}: the log does not verify: ${failure.message}`, { line, position: failure.position });
}

/** Decodes a stored event with the catalogue; an unknown type or data that does not decode names the source (and the line of a JSONL file). */
function decodeKnown(source: LogSource, catalogue: EventCatalogue | undefined, stored: RecordedEvent, line: number): RecordedEvent {
  if (catalogue === undefined) return stored;
  if (!catalogue.definitions.has(stored.type)) {
    throw new LogError("unknown_event_type", `${whereIn(source, line)} (position ${stored.position}): event type "${stored.type}" is not one this Handover knows; it is never skipped: upgrade Handover, or the log holds another application's events`, { line, position: stored.position });
  }
  try {
    return decodeRecorded(catalogue, stored, source.spec.kind === "jsonl" ? line : undefined);
  } catch (error) {
    if (!(error instanceof LogError)) throw error;
    throw new LogError(error.code, `${source.spec.label}: ${error.message}`, { line, position: stored.position });
  }
}

/** Checks the tree once it holds the checkpoint's size: the same root and head hash, or the log does not extend the checkpoint. */
function checkAgainst(source: LogSource, line: number, checkpoint: Checkpoint, tree: MerkleFrontier, stored: RecordedEvent): void {
  const root = toHex(tree.root());
  if (root === checkpoint.root && stored.hash === checkpoint.headHash) return;
  throw new LogError(
    "checkpoint_mismatch",
    `${whereIn(source, line)}: the log does not extend the checkpoint: its first ${checkpoint.size} events have root ${root.slice(0, 12)}… and head ${stored.hash.slice(0, 12)}…, the checkpoint says root ${checkpoint.root.slice(0, 12)}… and head ${checkpoint.headHash.slice(0, 12)}…; an event at or before position ${checkpoint.size} was rewritten and the chain re-hashed`,
    { line, position: checkpoint.size },
  );
}

/**
 * Streams a log's events with its hash chain verified as it goes (on the stored form,
 * before decoding), from position 1 however narrow the range asked: an event is handed
 * on only once everything before it verified. A store's recorded head is checked when the
 * read reaches the end; so is a checkpoint given. A break is a `LogError` naming the JSONL
 * line or store position; so is an event that does not decode, an event type the catalogue
 * does not know, and a log with no events at all. Draws a progress bar on a terminal.
 */
export async function* readVerified(source: LogSource, io: CliIo, options: VerifiedReadOptions = {}): AsyncGenerator<RecordedEvent> {
  const range = options.range ?? {};
  const { tree, checkpoint } = options;
  const verifier = createChainVerifier({ envelopesChecked: true, ...(range.toPosition === undefined && source.storedHead !== undefined ? { expectedHead: source.storedHead } : {}) });
  const progress = startProgress(io, source.spec.label, await progressTotal(source, io, range));
  let line = 0;
  try {
    for await (const stored of source.stored()) {
      line += 1;
      if (range.toPosition !== undefined && stored.position > range.toPosition) return;
      const failure = verifier.check(stored);
      if (failure !== undefined) throw chainError(source, line, failure);
      tree?.addEvent(stored.hash);
      if (checkpoint !== undefined && tree !== undefined && stored.position === checkpoint.size) checkAgainst(source, line, checkpoint, tree, stored);
      progress.advance(line);
      if (!inLogRange(stored, range)) continue;
      const decoded = decodeKnown(source, options.catalogue, stored, line);
      yield options.keepStored === true ? stored : decoded;
    }
    const verdict = verifier.result();
    if (!verdict.ok) throw chainError(source, line + 1, verdict);
    if (line === 0) throw new LogError("empty_log", `${source.spec.label}: the log is empty: it holds no events, so there is nothing to verify or read`);
    if (checkpoint !== undefined && line < checkpoint.size) {
      throw new LogError("checkpoint_truncated", `${whereIn(source, line + 1)}: the log ends at position ${line}, but the checkpoint has ${checkpoint.size} events: positions ${line + 1} to ${checkpoint.size} were removed`, { line: line + 1, position: line + 1 });
    }
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
