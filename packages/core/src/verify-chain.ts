import { EMPTY_HEAD, type ChainHead, type RecordedEvent } from "./envelope.js";
import { sha256Hex } from "./hash-chain.js";
import { checkedParts } from "./recorded-text.js";
import { isAsyncIterable } from "./iterables.js";
import { checkRecordedEnvelope } from "./recorded-codec.js";
import { describeValue } from "./describe-value.js";

/** Why a log does not verify at a position. */
export type ChainFailureReason =
  | "position_gap"
  | "broken_link"
  | "hash_mismatch"
  | "version_gap"
  | "truncated"
  | "head_mismatch"
  | "invalid_envelope";

/** What the caller knows of the log's end from elsewhere (a store's head, a published anchor). */
export interface VerifyOptions {
  readonly expectedHead?: { readonly position: number; readonly hash?: string };
  /** Where the checked events start: after this head (default: the genesis of an empty log). */
  readonly after?: ChainHead;
  /** The version each stream had before the checked events (default: 0 for every stream). */
  readonly streamVersionBefore?: (streamId: string) => number;
  /**
   * Set when every event comes from a reader that already checked its envelope (`readJsonl`,
   * a durable store's decode, an import checker), so the check is not run twice per event.
   */
  readonly envelopesChecked?: boolean;
}

/** The first event of a log that does not verify, and why. */
export interface ChainFailure {
  readonly ok: false;
  readonly position: number;
  readonly reason: ChainFailureReason;
  readonly message: string;
  /** How many events before it verified. */
  readonly verified: number;
}

/** A log that verifies: how many events and the hash of the last one. */
export interface ChainSuccess {
  readonly ok: true;
  readonly count: number;
  readonly headPosition: number;
  readonly headHash: string;
}

/** The verdict of `verifyChain`. */
export type ChainVerdict = ChainSuccess | ChainFailure;

/** Checks a log one event at a time; `check` returns the first failure, then keeps returning it. */
export interface ChainVerifier {
  check(event: RecordedEvent): ChainFailure | undefined;
  result(): ChainVerdict;
}

/** Starts a verifier for a log that begins at position 1 with the genesis hash. */
export function createChainVerifier(options: VerifyOptions = {}): ChainVerifier {
  const start = options.after ?? EMPTY_HEAD;
  let lastPosition = start.position;
  let headHash = start.hash;
  let failure: ChainFailure | undefined;
  const streamVersions = new Map<string, number>();

  const fail = (position: number, reason: ChainFailureReason, message: string): ChainFailure => {
    failure = Object.freeze({ ok: false as const, position, reason, message, verified: lastPosition - start.position });
    return failure;
  };

  const check = (event: RecordedEvent): ChainFailure | undefined => {
    if (failure !== undefined) return failure;
    const expectedPosition = lastPosition + 1;
    if (typeof event !== "object" || event === null) return fail(expectedPosition, "invalid_envelope", `position ${expectedPosition}: expected a recorded event, found ${describeValue(event)}`);
    if (event.position !== expectedPosition) {
      return fail(expectedPosition, "position_gap", `position ${expectedPosition}: expected this position next, found position ${event.position}`);
    }
    if (event.prevHash !== headHash) {
      return fail(event.position, "broken_link", `position ${event.position}: prevHash ${short(event.prevHash)} does not match the hash of position ${lastPosition} (${short(headHash)})`);
    }
    const expectedVersion =
      (streamVersions.get(event.streamId) ?? options.streamVersionBefore?.(event.streamId) ?? 0) + 1;
    if (event.version !== expectedVersion) {
      return fail(event.position, "version_gap", `position ${event.position}: stream ${event.streamId} expected version ${expectedVersion}, found ${event.version}`);
    }
    const envelope = options.envelopesChecked === true ? event : checkRecordedEnvelope(event);
    if (typeof envelope === "string") {
      return fail(event.position, "invalid_envelope", `position ${event.position}: ${envelope}; the event was edited outside its hashed fields`);
    }
    const content = checkContent(event);
    if (content !== undefined) return fail(event.position, content.reason, content.message);
    streamVersions.set(event.streamId, expectedVersion);
    lastPosition = expectedPosition;
    headHash = event.hash;
    return undefined;
  };

  const checkHead = (): ChainFailure | undefined => {
    const expected = options.expectedHead;
    if (expected === undefined) return undefined;
    if (lastPosition < expected.position) {
      return fail(lastPosition + 1, "truncated", `position ${lastPosition + 1}: the log ends at position ${lastPosition}, but its head is at position ${expected.position}`);
    }
    if (lastPosition > expected.position) {
      return fail(expected.position + 1, "head_mismatch", `position ${expected.position + 1}: the log goes on past its recorded head at position ${expected.position}`);
    }
    if (expected.hash !== undefined && expected.hash !== headHash) {
      return fail(lastPosition, "head_mismatch", `position ${lastPosition}: head hash ${short(headHash)} is not the expected ${short(expected.hash)}`);
    }
    return undefined;
  };

  const result = (): ChainVerdict =>
    failure ?? checkHead() ?? Object.freeze({ ok: true as const, count: lastPosition - start.position, headPosition: lastPosition, headHash });

  return { check, result };
}

/** Why an event's content does not verify: it breaks the input rules, or its hash does not match it. */
function checkContent(event: RecordedEvent): { readonly reason: ChainFailureReason; readonly message: string } | undefined {
  const parts = checkedParts(event);
  if (typeof parts === "string") return { reason: "invalid_envelope", message: `position ${event.position}: ${parts}` };
  const computed = sha256Hex(event.prevHash + parts.head + parts.tail);
  if (computed === event.hash) return undefined;
  return { reason: "hash_mismatch", message: `position ${event.position}: stored hash ${short(event.hash)} does not match the content (${short(computed)}); the event was edited` };
}

/**
 * Verifies a whole log: positions 1..n without gaps, each `prevHash` linking to the
 * previous hash, stream versions without gaps, and every hash matching its content.
 */
export function verifyChain(events: Iterable<RecordedEvent>, options?: VerifyOptions): ChainVerdict;
export function verifyChain(events: AsyncIterable<RecordedEvent>, options?: VerifyOptions): Promise<ChainVerdict>;
export function verifyChain(
  events: Iterable<RecordedEvent> | AsyncIterable<RecordedEvent>,
  options: VerifyOptions = {},
): ChainVerdict | Promise<ChainVerdict> {
  const verifier = createChainVerifier(options);
  if (isAsyncIterable(events)) return verifyAsync(events, verifier);
  for (const event of events) if (verifier.check(event) !== undefined) break;
  return verifier.result();
}

async function verifyAsync(events: AsyncIterable<RecordedEvent>, verifier: ChainVerifier): Promise<ChainVerdict> {
  for await (const event of events) if (verifier.check(event) !== undefined) break;
  return verifier.result();
}

function short(hash: string): string {
  return `${hash.slice(0, 12)}…`;
}
