import { createChainVerifier, decodeRecorded, LogError, readJsonl, type EventCatalogue, type RecordedEvent } from "@handover/core";

/** Options of `readLog`. */
export interface ReadLogOptions {
  /** Event types this catalogue knows are decoded (upcast and parsed); others pass as stored. */
  readonly catalogue?: EventCatalogue;
  /** Verify the hash chain while reading (default true): a log that does not verify is not read on. */
  readonly verify?: boolean;
}

/**
 * Streams a JSONL log for a command: every line parsed, the chain verified as it goes
 * (on the stored form, before decoding), and the events a catalogue knows decoded. A
 * line that is not an event, an event that does not decode, or a chain that breaks is a
 * `LogError` naming the file and line or position; the dispatcher turns it into exit 2.
 */
export async function* readLog(path: string, options: ReadLogOptions = {}): AsyncGenerator<RecordedEvent> {
  const verifier = options.verify === false ? undefined : createChainVerifier();
  let line = 0;
  for await (const stored of readJsonl(path)) {
    line += 1;
    const failure = verifier?.check(stored);
    if (failure !== undefined) throw new LogError(`chain_${failure.reason}`, `${path} line ${line}: the log does not verify: ${failure.message}`, { line, position: failure.position });
    const known = options.catalogue?.definitions.has(stored.type) === true;
    yield known && options.catalogue !== undefined ? decodeRecorded(options.catalogue, stored, line) : stored;
  }
}
