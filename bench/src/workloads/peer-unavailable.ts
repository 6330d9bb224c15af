/** Thrown by a peer's `setup` when the peer cannot run on this machine: the table reports the variant as failed with this reason. */
export class PeerUnavailableError extends Error {
  override readonly name = "PeerUnavailableError";

  constructor(peer: string, reason: string) {
    super(`${peer} cannot run here: ${reason}`);
  }
}
