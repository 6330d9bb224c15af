import { createInMemoryEventStore, toArray } from "@handover/core";
import { isLeft } from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { createHandover } from "./create-handover.js";

const meta = { actor: "ana", occurredAt: "2026-03-02T09:00:00Z" };
const badIncident = { type: "incident.logged", data: { incidentId: "INC1", at: "2026-03-02T09:00:00Z", by: "ana", impact: "high" } };
const goodStart = { type: "project.started", data: { projectId: "crm", at: "2026-03-02T09:00:00Z", by: "ana", name: "CRM", manager: "ana", policy: {} } };

describe("every store Handover appends to checks events against the catalogue", () => {
  it("refuses, through a store given without a catalogue, an event that does not parse, with its batch, naming the field", async () => {
    const given = createInMemoryEventStore();
    const handover = createHandover({ store: given });
    const refused = await handover.store.appendToStream("incident-INC1", [badIncident], { expectedVersion: 0, meta });
    expect(isLeft(refused) && refused.left).toMatchObject({ code: "invalid_event", index: 0, eventType: "incident.logged" });
    const batch = await handover.store.appendToStream("project-crm", [goodStart, badIncident], { expectedVersion: 0, meta });
    expect(isLeft(batch) && batch.left).toMatchObject({ code: "invalid_event", index: 1 });
    expect(await toArray(given.readAll())).toEqual([]);
    expect((await handover.store.head()).position).toBe(0);
  });

  it("refuses it in the default store too, and appends what parses", async () => {
    const handover = createHandover();
    expect(isLeft(await handover.store.appendToStream("incident-INC1", [badIncident], { expectedVersion: 0, meta }))).toBe(true);
    const accepted = await handover.store.appendToStream("project-crm", [goodStart], { expectedVersion: 0, meta });
    expect(accepted._tag).toBe("Right");
    expect((await handover.view()).aggregate("project-crm")?.version).toBe(1);
  });
});
