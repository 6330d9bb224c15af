import { left, right, type Either } from "fp-ts/lib/Either.js";
import { freeze } from "immer";
import type { AppendError } from "./append-errors.js";
import type { EventCatalogue } from "./catalogue.js";
import type { ChainHead, RecordedEvent } from "./envelope.js";
import { describeValue } from "./describe-value.js";
import { boxedItems } from "./iterables.js";
import { checkRecordedEnvelope } from "./recorded-codec.js";
import { createChainVerifier } from "./verify-chain.js";

/** Checks imported events one at a time: the chain continues the store's head, and each event decodes. */
export interface ImportChecker {
  /** The first problem of the next event (never throws, whatever it is given), or undefined when it may be written. */
  check(event: RecordedEvent): AppendError | undefined;
}

/** Where an import starts and what it checks against. */
export interface ImportStart {
  readonly head: ChainHead;
  readonly streamVersionBefore: (streamId: string) => number;
  readonly catalogue?: EventCatalogue | undefined;
}

/**
 * Starts the checks every store runs on an import: an envelope that could be stored and
 * read back (field types, ids and the actor held to the id rule of every append), data
 * and meta that every store keeps as given (the input rules: see `checkedParts`), hash chain, positions and stream versions continuing
 * the store's own log, and (with a catalogue) each event decoding.
 */
export function createImportChecker(start: ImportStart): ImportChecker {
  const verifier = createChainVerifier({ after: start.head, streamVersionBefore: start.streamVersionBefore, envelopesChecked: true });
  let expectedPosition = start.head.position + 1;
  const checkEvent = (event: RecordedEvent): AppendError | undefined => {
    const envelope = checkRecordedEnvelope(event);
    if (typeof envelope === "string") {
      const position = Number.isInteger((event as { position?: unknown } | null)?.position) ? event.position : expectedPosition;
      return { code: "chain_rejected", position, message: `import refused at position ${position}: ${envelope}` };
    }
    expectedPosition = event.position + 1;
    const failure = verifier.check(event);
    if (failure !== undefined) return { code: "chain_rejected", position: failure.position, message: `import refused: ${failure.message}` };
    if (start.catalogue === undefined) return undefined;
    const decoded = start.catalogue.decode(event.type, event.data, event.schemaVersion);
    if (decoded._tag === "Right") return undefined;
    const problem = decoded.left;
    const code = problem.code === "invalid_event_data" ? "invalid_event" : problem.code;
    return { code, index: event.position, eventType: event.type, path: problem.path, message: `import refused at position ${event.position}: ${problem.message}` };
  };
  return {
    check(event) {
      try {
        return checkEvent(event);
      } catch (error) {
        return { code: "chain_rejected", position: expectedPosition, message: `import refused at position ${expectedPosition}: the event could not be read (${error instanceof Error ? error.message : "an unreadable value"})` };
      }
    },
  };
}

/** The refusal of an import given something that is not a list of events (an iterable or async iterable), or undefined. */
export function importSourceProblem(incoming: unknown): AppendError | undefined {
  let iterable: boolean;
  try {
    iterable = typeof incoming === "object" && incoming !== null && (typeof (incoming as Iterable<unknown>)[Symbol.iterator] === "function" || typeof (incoming as AsyncIterable<unknown>)[Symbol.asyncIterator] === "function");
  } catch {
    iterable = false;
  }
  return iterable ? undefined : { code: "invalid_append", path: "events", message: `import refused: expected the recorded events (an iterable or async iterable), got ${describeValue(incoming)}` };
}

/** Reads a whole import into memory after checking it, for stores that commit it in one step. */
export async function collectImport(
  incoming: Iterable<RecordedEvent> | AsyncIterable<RecordedEvent>,
  start: ImportStart,
): Promise<Either<AppendError, RecordedEvent[]>> {
  const refused = importSourceProblem(incoming);
  if (refused !== undefined) return left(refused);
  const checker = createImportChecker(start);
  const collected: RecordedEvent[] = [];
  for await (const { item: event } of boxedItems(incoming)) {
    const problem = checker.check(event);
    if (problem !== undefined) return left(problem);
    collected.push(freeze(event, true));
  }
  return right(collected);
}
