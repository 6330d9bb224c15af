import { PostgresStoreError } from "./errors.js";

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/** The quoted SQL names of one log's objects; the schema name is checked, never spliced raw. */
export interface LogNames {
  readonly schema: string;
  /** `"schema"`, for DDL. */
  readonly quotedSchema: string;
  readonly events: string;
  readonly chainHead: string;
  readonly checkpoints: string;
  readonly snapshots: string;
  readonly schemaVersion: string;
  readonly beginAppend: string;
  readonly appendBatch: string;
  /** Key text of the transaction-level advisory lock that serialises this log's appends. */
  readonly appendLock: string;
  /** Key text of the advisory lock that serialises migrations of this schema. */
  readonly migrationLock: string;
  /** The LISTEN/NOTIFY channel on which appends announce the new head position. */
  readonly channel: string;
  readonly quotedChannel: string;
}

/**
 * Checks a schema name (lowercase letters, digits, underscores, at most 63 characters)
 * and derives the names of the log's tables, function, locks and channel.
 */
export function logNames(schema: string): LogNames {
  if (!SCHEMA_NAME.test(schema)) {
    throw new PostgresStoreError("invalid_schema_name", schema, "a schema name is lowercase letters, digits and underscores, starting with a letter or underscore, at most 63 characters");
  }
  const quotedSchema = `"${schema}"`;
  const channel = `handover_${schema}`.slice(0, 63);
  return {
    schema,
    quotedSchema,
    events: `${quotedSchema}.events`,
    chainHead: `${quotedSchema}.chain_head`,
    checkpoints: `${quotedSchema}.checkpoints`,
    snapshots: `${quotedSchema}.snapshots`,
    schemaVersion: `${quotedSchema}.schema_version`,
    beginAppend: `${quotedSchema}.begin_append`,
    appendBatch: `${quotedSchema}.append_batch`,
    appendLock: `handover.append:${schema}`,
    migrationLock: `handover.migrate:${schema}`,
    channel,
    quotedChannel: `"${channel}"`,
  };
}
