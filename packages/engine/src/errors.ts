import type { AppendError, DomainError } from "@handover/core";

/**
 * Why the engine did not carry out a command: the command was unknown or invalid (with the
 * field path), the phase gate or a process refused it, or the store refused the append.
 * Every variant has a `code` and a `message` a person can act on.
 */
export type HandoverError = DomainError | AppendError;
