import { toJSONSchema, type z } from "zod";
import type { EventCatalogue } from "./catalogue.js";
import { sha256Hex } from "./hash-chain.js";

const fingerprints = new WeakMap<EventCatalogue, string | null>();

/** Anything zod builds (a schema, or a check inside one) carries its definition under `_zod.def`. */
type ZodThing = { readonly _zod: { readonly def: Readonly<Record<string, unknown>> } };
const isZodThing = (value: unknown): value is ZodThing => typeof value === "object" && value !== null && "_zod" in value && typeof (value as ZodThing)._zod?.def === "object";

/**
 * The source text of every function inside a schema's definitions (refinements, transforms,
 * custom checks), in the order met: what JSON Schema cannot say about what the schema accepts.
 */
function functionSources(root: ZodThing): string[] {
  const sources: string[] = [];
  const seen = new WeakSet<object>();
  const visit = (value: unknown, depth: number): void => {
    if (depth > 64) return;
    if (typeof value === "function") sources.push(String(value));
    else if (Array.isArray(value)) for (const item of value) visit(item, depth + 1);
    else if (isZodThing(value)) {
      if (seen.has(value)) return;
      seen.add(value);
      for (const member of Object.values(value._zod.def)) visit(member, depth + 1);
    } else if (typeof value === "object" && value !== null && Object.getPrototypeOf(value) === Object.prototype) {
      for (const member of Object.values(value)) visit(member, depth + 1);
    }
  };
  visit(root, 0);
  return sources;
}

/**
 * A digest of what a catalogue accepts: every event type with its schema version, its schema
 * as JSON Schema, and the source of every refinement or transform inside it. Two catalogues
 * with the same fingerprint accept the same data, so a store may trust rows checked under
 * one when reading with the other. Undefined when a schema cannot be described (a catalogue
 * that cannot be fingerprinted is never trusted: every read checks every row).
 */
export function catalogueFingerprint(catalogue: EventCatalogue): string | undefined {
  const known = fingerprints.get(catalogue);
  if (known !== undefined) return known ?? undefined;
  let fingerprint: string | null;
  try {
    const described = [...catalogue.definitions.values()]
      .map((definition) => {
        const schema = definition.schema as z.ZodType;
        const shape = toJSONSchema(schema, { io: "input", unrepresentable: "any" });
        return [definition.type, definition.schemaVersion, shape, isZodThing(schema) ? functionSources(schema) : null] as const;
      })
      .sort(([a], [b]) => (a < b ? -1 : 1));
    fingerprint = sha256Hex(JSON.stringify(described));
  } catch {
    fingerprint = null;
  }
  fingerprints.set(catalogue, fingerprint);
  return fingerprint ?? undefined;
}
