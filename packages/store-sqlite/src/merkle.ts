import type Database from "better-sqlite3";
import { leafHashOf, MerkleFrontier, STORED_NODE_LEVEL, toHex, type MerkleNodeSource, type TreeHead } from "@handover/core";
import { SqliteStoreError } from "./errors.js";

/** How many event hashes the tree reads at a time when it catches up with the log. */
const CATCH_UP_PAGE = 10_000;

/** The tree's statements on one connection. */
export interface SqliteTreeStatements {
  readonly tree: Database.Statement<[], { size: number; frontier: string }>;
  readonly hashesAfter: Database.Statement<[number, number], string>;
  readonly hashesBetween: Database.Statement<[number, number], string>;
  readonly node: Database.Statement<[number, number], string>;
  readonly head: Database.Statement<[], { position: number; hash: string }>;
}

/** Prepares the tree's read statements on a connection. */
export function prepareTreeStatements(db: Database.Database): SqliteTreeStatements {
  return {
    tree: db.prepare<[], { size: number; frontier: string }>("SELECT size, frontier FROM merkle_tree WHERE only = 1"),
    hashesAfter: db.prepare<[number, number], string>("SELECT hash FROM events WHERE position > ? ORDER BY position LIMIT ?").pluck(),
    hashesBetween: db.prepare<[number, number], string>("SELECT hash FROM events WHERE position >= ? AND position <= ? ORDER BY position").pluck(),
    node: db.prepare<[number, number], string>("SELECT hash FROM merkle_nodes WHERE level = ? AND idx = ?").pluck(),
    head: db.prepare<[], { position: number; hash: string }>("SELECT position, hash FROM chain_head WHERE only = 1"),
  };
}

/** The frontier the file keeps; a `SqliteStoreError` when the stored text does not fit its size (edited outside the store). */
export function loadFrontier(statements: SqliteTreeStatements, path: string): MerkleFrontier {
  const row = statements.tree.get();
  const frontier = row === undefined ? undefined : MerkleFrontier.fromText(row.size, row.frontier);
  if (frontier === undefined) throw new SqliteStoreError("corrupt_file", path, "the merkle_tree row is missing or does not fit its size; the schema was changed outside the store");
  return frontier;
}

/**
 * Brings the stored tree up to the log's last event, inside the caller's write transaction:
 * reads the hashes past the tree's size a page at a time, adds them, keeps every complete
 * subtree from `STORED_NODE_LEVEL` up, and stores the new frontier. Appends and imports
 * call it with their events just inserted, so it reads only those.
 */
export function catchUpTree(writer: Database.Database, statements: SqliteTreeStatements, path: string): MerkleFrontier {
  const frontier = loadFrontier(statements, path);
  const insertNode = writer.prepare<[number, number, string]>("INSERT OR REPLACE INTO merkle_nodes (level, idx, hash) VALUES (?, ?, ?)");
  const keep = (node: { level: number; index: number; hash: Buffer }): void => void insertNode.run(node.level, node.index, toHex(node.hash));
  const start = frontier.size;
  for (;;) {
    const hashes = statements.hashesAfter.all(frontier.size, CATCH_UP_PAGE);
    for (const hash of hashes) frontier.addEvent(hash, keep, STORED_NODE_LEVEL);
    if (hashes.length < CATCH_UP_PAGE) break;
  }
  if (frontier.size !== start) writer.prepare<[number, string]>("UPDATE merkle_tree SET size = ?, frontier = ? WHERE only = 1").run(frontier.size, frontier.toText());
  return frontier;
}

/** The tree head from a frontier that is level with the chain head; a `SqliteStoreError` when they disagree. */
export function treeHeadOf(frontier: MerkleFrontier, head: { position: number; hash: string } | undefined, path: string): TreeHead {
  if (head === undefined || head.position !== frontier.size) {
    throw new SqliteStoreError("head_mismatch", path, `the Merkle tree holds ${frontier.size} events but the chain head is at position ${head?.position ?? "none"}; the file was changed outside the store`);
  }
  return { size: frontier.size, root: toHex(frontier.root()), headHash: head.hash };
}

/** The node source of proofs over the file's tree, read on the reading connection. */
export function sqliteNodeSource(statements: SqliteTreeStatements, guard: <T>(work: () => T) => T): MerkleNodeSource {
  return {
    leafHashes: async (from, to) => guard(() => statements.hashesBetween.all(from, to)).map(leafHashOf),
    storedNode: async (level, index) => guard(() => statements.node.get(level, index)),
  };
}
