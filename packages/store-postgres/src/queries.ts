import { STORED_EVENT_COLUMNS } from "@handover/core";
import type { LogNames } from "./sql-names.js";

/** A named (prepared once per connection) query without its values. */
export interface NamedQuery {
  readonly name: string;
  readonly text: string;
}

/** The version of one stream (`$1`), 0 when it has no events. */
export function streamVersionQuery(names: LogNames): NamedQuery {
  return { name: `ho_version_${names.schema}`, text: `SELECT coalesce(max(version), 0)::integer AS version FROM ${names.events} WHERE stream_id = $1` };
}

/** The chain head row. */
export function headQuery(names: LogNames): NamedQuery {
  return { name: `ho_head_${names.schema}`, text: `SELECT position, hash FROM ${names.chainHead} WHERE id = 1` };
}

/** The events a command id (`$1`) appended, in the stream it first appeared in. */
export function commandRecordQuery(names: LogNames): NamedQuery {
  return {
    name: `ho_command_${names.schema}`,
    text:
      `SELECT ${STORED_EVENT_COLUMNS} FROM ${names.events} WHERE command_id = $1` +
      ` AND stream_id = (SELECT stream_id FROM ${names.events} WHERE command_id = $1 ORDER BY position LIMIT 1) ORDER BY position`,
  };
}

/** One page of a stream: stream `$1`, versions `$2` to `$3`, at most `$4` rows. */
export function streamPageQuery(names: LogNames): NamedQuery {
  return {
    name: `ho_stream_${names.schema}`,
    text: `SELECT ${STORED_EVENT_COLUMNS} FROM ${names.events} WHERE stream_id = $1 AND version >= $2 AND version <= $3 ORDER BY version LIMIT $4`,
  };
}

/** The log from position `$1` to `$2`, occurred by `$3` and recorded by `$4` (null: no limit), for a cursor. */
export function logRangeSql(names: LogNames): string {
  return (
    `SELECT ${STORED_EVENT_COLUMNS} FROM ${names.events} WHERE position >= $1 AND position <= $2` +
    " AND ($3::text IS NULL OR occurred_at <= $3::text) AND ($4::text IS NULL OR recorded_at <= $4::text) ORDER BY position"
  );
}
