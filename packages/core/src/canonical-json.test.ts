import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json.js";
import { canonicalEnvelope } from "./hash-chain.js";
import { arbitraryRecordedLog } from "@handover/testing";

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

describe("canonicalJson", () => {
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
      fc.property(fc.jsonValue(), (value) => {
        expect(canonicalJson(value)).toBe(reference(value));
        expect(JSON.parse(canonicalJson(value))).toEqual(value);
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
