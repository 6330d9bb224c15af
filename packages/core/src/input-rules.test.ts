import { arbitrarySafeJson, bareObjectWithBigInt, cyclicObject, nestedArrays } from "@handover/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json.js";
import { describeValue } from "./describe-value.js";
import { identifierProblem, INPUT_LIMITS, isStorableText, MAX_ID_LENGTH } from "./input-rules.js";
import { jsonValueProblem } from "./json-value-rule.js";
import { describeZodError } from "./zod-messages.js";
import { z } from "zod";

describe("the id rule", () => {
  it("accepts ids people and systems use: ASCII, accents, CJK, emoji, spaces and backslashes inside", () => {
    for (const id of ["u-104", "crm-db", "José Ñúñez", "山田", "cmd é 😀", "a\\b c", "x".repeat(MAX_ID_LENGTH)]) expect(identifierProblem(id, "meta.actor")).toBeUndefined();
  });

  it.each([
    ["an empty string", "", 'meta.actor: expected an id (a non-empty string), got ""'],
    ["spaces", "   ", 'meta.actor: "   " is blank: an id needs a visible character'],
    ["a zero-width space", "\u200b", "meta.actor: holds U+200B (a control, format or separator character) at character 1; an id is visible text"],
    ["a Hangul filler", "\u3164", 'meta.actor: "\u3164" is blank: an id needs a visible character'],
    ["a NUL", "ana\u0000", "meta.actor: holds U+0000 (a control, format or separator character) at character 4; an id is visible text"],
    ["a tab", "a\tb", "meta.actor: holds U+0009 (a control, format or separator character) at character 2; an id is visible text"],
    ["an escape", "\u001b[2J", "meta.actor: holds U+001B (a control, format or separator character) at character 1; an id is visible text"],
    ["a C1 control", "a\u009bb", "meta.actor: holds U+009B (a control, format or separator character) at character 2; an id is visible text"],
    ["a bidirectional override", "eve\u202e", "meta.actor: holds U+202E (a control, format or separator character) at character 4; an id is visible text"],
    ["a line separator", "a\u2028b", "meta.actor: holds U+2028 (a control, format or separator character) at character 2; an id is visible text"],
    ["a lone high surrogate", "x\ud800", "meta.actor: holds a lone surrogate (U+D800) at character 2: not well-formed Unicode, which no store can keep as given"],
    ["a lone low surrogate", "\udc00x", "meta.actor: holds a lone surrogate (U+DC00) at character 1: not well-formed Unicode, which no store can keep as given"],
    ["257 characters", "x".repeat(257), "meta.actor: an id of 257 characters, longer than the 256 an id may take"],
    ["a number", 42, "meta.actor: expected an id (a non-empty string), got 42"],
    ["an object", {}, "meta.actor: expected an id (a non-empty string), got {}"],
  ])("refuses %s, naming the field and the character", (_, value, message) => {
    expect(identifierProblem(value, "meta.actor")).toEqual({ path: "meta.actor", message });
  });

  it("calls text storable only when every store keeps it exactly: well-formed, no NUL", () => {
    expect(isStorableText("a\tb é 😀")).toBe(true);
    for (const value of ["x\ud800", "x\u0000", {}, 42, undefined]) expect(isStorableText(value)).toBe(false);
  });
});

describe("the JSON value rule", () => {
  it.each([
    ["a lone surrogate", { name: "x\ud800" }, "data.name"],
    ["a lone surrogate in a key", { list: [{ ["\udbff"]: 1 }] }, 'data.list[0]["\\udbff"]'],
    ["nesting 2,000 deep", { value: nestedArrays(2000) }, `data.value${"[0]".repeat(63)}`],
    ["a BigInt in an object without prototype", { value: bareObjectWithBigInt() }, "data.value.amount"],
    ["a cycle", cyclicObject(), "data.self"],
    ["an unsafe integer", { size: 2 ** 53 }, "data.size"],
    ["Infinity", { size: Number.POSITIVE_INFINITY }, "data.size"],
    ["a Map", { map: new Map() }, "data.map"],
    ["a function", { call: () => 1 }, "data.call"],
    ["a symbol", { mark: Symbol("x") }, "data.mark"],
    ["undefined in a list", [undefined], "data[0]"],
    ["a hole in a list", [1, , 3], "data[1]"], // eslint-disable-line no-sparse-arrays -- the hole is the point
    ["more than 1 MiB", { text: "x".repeat(INPUT_LIMITS.eventBytes) }, "data.text"],
  ])("refuses %s, naming where", (_, value, path) => {
    const problem = jsonValueProblem(value, "data");
    expect(problem?.path).toBe(path);
    expect(problem?.message.startsWith(`${path}: `)).toBe(true);
  });

  it("refuses a getter that throws, and a revoked proxy, without throwing, naming the member that could not be read", () => {
    const getter = Object.defineProperty({}, "x", { enumerable: true, get: () => { throw new Error("no"); } });
    expect(jsonValueProblem(getter, "data")).toEqual({ path: "data.x", message: "data.x: could not be read (no)" });
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(jsonValueProblem({ proxy }, "data")?.path).toBe("data.proxy");
  });

  it("accepts undefined members (JSON leaves them out) and objects without prototype", () => {
    const bare = Object.create(null) as Record<string, unknown>;
    bare.name = "ok";
    expect(jsonValueProblem({ note: undefined, bare, nested: nestedArrays(62) }, "data")).toBeUndefined();
  });

  it("passes exactly what canonical JSON writes and reads back the same, for any JSON value", () => {
    fc.assert(
      fc.property(arbitrarySafeJson, fc.string({ unit: "grapheme" }), (value, text) => {
        const data = { value, text };
        expect(jsonValueProblem(data, "data")).toBeUndefined();
        const written = canonicalJson(data);
        expect(canonicalJson(JSON.parse(written))).toBe(written);
      }),
    );
  });

  it("never throws, whatever it is given, and a value it passes always has a canonical form", () => {
    fc.assert(
      fc.property(fc.anything({ withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withSparseArray: true, withTypedArray: true, withObjectString: true, withUnicodeString: true }), (value) => {
        const problem = jsonValueProblem(value, "data");
        if (problem === undefined) expect(() => canonicalJson(value)).not.toThrow();
        else expect(problem.message.startsWith(problem.path)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});

describe("describeValue (what error messages show)", () => {
  it("shows anything without throwing: an object without prototype holding a BigInt, a cycle, a revoked proxy", () => {
    expect(describeValue(bareObjectWithBigInt())).toBe("an object with no prototype that JSON cannot write");
    expect(describeValue(cyclicObject())).toBe("an object that JSON cannot write");
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(describeValue(proxy)).toBe("a value that cannot be read");
    expect(describeValue(10n)).toBe("a bigint (10n)");
    expect(describeValue(Number.NaN)).toBe("NaN");
    expect(describeValue("x".repeat(100))).toHaveLength(60);
  });

  it("lets zod's errors name such values instead of throwing", () => {
    const parsed = z.object({ name: z.string() }).safeParse({ name: bareObjectWithBigInt() }, { reportInput: true });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(describeZodError(parsed.error, "command").message).toContain("command.name: ");
  });

  it("never throws, for any value", () => {
    fc.assert(fc.property(fc.anything({ withBigInt: true, withNullPrototype: true, withMap: true, withDate: true }), (value) => {
      expect(typeof describeValue(value)).toBe("string");
    }));
  });
});
