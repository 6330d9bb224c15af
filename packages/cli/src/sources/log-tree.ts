import { createMemoryMerkleTree, toArray, toHex, type MerkleNodeSource, type RecordedEvent, type TreeHead } from "@handover/core";
import type { CliIo } from "../command.js";
import { handoverCatalogue } from "./catalogue.js";
import { originOf, projectOfStream } from "./checkpoint-file.js";
import type { LogSource } from "./log-source.js";
import { readVerified } from "./verified-read.js";

/** A log's Merkle tree as a command proves with it: the tree head, its nodes, the log's origin and its events by position. */
export interface LogTree {
  readonly head: TreeHead;
  readonly nodes: MerkleNodeSource;
  /** `handover/<projectId>`: the log's name in its checkpoints. */
  readonly origin: string;
  eventAt(position: number): Promise<RecordedEvent | undefined>;
}

/** The first project the log names, read from its start (a project's log usually starts with it). */
async function firstProject(events: AsyncIterable<RecordedEvent>): Promise<string | undefined> {
  for await (const event of events) {
    const project = projectOfStream(event.streamId);
    if (project !== undefined) return project;
  }
  return undefined;
}

/**
 * The tree of a log. A store keeps its tree, so its head is read in O(log n) and proofs read
 * only the nodes they need; a JSONL file keeps none, so it is read whole (chain verified,
 * every event decoded) and its tree built in memory.
 */
export async function openLogTree(source: LogSource, io: CliIo): Promise<LogTree> {
  const store = source.store;
  if (store !== undefined) {
    const head = await store.treeHead();
    const origin = originOf(await firstProject(store.readAll()));
    const eventAt = async (position: number) => (await toArray(store.readAll({ fromPosition: position, toPosition: position })))[0];
    return { head, nodes: store.merkleNodes(), origin, eventAt };
  }
  const tree = createMemoryMerkleTree();
  let project: string | undefined;
  let headHash = "0".repeat(64);
  for await (const event of readVerified(source, io, { catalogue: handoverCatalogue(), keepStored: true })) {
    tree.add(event.hash);
    project ??= projectOfStream(event.streamId);
    headHash = event.hash;
  }
  const head = { size: tree.frontier.size, root: toHex(tree.frontier.root()), headHash };
  const eventAt = async (position: number): Promise<RecordedEvent | undefined> => {
    for await (const event of source.stored()) if (event.position === position) return event;
    return undefined;
  };
  return { head, nodes: tree, origin: originOf(project), eventAt };
}
