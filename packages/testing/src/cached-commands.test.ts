import { createInMemoryEventStore } from "@handover/core";
import { cachedCommandsProperty } from "./cached-commands-property.js";
import { ledgerCatalogue } from "./ledger-decider.js";

// In memory both writers share one store object: the second writer's appends are still invisible to the first writer's cache until it checks the version.
cachedCommandsProperty("aggregate cache over one in-memory store", async () => {
  const store = createInMemoryEventStore({ catalogue: ledgerCatalogue });
  return { first: store, second: store, close: async () => undefined };
});
