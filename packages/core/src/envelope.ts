/** An event as a decider emits it: a namespaced, past-tense type and its data. */
export interface DomainEvent<TType extends string = string, TData = unknown> {
  readonly type: TType;
  readonly data: TData;
}

/** Who caused an event, when it happened in the business, and how it relates to other messages. */
export interface EventMeta {
  readonly actor: string;
  /** When it happened in the business, ISO-8601 UTC (`2026-03-12T09:30:00.000Z`). */
  readonly occurredAt: string;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly commandId?: string;
  /** Rules the command broke that the policy records rather than enforces, in the words of the code that judged it; hashed with the event. */
  readonly recordedBreaches?: readonly RecordedBreach[];
}

/** A rule broken and let through because the policy records it (record mode): which rule, and a sentence. */
export interface RecordedBreach {
  readonly rule: string;
  readonly message: string;
}

/** An event handed to a store: it may carry its own meta, else the batch's meta applies. */
export type EventToAppend<E extends DomainEvent = DomainEvent> = E extends DomainEvent
  ? E & { readonly meta?: EventMeta }
  : never;

/** What the log adds to a domain event: its place in the log, its times and its hash link. */
export interface RecordedEnvelope {
  /** 1-based global order of the log. */
  readonly position: number;
  readonly streamId: string;
  /** 1-based order within the stream. */
  readonly version: number;
  readonly eventId: string;
  readonly schemaVersion: number;
  readonly meta: EventMeta;
  /** When the log learnt of the event, ISO-8601 UTC. */
  readonly recordedAt: string;
  readonly prevHash: string;
  readonly hash: string;
}

/**
 * An event as the log holds it. Distributes over a union of events, so narrowing on
 * `type` still narrows `data`.
 */
export type RecordedEvent<E extends DomainEvent = DomainEvent> = E extends DomainEvent
  ? E & RecordedEnvelope
  : never;

/** The last position of a log and the hash of the event there (64 zeros for an empty log). */
export interface ChainHead {
  readonly position: number;
  readonly hash: string;
}

/** The `prevHash` of the first event of every log. */
export const GENESIS_HASH = "0".repeat(64);

/** The head of a log that holds no events. */
export const EMPTY_HEAD: ChainHead = Object.freeze({ position: 0, hash: GENESIS_HASH });
