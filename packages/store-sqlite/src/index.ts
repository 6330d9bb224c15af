export type { SqliteEventStore } from "./sqlite-store.js";
export { openSqliteEventStore } from "./sqlite-store.js";
export type { SqliteStoreOptions, SqliteSynchronous } from "./options.js";
export type { SqliteStoreErrorCode } from "./errors.js";
export { SqliteStoreError } from "./errors.js";
export type { SqliteMigration } from "./migrations.js";
export { SQLITE_MIGRATIONS, SQLITE_SCHEMA_VERSION, HANDOVER_APPLICATION_ID } from "./migrations.js";
export type { SqliteSpillOptions, SqliteSpillStore } from "./spill-store.js";
export { openSqliteSpillStore } from "./spill-store.js";
