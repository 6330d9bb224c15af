import type pg from "pg";
import { leafHashOf, MerkleFrontier, STORED_NODE_LEVEL, toHex, type MerkleNodeSource, type TreeHead } from "@handover/core";
import { checkoutClient, releaseClient, rollbackQuietly } from "./clients.js";
import { PostgresStoreError } from "./errors.js";
import type { LogNames } from "./sql-names.js";

/** How many event hashes the tree reads at a time when it catches up with the log. */
const CATCH_UP_PAGE = 10_000;

/**
 * Brings the log's Merkle tree up to its last event inside the caller's transaction, which
 * must hold the log's append lock: reads the hashes past the tree's size a page at a time,
 * keeps every complete subtree from `STORED_NODE_LEVEL` up, stores the new frontier, and
 * returns the tree head. Imports call it before they commit; tree heads and proofs call it
 * for the appends since (an append's one round trip does not carry the tree).
 */
export async function catchUpTree(client: pg.PoolClient, names: LogNames): Promise<TreeHead> {
  const row = (await client.query<{ size: string; frontier: string; position: string; hash: string }>(
    `SELECT t.size, t.frontier, h.position, h.hash FROM ${names.quotedSchema}.merkle_tree t, ${names.chainHead} h WHERE t.id = 1 AND h.id = 1`,
  )).rows[0];
  const frontier = row === undefined ? undefined : MerkleFrontier.fromText(Number(row.size), row.frontier);
  if (row === undefined || frontier === undefined) throw new PostgresStoreError("corrupt_schema", names.schema, "the merkle_tree row is missing or does not fit its size; the schema was changed outside the store");
  const start = frontier.size;
  const nodes: { level: number; index: number; hash: string }[] = [];
  for (;;) {
    const { rows } = await client.query<{ hash: string }>(`SELECT hash FROM ${names.events} WHERE position > $1 ORDER BY position LIMIT $2`, [frontier.size, CATCH_UP_PAGE]);
    for (const { hash } of rows) frontier.addEvent(hash, (node) => nodes.push({ level: node.level, index: node.index, hash: toHex(node.hash) }), STORED_NODE_LEVEL);
    if (nodes.length > 0) await storeNodes(client, names, nodes.splice(0));
    if (rows.length < CATCH_UP_PAGE) break;
  }
  if (frontier.size !== start) await client.query(`UPDATE ${names.quotedSchema}.merkle_tree SET size = $1, frontier = $2 WHERE id = 1`, [frontier.size, frontier.toText()]);
  if (frontier.size !== Number(row.position)) {
    throw new PostgresStoreError("corrupt_schema", names.schema, `the Merkle tree holds ${frontier.size} events but the chain head is at position ${row.position}; the schema was changed outside the store`);
  }
  return { size: frontier.size, root: toHex(frontier.root()), headHash: row.hash };
}

async function storeNodes(client: pg.PoolClient, names: LogNames, nodes: readonly { level: number; index: number; hash: string }[]): Promise<void> {
  await client.query(
    `INSERT INTO ${names.quotedSchema}.merkle_nodes (level, idx, hash) SELECT * FROM unnest($1::integer[], $2::bigint[], $3::text[]) ON CONFLICT (level, idx) DO UPDATE SET hash = excluded.hash`,
    [nodes.map((node) => node.level), nodes.map((node) => node.index), nodes.map((node) => node.hash)],
  );
}

/** The tree head of the whole log, catching the tree up first in its own transaction under the log's append lock. */
export async function readTreeHead(pool: pg.Pool, names: LogNames): Promise<TreeHead> {
  const client = await checkoutClient(pool);
  let failure: unknown;
  try {
    await client.query("BEGIN");
    await client.query("SELECT pg_advisory_xact_lock(hashtextextended($1, 0))", [names.appendLock]);
    const head = await catchUpTree(client, names);
    await client.query("COMMIT");
    return head;
  } catch (error) {
    failure = error;
    await rollbackQuietly(client);
    throw error;
  } finally {
    releaseClient(client, failure);
  }
}

/** The node source of proofs over the log's tree (ask for the tree head first, so the nodes are there). */
export function postgresNodeSource(pool: pg.Pool, names: LogNames): MerkleNodeSource {
  return {
    leafHashes: async (from, to) => {
      const { rows } = await pool.query<{ hash: string }>(`SELECT hash FROM ${names.events} WHERE position >= $1 AND position <= $2 ORDER BY position`, [from, to]);
      return rows.map((row) => leafHashOf(row.hash));
    },
    storedNode: async (level, index) => {
      const { rows } = await pool.query<{ hash: string }>(`SELECT hash FROM ${names.quotedSchema}.merkle_nodes WHERE level = $1 AND idx = $2`, [level, index]);
      return rows[0]?.hash;
    },
  };
}
