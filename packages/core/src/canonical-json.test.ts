import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson, canonicalJsonOfParsed, MAX_JSON_DEPTH } from "./canonical-json.js";
import { canonicalEnvelope } from "./hash-chain.js";
import { arbitraryRecordedLog, arbitrarySafeJson } from "@handover/testing";

/** A reference canonicaliser: slow and obviously right (object key order in JS would reorder integer-like keys). */
function reference(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(reference).join(",")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).filter(([, member]) => member !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${reference(member)}`).join(",")}}`;
  }
  return JSON.stringify(value);
}

/** The first canonicaliser (a path string per value, `sort()` for keys), kept to prove the fast one writes and refuses exactly the same. */
function previous(value: unknown): string {
  const writeValue = (item: unknown, path: string): string | undefined => {
    switch (typeof item) {
      case "string":
        return JSON.stringify(item);
      case "number":
        if (!Number.isFinite(item)) throw new TypeError(`canonicalJson: ${path} is ${item}, not a JSON number`);
        return Object.is(item, -0) ? "0" : String(item);
      case "boolean":
        return item ? "true" : "false";
      case "undefined":
        return undefined;
      case "object": {
        if (item === null) return "null";
        const withJson = item as { toJSON?: () => unknown };
        if (typeof withJson.toJSON === "function") return writeValue(withJson.toJSON(), path) ?? "null";
        if (Array.isArray(item)) return `[${item.map((member, index) => writeValue(member, `${path}[${index}]`) ?? "null").join(",")}]`;
        const record = item as Record<string, unknown>;
        const members = Object.keys(record)
          .sort()
          .flatMap((key) => {
            const member = writeValue(record[key], `${path}.${key}`);
            return member === undefined ? [] : [`${JSON.stringify(key)}:${member}`];
          });
        return `{${members.join(",")}}`;
      }
      default:
        throw new TypeError(`canonicalJson: ${path} is a ${typeof item}, not a JSON value`);
    }
  };
  const text = writeValue(value, "$");
  if (text === undefined) throw new TypeError("canonicalJson: the value at $ is not JSON (undefined)");
  return text;
}

const outcome = (write: (value: unknown) => string, value: unknown): string => {
  try {
    return `ok ${write(value)}`;
  } catch (error) {
    // The refusals became a TypeError subclass naming the problem; the message is what must not change.
    return `throws ${error instanceof TypeError ? `TypeError: ${error.message}` : error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`;
  }
};

/** Whether a value holds an integer the first canonicaliser wrote and this one refuses (beyond ±(2^53 − 1)). */
function holdsUnsafeInteger(value: unknown, seen = new Set<unknown>()): boolean {
  if (typeof value === "number") return Number.isInteger(value) && !Number.isSafeInteger(value);
  if (value === null || typeof value !== "object" || seen.has(value)) return false;
  seen.add(value);
  return Object.values(value).some((member) => holdsUnsafeInteger(member, seen));
}

describe("canonicalJson", () => {
  it("writes, and refuses with the same message, exactly what the first canonicaliser did, for any value", () => {
    const wide = fc.dictionary(fc.string({ maxLength: 4 }), fc.oneof(fc.integer(), fc.string(), fc.constant(undefined)), { minKeys: 10, maxKeys: 40 });
    const odd = fc.oneof(fc.constant(Number.NaN), fc.constant(-0), fc.constant(() => 1), fc.constant(10n), fc.constant(new Date(0)), fc.constant({ toJSON: () => undefined }));
    const anyText = fc.oneof(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), fc.string({ unit: fc.constantFrom("\"", "\\", "\n", "\u0000", "\u001f", "\u007f", "\u2028", "\ud800", "\udc00", "a") }));
    const texts = fc.dictionary(anyText, anyText, { maxKeys: 5 });
    const values = fc.oneof(fc.anything(), wide, texts, fc.array(fc.oneof(wide, odd, anyText, arbitrarySafeJson), { maxLength: 5 }), fc.dictionary(fc.string(), odd)).filter((value) => !holdsUnsafeInteger(value));
    fc.assert(
      fc.property(values, (value) => {
        expect(outcome(canonicalJson, value)).toBe(outcome(previous, value));
      }),
      { numRuns: 2000 },
    );
  });

  it("sorts keys at every depth and writes no whitespace", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: "x" } })).toBe('{"a":{"c":"x","d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it("leaves out undefined members and writes undefined array items as null", () => {
    expect(canonicalJson({ a: undefined, b: [undefined, 1] })).toBe('{"b":[null,1]}');
  });

  it("sorts by UTF-16 code units and escapes strings as JSON does", () => {
    expect(canonicalJson({ "é": 1, z: 2, A: 3, "\u2028": "line\nbreak" })).toBe('{"A":3,"z":2,"é":1,"\u2028":"line\\nbreak"}');
  });

  it("writes -0 as 0 and refuses non-finite numbers with the path", () => {
    expect(canonicalJson({ n: -0 })).toBe('{"n":0}');
    expect(() => canonicalJson({ a: [1, Number.NaN] })).toThrow("$.a[1] is NaN");
    expect(() => canonicalJson({ f: () => 1 })).toThrow("$.f is a function");
  });

  it("equals a plain sorted-key writer for any JSON value, and parses back to the same value", () => {
    fc.assert(
      fc.property(arbitrarySafeJson, (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
        // -0 is written as 0, as JSON.stringify writes it, so compare with what JSON itself round-trips.
        expect(JSON.parse(canonicalJson(value))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it("writes an envelope with odd field values exactly as JSON.stringify-based writing did", () => {
    const field = fc.oneof(fc.string({ unit: "binary" }), fc.integer(), fc.constant(undefined), fc.constant(null), fc.boolean());
    fc.assert(
      fc.property(fc.record({ eventId: field, prevHash: field, recordedAt: field, streamId: field, type: field }), (fields) => {
        const event = { ...fields, data: {}, meta: {}, position: 1, schemaVersion: 1, version: 1 } as unknown as Parameters<typeof canonicalEnvelope>[0];
        const expected =
          `{"data":{},"eventId":${JSON.stringify(fields.eventId)},"meta":{},"position":1,"prevHash":${JSON.stringify(fields.prevHash)}` +
          `,"recordedAt":${JSON.stringify(fields.recordedAt)},"schemaVersion":1,"streamId":${JSON.stringify(fields.streamId)}` +
          `,"type":${JSON.stringify(fields.type)},"version":1}`;
        expect(canonicalEnvelope(event)).toBe(expected);
      }),
    );
  });

  it("writes the envelope exactly as the general canonicaliser would", () => {
    fc.assert(
      fc.property(arbitraryRecordedLog({ maxLength: 10 }), (log) => {
        for (const event of log) {
          const { hash: _hash, ...withoutHash } = event;
          expect(canonicalEnvelope(event)).toBe(canonicalJson(withoutHash));
        }
      }),
    );
  });
});

describe("canonicalJsonOfParsed", () => {
  /** Parsed JSON as a log line gives it: integer-like keys, keys already in order or not, -0, exponents, unsafe integers, any text. */
  const parsedJson = fc
    .oneof(
      fc.json({ depthSize: "medium" }),
      fc.jsonValue().map((value) => JSON.stringify(value)),
      fc.dictionary(fc.oneof(fc.constantFrom("1", "10", "2", "01", "-1", "a", "B", "\u00e9", "4294967295", "4294967294"), fc.string()), fc.oneof(fc.integer(), fc.constantFrom("-0", "1e21", "9007199254740993", "1.5e-7", "[]", "{}")), { maxKeys: 8 }).map((record) => `{${Object.entries(record).map(([key, member]) => `${JSON.stringify(key)}:${member}`).join(",")}}`),
    )
    .map((text) => JSON.parse(text) as unknown);

  it("gives exactly what canonicalJson gives, or refuses with the same error, for any parsed value", () => {
    fc.assert(
      fc.property(parsedJson, (value) => {
        expect(outcome(canonicalJsonOfParsed, value)).toBe(outcome(canonicalJson, value));
      }),
      { numRuns: 3000 },
    );
  });

  it("sorts integer-like keys by code units, which object order does not, and refuses what canonicalJson refuses", () => {
    expect(canonicalJsonOfParsed(JSON.parse('{"2":0,"10":1,"1":2}'))).toBe('{"1":2,"10":1,"2":0}');
    expect(canonicalJsonOfParsed(JSON.parse('{"b":-0,"a":1.0}'))).toBe('{"a":1,"b":0}');
    expect(() => canonicalJsonOfParsed(JSON.parse('{"a":9007199254740993}'))).toThrow(/beyond the safe integer range/);
    const deep = JSON.parse(`${"[".repeat(MAX_JSON_DEPTH + 1)}${"]".repeat(MAX_JSON_DEPTH + 1)}`) as unknown;
    expect(() => canonicalJsonOfParsed(deep)).toThrow(/nested deeper than 64 levels/);
  });
});
