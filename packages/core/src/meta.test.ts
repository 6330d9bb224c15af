import { describe, expect, it } from "vitest";
import { normaliseMeta } from "./meta.js";

describe("normaliseMeta", () => {
  it("answers meta in canonical form, frozen, with its breaches frozen", () => {
    const given = { actor: "ana", occurredAt: "2026-03-12T10:30:00+01:00", commandId: "cmd-1", recordedBreaches: [{ rule: "cab_approval", message: "no CAB" }] };
    const normalised = normaliseMeta(given);
    expect(normalised).toEqual({ _tag: "Right", right: { actor: "ana", occurredAt: "2026-03-12T09:30:00.000Z", commandId: "cmd-1", recordedBreaches: [{ rule: "cab_approval", message: "no CAB" }] } });
    if (normalised._tag === "Left") return;
    expect(Object.isFrozen(normalised.right)).toBe(true);
    expect(Object.isFrozen(normalised.right.recordedBreaches)).toBe(true);
    expect(Object.isFrozen(normalised.right.recordedBreaches?.[0])).toBe(true);
    expect(given.recordedBreaches[0]).not.toBe(normalised.right.recordedBreaches?.[0]);
  });

  it("answers its own answer as it is, and checks any other object afresh", () => {
    const first = normaliseMeta({ actor: "ana", occurredAt: "2026-03-12T09:30:00Z" });
    if (first._tag === "Left") throw new Error(first.left.message);
    const again = normaliseMeta(first.right);
    expect(again._tag === "Right" && again.right).toBe(first.right);
    const copy = { ...first.right, actor: "" };
    expect(normaliseMeta(copy)).toMatchObject({ _tag: "Left", left: { path: "meta.actor" } });
  });
});
