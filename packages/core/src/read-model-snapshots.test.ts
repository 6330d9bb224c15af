import { readModelSnapshotConformance } from "@handover/testing";
import { createInMemoryReadModelSnapshotStore } from "./read-model-snapshots.js";

readModelSnapshotConformance("in-memory read-model snapshot store", async () => ({ store: createInMemoryReadModelSnapshotStore(), close: async () => undefined }));
