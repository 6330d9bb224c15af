import type { RecordedEvent } from "@handover/core";
import { judgeEvent, type Breach } from "@handover/itil";
import { aggregateIdOf, wiringOfType, type ProcessName } from "../event-kinds.js";
import type { AnyWiring } from "../processes/wiring.js";
import type { ReadinessState } from "../readiness/state.js";
import { contextOf } from "./context.js";

/** The actor and business time of an event: its data's `by` and `at`, as every process event carries them (the meta's for anything else). */
export function whoAndWhen(event: { readonly data: unknown; readonly meta?: { readonly actor: string; readonly occurredAt: string } }): { readonly by: string; readonly at: string } {
  const data = event.data as { readonly by?: unknown; readonly at?: unknown } | null;
  const by = typeof data?.by === "string" ? data.by : (event.meta?.actor ?? "");
  const at = typeof data?.at === "string" ? data.at : (event.meta?.occurredAt ?? "");
  return { by, at };
}

/**
 * The rules one event of the log breaks, judged as a decision judged it: its process's
 * rules, on its aggregate's state just before it, with the facts the model gives for it as
 * the log stood (call before applying the event). Types no process defines break none.
 */
export function judgeLogEvent(model: ReadinessState, event: RecordedEvent, wiring: AnyWiring | undefined = wiringOfType(event.type)): Breach[] {
  if (wiring === undefined) return [];
  const state = model.history.aggregate(wiring.descriptor.name as ProcessName, aggregateIdOf(wiring, event))?.state ?? wiring.descriptor.decider.initialState;
  const { by, at } = whoAndWhen(event);
  return judgeEvent(wiring.descriptor.rules, state, event, wiring.ruleFacts(model, event, state, contextOf(model.history, by, at)));
}
