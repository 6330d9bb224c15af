import pg from "pg";
import { POSTGRES_URL, createRawSchema } from "./postgres-schemas.js";

/** A connected client for the raw variants, with a schema of the store's tables created when asked. */
export async function rawClient(schema: string, create: boolean): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 5000 });
  await client.connect();
  if (create) await createRawSchema(client, schema);
  return client;
}
