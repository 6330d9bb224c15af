export type { PostgresEventStore } from "./postgres-store.js";
export { openPostgresEventStore } from "./postgres-store.js";
export type { PostgresStoreOptions } from "./options.js";
export type { SubscribeOptions, Subscription } from "./subscription.js";
export type { PostgresStoreErrorCode } from "./errors.js";
export { PostgresStoreError } from "./errors.js";
export type { PostgresMigration } from "./migrations.js";
export { POSTGRES_MIGRATIONS, POSTGRES_SCHEMA_VERSION } from "./migrations.js";
