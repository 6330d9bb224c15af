import { isLeft, isRight } from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createEventCatalogue, defineEvent } from "./catalogue.js";

const impactV1 = defineEvent("incident.logged", z.object({ title: z.string(), severity: z.enum(["low", "high"]) }));
const impactV2 = defineEvent(
  "incident.logged",
  z.object({ title: z.string(), impact: z.union([z.literal(1), z.literal(2), z.literal(3)]) }),
  {
    schemaVersion: 2,
    upcast: { 1: (data) => { const old = data as { title: string; severity: string }; return { title: old.title, impact: old.severity === "high" ? 1 : 3 }; } },
  },
);

describe("event catalogue", () => {
  const catalogue = createEventCatalogue(impactV2);

  it("validates an event at its current version and returns the parsed data", () => {
    const result = catalogue.validate({ type: "incident.logged", data: { title: "down", impact: 1 } });
    expect(isRight(result) && result.right.data).toEqual({ title: "down", impact: 1 });
  });

  it("refuses data that fails the schema, naming the field path and the value", () => {
    const result = catalogue.validate({ type: "incident.logged", data: { title: "down", impact: "high" } });
    expect(isLeft(result) && result.left).toMatchObject({ code: "invalid_event_data", path: "data.impact" });
    expect(isLeft(result) && result.left.message).toMatch(/^incident\.logged: data\.impact: .*got "high"/);
  });

  it("refuses an unknown event type and lists the known ones of its namespace", () => {
    const result = catalogue.validate({ type: "incident.loged", data: {} });
    expect(isLeft(result) && result.left.code).toBe("unknown_event_type");
    expect(isLeft(result) && result.left.message).toContain("known incident events: incident.logged");
  });

  it("lifts an old schema version with its upcaster on read", () => {
    const result = catalogue.decode("incident.logged", { title: "down", severity: "high" }, 1);
    expect(isRight(result) && result.right).toEqual({ title: "down", impact: 1 });
  });

  it("refuses a schema version it does not know", () => {
    const result = catalogue.decode("incident.logged", { title: "down", impact: 1 }, 3);
    expect(isLeft(result) && result.left).toMatchObject({ code: "unknown_schema_version", path: "schemaVersion" });
  });

  it("refuses an upcast result that still fails the schema", () => {
    const result = catalogue.decode("incident.logged", { title: 7, severity: "high" }, 1);
    expect(isLeft(result) && result.left.path).toBe("data.title");
  });

  it("refuses definitions a programmer got wrong", () => {
    expect(() => defineEvent("logged", z.object({}))).toThrow("namespaced");
    expect(() => defineEvent("incident.logged", z.object({}), { schemaVersion: 2 })).toThrow("no upcaster from version 1");
    expect(() => createEventCatalogue(impactV1, impactV2)).toThrow("defined twice");
  });

  it("merges catalogues", () => {
    const other = createEventCatalogue(defineEvent("change.raised", z.object({})));
    const merged = createEventCatalogue(catalogue, other);
    expect([...merged.definitions.keys()]).toEqual(["incident.logged", "change.raised"]);
  });
});
