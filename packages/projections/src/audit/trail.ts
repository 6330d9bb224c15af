import { parseInstant, type RecordedEvent } from "@handover/core";
import { deepFreeze } from "../freeze.js";
import { scanLog, type Answer, type Log } from "../log.js";
import { logRangeOf, type ReadOptions } from "../read-options.js";
import { entityOfStream, idsMentioned } from "./entities.js";

/** Options of `auditTrail`: whose history, by whom, between which business times (inclusive), and where in the log. */
export interface AuditTrailOptions extends ReadOptions {
  /** An aggregate id (`C-17`, `crm-db`) or a stream id (`change-C-17`): its own events, and events of others that name it. */
  readonly entityId?: string;
  /** Matches the event's `meta.actor` or its data's `by`. */
  readonly actor?: string;
  /** A date-time or a date (its start, UTC). */
  readonly from?: string;
  /** A date-time or a date (its end, UTC). */
  readonly to?: string;
  /** Only these event types. */
  readonly types?: readonly string[];
}

/** One line of the audit trail: who did what, when, on which entity, and under which command and correlation. */
export interface AuditEntry {
  readonly position: number;
  readonly at: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly type: string;
  readonly streamId: string;
  readonly version: number;
  /** The aggregate the event belongs to. */
  readonly entityId: string;
  /** `subject` when the event is the entity's own, `mentioned` when another entity's event names it. */
  readonly relation: "subject" | "mentioned";
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly commandId?: string;
  readonly data: unknown;
}

function startOf(value: string): string {
  const instant = parseInstant(/^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00Z` : value);
  if (instant._tag === "Left") throw new RangeError(`from: ${instant.left}`);
  return instant.right;
}

function endOf(value: string): string {
  const instant = parseInstant(value);
  if (instant._tag === "Left") throw new RangeError(`to: ${instant.left}`);
  return instant.right;
}

function relationTo(event: RecordedEvent, entityId: string | undefined): AuditEntry["relation"] | undefined {
  if (entityId === undefined) return "subject";
  if (event.streamId === entityId || entityOfStream(event.streamId) === entityId) return "subject";
  return idsMentioned(event.data).has(entityId) ? "mentioned" : undefined;
}

function entryOf(event: RecordedEvent, relation: AuditEntry["relation"]): AuditEntry {
  const { correlationId, causationId, commandId } = event.meta;
  return {
    position: event.position,
    at: event.meta.occurredAt,
    recordedAt: event.recordedAt,
    actor: event.meta.actor,
    type: event.type,
    streamId: event.streamId,
    version: event.version,
    entityId: entityOfStream(event.streamId),
    relation,
    ...(correlationId === undefined ? {} : { correlationId }),
    ...(causationId === undefined ? {} : { causationId }),
    ...(commandId === undefined ? {} : { commandId }),
    data: event.data,
  };
}

/**
 * The audit trail: who did what and when, in log order, with each command's correlation,
 * causation and command ids; filtered by entity (its own events and those naming it),
 * actor, business-time window and event types, as of any point of the log.
 */
export function auditTrail<L extends Log>(log: L, options: AuditTrailOptions = {}): Answer<L, readonly AuditEntry[]> {
  const from = options.from === undefined ? undefined : startOf(options.from);
  const to = options.to === undefined ? undefined : endOf(options.to);
  const types = options.types === undefined ? undefined : new Set(options.types);
  const entries: AuditEntry[] = [];
  const visit = (event: RecordedEvent): void => {
    const at = event.meta.occurredAt;
    if ((from !== undefined && at < from) || (to !== undefined && at > to) || (types !== undefined && !types.has(event.type))) return;
    if (options.actor !== undefined && event.meta.actor !== options.actor && (event.data as { by?: unknown } | null)?.by !== options.actor) return;
    const relation = relationTo(event, options.entityId);
    if (relation !== undefined) entries.push(entryOf(event, relation));
  };
  return scanLog(log, logRangeOf(options), visit, () => deepFreeze(entries));
}
