import fc from "fast-check";
import { isLeft, isRight, left, right, type Either } from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { normaliseMeta } from "./meta.js";
import { parseInstant, toUtcIso } from "./time.js";

describe("times", () => {
  it("normalises date-times with a zone to canonical UTC", () => {
    expect(toUtcIso("2026-03-12T10:30:00+01:00")).toEqual({ _tag: "Right", right: "2026-03-12T09:30:00.000Z" });
    expect(toUtcIso("2026-03-12T09:30Z")).toEqual({ _tag: "Right", right: "2026-03-12T09:30:00.000Z" });
  });

  it("refuses times without a zone and dates that do not exist", () => {
    expect(isLeft(toUtcIso("2026-03-12T09:30:00"))).toBe(true);
    expect(isLeft(toUtcIso("2026-02-30T09:30:00Z"))).toBe(true);
    expect(isLeft(toUtcIso(42))).toBe(true);
  });

  it("reads a bare date as the end of that day", () => {
    expect(parseInstant("2026-03-12")).toEqual({ _tag: "Right", right: "2026-03-12T23:59:59.999Z" });
    expect(isLeft(parseInstant("2026-13-01"))).toBe(true);
  });
});

/** The general normalisation alone (regex, Date.parse, toISOString), as toUtcIso was before its canonical fast path. */
function generalOnly(value: string): Either<string, string> {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?(Z|[+-]\d{2}:?\d{2})$/.exec(value);
  if (match === null) return left("no");
  const millis = Date.parse(value);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const probe = new Date(Date.UTC(year, month - 1, day));
  const exists = probe.getUTCFullYear() === year && probe.getUTCMonth() === month - 1 && probe.getUTCDate() === day;
  return Number.isNaN(millis) || !exists ? left("no") : right(new Date(millis).toISOString());
}

describe("canonical UTC fast path", () => {
  const digit = fc.integer({ min: 0, max: 9 }).map(String);
  const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, "0"));
  const nearCanonical = fc
    .tuple(fc.integer({ min: 0, max: 9999 }).map((n) => String(n).padStart(4, "0")), two(13), two(32), two(25), two(61), two(61), fc.tuple(digit, digit, digit))
    .map(([y, mo, d, h, mi, s, ms]) => `${y}-${mo}-${d}T${h}:${mi}:${s}.${ms.join("")}Z`);
  const mangled = fc.tuple(nearCanonical, fc.nat(23), fc.string({ minLength: 1, maxLength: 1 })).map(([text, at, char]) => text.slice(0, at) + char + text.slice(at + 1));

  it("accepts and refuses exactly what the general path does, returning the same time", () => {
    fc.assert(
      fc.property(fc.oneof(nearCanonical, mangled), (text) => {
        const ours = toUtcIso(text);
        const general = generalOnly(text);
        expect(ours._tag).toBe(general._tag);
        if (isRight(ours) && isRight(general)) expect(ours.right).toBe(general.right);
      }),
      { numRuns: 5000 },
    );
  });

  it("keeps leap days, refuses 29 February of common years and centuries", () => {
    expect(toUtcIso("2024-02-29T12:00:00.000Z")).toEqual({ _tag: "Right", right: "2024-02-29T12:00:00.000Z" });
    expect(isLeft(toUtcIso("2100-02-29T12:00:00.000Z"))).toBe(true);
    expect(toUtcIso("2000-02-29T00:00:00.000Z")).toEqual({ _tag: "Right", right: "2000-02-29T00:00:00.000Z" });
    expect(toUtcIso("2026-03-12T24:00:00.000Z")).toEqual({ _tag: "Right", right: "2026-03-13T00:00:00.000Z" });
  });
});

describe("event meta", () => {
  it("requires an actor and a business time", () => {
    expect(normaliseMeta({ occurredAt: "2026-03-12T09:30:00Z" })).toMatchObject({ left: { path: "meta.actor" } });
    expect(normaliseMeta({ actor: "u-1" })).toMatchObject({ left: { path: "meta.occurredAt" } });
  });

  it("refuses unknown fields rather than dropping them", () => {
    expect(normaliseMeta({ actor: "u-1", occurredAt: "2026-03-12T09:30:00Z", role: "cab" })).toMatchObject({ left: { path: "meta.role" } });
  });

  it("keeps the optional ids and normalises the time", () => {
    const meta = normaliseMeta({ actor: "u-1", occurredAt: "2026-03-12T10:30:00+01:00", commandId: "c-1" });
    expect(isRight(meta) && meta.right).toEqual({ actor: "u-1", occurredAt: "2026-03-12T09:30:00.000Z", commandId: "c-1" });
  });
});
