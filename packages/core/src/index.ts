export type { DomainEvent, EventMeta, EventToAppend, RecordedBreach, RecordedEnvelope, RecordedEvent, ChainHead } from "./envelope.js";
export { GENESIS_HASH, EMPTY_HEAD } from "./envelope.js";
export type { DomainError } from "./errors.js";
export { domainError, LogError } from "./errors.js";
export type { Decider, Evolver } from "./decider.js";
export { fold, evolveWithImmer, mutableCopy } from "./fold.js";
export type { EventDefinition, EventOf, EventCatalogue, EventValidationError, DefineEventOptions, Upcaster } from "./catalogue.js";
export { defineEvent, createEventCatalogue } from "./catalogue.js";
export { describeZodError, formatPath, safeParseReportingInput } from "./zod-messages.js";
export { canonicalJson } from "./canonical-json.js";
export type { UnhashedEvent } from "./hash-chain.js";
export { hashEvent, canonicalEnvelope, sha256Hex } from "./hash-chain.js";
export type { ChainVerdict, ChainSuccess, ChainFailure, ChainFailureReason, ChainVerifier, VerifyOptions } from "./verify-chain.js";
export { verifyChain, createChainVerifier } from "./verify-chain.js";
export type {
  EventStore,
  ExpectedVersion,
  AppendOptions,
  AppendResult,
  StreamRange,
  LogRange,
  CommandRecord,
  ImportResult,
} from "./event-store.js";
export type { AppendError, VersionConflict, InvalidEvent, InvalidAppend, ChainRejected } from "./append-errors.js";
export { versionConflict, matchesExpectedVersion } from "./append-errors.js";
export type { AppendContext, BatchPlacement } from "./prepare-batch.js";
export { prepareBatch, recordBatch } from "./prepare-batch.js";
export type { CheckedAppend, CheckedEvent } from "./append-request.js";
export { checkAppendRequest, checkBatch } from "./append-request.js";
export type { InputProblem } from "./input-rules.js";
export { INPUT_LIMITS, MAX_ID_LENGTH, identifierProblem, isWellFormedText, isStorableText } from "./input-rules.js";
export { jsonValueProblem } from "./json-value-rule.js";
export { describeValue } from "./describe-value.js";
export type { ImportChecker, ImportStart } from "./import-log.js";
export { createImportChecker, collectImport, importSourceProblem } from "./import-log.js";
export type { InMemoryEventStore, InMemoryStoreOptions } from "./in-memory-store.js";
export { createInMemoryEventStore } from "./in-memory-store.js";
export { inLogRange, filterLogRange, normaliseLogRange } from "./log-range.js";
export type { MetaProblem } from "./meta.js";
export { normaliseMeta } from "./meta.js";
export type { HandleCommandOptions, CommandResult, HandleCommandError } from "./handle-command.js";
export { handleCommand } from "./handle-command.js";
export type { CommandHandler, CommandHandlerOptions } from "./command-handler.js";
export { createCommandHandler } from "./command-handler.js";
export type { AggregateCache, AggregateCacheOptions, AggregateCacheStats } from "./aggregate-cache.js";
export { createAggregateCache, DEFAULT_CACHED_STREAMS } from "./aggregate-cache.js";
export type { LoadedStream } from "./load-stream.js";
export { loadStream, loadCachedStream } from "./load-stream.js";
export type { Snapshot, SnapshotStore, SnapshotPolicy } from "./snapshots.js";
export { createInMemorySnapshotStore } from "./snapshots.js";
export type { ReadModelRecord, ReadModelSnapshotWrite, StoredReadModelSnapshot, ReadModelSnapshotRefusal, ReadModelSnapshotStore, SnapshotNotAfterLatest } from "./read-model-snapshots.js";
export { createInMemoryReadModelSnapshotStore, snapshotFitsRange, notAfterLatest } from "./read-model-snapshots.js";
export type { InvalidReadModelSnapshot } from "./read-model-snapshot-write.js";
export { checkReadModelSnapshotWrite } from "./read-model-snapshot-write.js";
export type { SpillStore } from "./spill-store.js";
export { createInMemorySpillStore } from "./spill-store.js";
export type { Projection } from "./projection.js";
export { project } from "./projection.js";
export type { CheckpointStore, ProjectionHandler, ProjectionRunner, ProjectionRunnerOptions } from "./projection-runner.js";
export { createInMemoryCheckpointStore, createProjectionRunner } from "./projection-runner.js";
export type { ReadJsonlOptions } from "./jsonl.js";
export { readJsonl, writeJsonl } from "./jsonl.js";
export { serializeRecordedEvent, checkRecordedEnvelope } from "./recorded-codec.js";
export { decodeRecorded, decodeLog } from "./upcast.js";
export type { Clock } from "./clock.js";
export { systemClock, fixedClock, steppingClock } from "./clock.js";
export type { IdGenerator } from "./ids.js";
export { randomIds, sequentialIds } from "./ids.js";
export { toUtcIso, parseInstant, millisBetween } from "./time.js";
export { isAsyncIterable, toArray, flattenPages, emptyAsync, boxedItems } from "./iterables.js";
export type { Lifecycle } from "./lifecycle.js";
export { transition, acceptedCommands, reachableStates, lifecycleTable } from "./lifecycle.js";
export type { StoredEventRow, StoredEventValues } from "./stored-event.js";
export { decodeStoredEvent, decodeStoredSnapshotState, storedEventValues, STORED_EVENT_COLUMNS, STORED_EVENT_INSERT_COLUMNS } from "./stored-event.js";
export { catalogueFingerprint } from "./catalogue-fingerprint.js";
export type { CanonicalJsonProblem } from "./canonical-json.js";
export { CanonicalJsonError, MAX_JSON_DEPTH } from "./canonical-json.js";
export { canonicalLine } from "./canonical-line.js";
export { MAX_LINE_BYTES } from "./jsonl-lines.js";
export { EMPTY_TREE_ROOT, leafHash, leafHashOf, nodeHash, toHex, fromHex } from "./merkle-hash.js";
export type { CompletedNode } from "./merkle-tree.js";
export { MerkleFrontier, STORED_NODE_LEVEL, rootOfEvents } from "./merkle-tree.js";
export type { MerkleNodeSource } from "./merkle-proofs.js";
export { subtreeRoot, inclusionPath, consistencyPath } from "./merkle-proofs.js";
export { verifyInclusion, verifyConsistency } from "./merkle-verify.js";
export type { MemoryMerkleTree } from "./merkle-node-source.js";
export { createMemoryMerkleTree } from "./merkle-node-source.js";
export type { NoteSignature, SignedNote } from "./signed-note.js";
export { signNote, parseNote, checkNoteSignature, noteKeyId, readPrivateKey, readPublicKey, isKeyName } from "./signed-note.js";
export type { TreeHead, Checkpoint, ParsedCheckpoint } from "./checkpoint.js";
export { formatCheckpoint, signCheckpoint, parseCheckpoint, sameTreeHead } from "./checkpoint.js";
export type { InclusionProof, ConsistencyProof, LogProof, ProofTrust, ProofFailure, ProofVerdict } from "./proof-document.js";
export { PROOF_FORMAT, buildInclusionProof, buildConsistencyProof, checkProof } from "./proof-document.js";
export { firstDuplicateKey } from "./non-canonical.js";
export { checkCommandInput } from "./command-input.js";
export type { WriteFileOptions, FileContent } from "./write-file.js";
export { writeFileAtomically, FileExistsError } from "./write-file.js";
