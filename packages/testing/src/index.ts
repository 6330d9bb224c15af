export type { DeciderSpec, DeciderOutcome } from "./decider-spec.js";
export { deciderSpec } from "./decider-spec.js";
export type { LogEntry } from "./chain-builder.js";
export { buildChainedLog } from "./chain-builder.js";
export type { RecordedLogOptions } from "./arbitraries.js";
export { arbitraryJsonData, arbitraryInstant, arbitraryLogEntry, arbitraryRecordedLog, arbitraryCommandSequence } from "./arbitraries.js";
export type { MakeStore, StoreUnderTestOptions, ConformanceContext } from "./store-conformance.js";
export { eventStoreConformance, conformanceCatalogue } from "./store-conformance.js";
export { metaAt, changes, everything, expectChainValid } from "./conformance-support.js";
