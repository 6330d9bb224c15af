import { createChainVerifier, type MerkleFrontier, type RecordedEvent } from "@handover/core";

/**
 * A log's events as `handover` reads them for an audit: each event's hash chain link
 * checked before it is handed on (a break stops the read), and, when a tree is given, its
 * Merkle leaf added as it passes (RFC 9162), so the read ends with the log's tree head.
 */
export async function* verifiedEvents(events: AsyncIterable<RecordedEvent>, tree?: MerkleFrontier): AsyncGenerator<RecordedEvent> {
  const verifier = createChainVerifier({ envelopesChecked: true });
  for await (const event of events) {
    const failure = verifier.check(event);
    if (failure !== undefined) throw new Error(`the benchmark log does not verify at position ${failure.position}: ${failure.message}`);
    tree?.addEvent(event.hash);
    yield event;
  }
  const verdict = verifier.result();
  if (!verdict.ok) throw new Error(`the benchmark log does not verify: ${verdict.message}`);
}
