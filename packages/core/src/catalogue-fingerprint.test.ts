import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createEventCatalogue, defineEvent } from "./catalogue.js";
import { catalogueFingerprint } from "./catalogue-fingerprint.js";

const created = (max: number) => defineEvent("thing.created", z.object({ size: z.number().int().max(max) }));

describe("catalogueFingerprint", () => {
  it("is the same for catalogues that accept the same data, whatever the order of their definitions", () => {
    const changed = defineEvent("thing.changed", z.object({ size: z.number() }));
    expect(catalogueFingerprint(createEventCatalogue(created(3), changed))).toBe(catalogueFingerprint(createEventCatalogue(changed, created(3))));
  });

  it("differs when a schema, a schema version or the set of types differs", () => {
    const base = catalogueFingerprint(createEventCatalogue(created(3)));
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(catalogueFingerprint(createEventCatalogue(created(4)))).not.toBe(base);
    expect(catalogueFingerprint(createEventCatalogue(defineEvent("thing.created", z.object({ size: z.number().int().max(3) }), { schemaVersion: 2, upcast: { 1: (data) => data } })))).not.toBe(base);
    expect(catalogueFingerprint(createEventCatalogue(created(3), defineEvent("thing.gone", z.object({}))))).not.toBe(base);
  });

  it("tells apart schemas that differ only in a refinement or a transform, which JSON Schema does not say", () => {
    const plain = defineEvent("thing.created", z.object({ size: z.number() }));
    const even = defineEvent("thing.created", z.object({ size: z.number() }).refine((data) => data.size % 2 === 0));
    const odd = defineEvent("thing.created", z.object({ size: z.number() }).refine((data) => data.size % 2 === 1));
    const fingerprints = [plain, even, odd].map((definition) => catalogueFingerprint(createEventCatalogue(definition)));
    expect(new Set(fingerprints).size).toBe(3);
    const transformed = (by: number) => defineEvent("thing.created", z.object({ size: z.string().transform((text) => text.length * by) }));
    expect(catalogueFingerprint(createEventCatalogue(transformed(1)))).not.toBe(catalogueFingerprint(createEventCatalogue(plain)));
  });
});
