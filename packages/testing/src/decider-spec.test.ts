import { domainError, type Decider } from "@handover/core";
import { left, right } from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { deciderSpec } from "./decider-spec.js";

type CounterEvent = { readonly type: "counter.added"; readonly by: number };
type CounterCommand = { readonly type: "add"; readonly by: number } | { readonly type: "noop" };

/** A decider of the smallest kind: adds up to 10, refuses more, and does nothing on noop. */
const counter: Decider<CounterCommand, { total: number }, CounterEvent> = {
  initialState: { total: 0 },
  evolve: (draft, event) => {
    draft.total += event.by;
  },
  decide: (command, state) => {
    if (command.type === "noop") return right([]);
    if (state.total + command.by > 10) return left(domainError("too_big", `adding ${command.by} to ${state.total} passes 10`));
    return right([{ type: "counter.added", by: command.by }]);
  },
};
const spec = deciderSpec(counter);
const added = (by: number): CounterEvent => ({ type: "counter.added", by });

describe("deciderSpec", () => {
  it("folds the given events, and returns the state after the new ones or the refusal", () => {
    expect(spec.given([added(2), added(3)]).when({ type: "add", by: 4 }).then([added(4)])).toEqual({ total: 9 });
    expect(spec.given([added(9)]).when({ type: "add", by: 2 }).thenError("too_big", "passes 10")).toMatchObject({ code: "too_big", message: "adding 2 to 9 passes 10" });
    spec.given([]).when({ type: "noop" }).thenNothing();
  });

  it("fails with a sentence saying what happened instead", () => {
    expect(() => spec.given([added(9)]).when({ type: "add", by: 2 }).then([added(2)])).toThrow("expected 1 event(s), but the command was refused with too_big: adding 2 to 9 passes 10");
    expect(() => spec.given([]).when({ type: "add", by: 1 }).thenError("too_big")).toThrow("expected a refusal with too_big, but the command was accepted with [counter.added]");
    expect(() => spec.given([added(10)]).when({ type: "add", by: 1 }).thenNothing()).toThrow("expected no events, but the command was refused with too_big: adding 1 to 10 passes 10");
  });

  it("fails on the wrong events, the wrong code or a message without the text", () => {
    expect(() => spec.given([]).when({ type: "add", by: 1 }).then([added(2)])).toThrow();
    expect(() => spec.given([added(9)]).when({ type: "add", by: 2 }).thenError("over_limit")).toThrow("adding 2 to 9 passes 10");
    expect(() => spec.given([added(9)]).when({ type: "add", by: 2 }).thenError("too_big", "passes 20")).toThrow();
    expect(() => spec.given([]).when({ type: "add", by: 1 }).thenNothing()).toThrow();
  });
});
