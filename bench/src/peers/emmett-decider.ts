import type { Command, Decider } from "@event-driven-io/emmett";
import { mutableCopy } from "@handover/core";
import type { Draft } from "immer";
import { benchDecider, type BenchCommand, type BenchEvent, type BenchFacts, type BenchState } from "../process/index.js";
import type { ScriptedCommand } from "../process/index.js";

/** A bench command as Emmett carries it: Emmett's decide has no facts argument, so the facts ride in the data. */
export type EmmettBenchCommand = Command<BenchCommand["type"], { readonly payload: BenchCommand["data"]; readonly facts: Readonly<Record<keyof BenchFacts, string>> }>;

/** Wraps a scripted command for Emmett (done before the clock starts). */
export function toEmmettCommand({ command, facts }: ScriptedCommand): EmmettBenchCommand {
  return { type: command.type, data: { payload: command.data, facts: { actor: facts.actor, at: facts.at } } };
}

/**
 * The same decider in Emmett's shape: `decide` throws on a refusal (Emmett's convention),
 * and `evolve` runs the same recipe on a plain deep copy of the state. The copy is the
 * cheaper of the two honest adapters (one immer `produce` per event costs more), so the
 * peer gets its faster form.
 */
export const emmettDecider: Decider<BenchState, EmmettBenchCommand, BenchEvent> = {
  decide: (command, state) => {
    const decision = benchDecider.decide({ type: command.type, data: command.data.payload } as BenchCommand, state, command.data.facts);
    if (decision._tag === "Left") throw new Error(decision.left.message);
    return [...decision.right];
  },
  evolve: (state, event) => {
    const next = mutableCopy(state) as Draft<BenchState>;
    benchDecider.evolve(next, event);
    return next as BenchState;
  },
  initialState: () => benchDecider.initialState,
};
