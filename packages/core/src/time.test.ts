import { isLeft, isRight } from "fp-ts/lib/Either.js";
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
