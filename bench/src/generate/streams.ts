import { mutableCopy, type EventMeta } from "@handover/core";
import type { Draft } from "immer";
import { benchDecider, benchScript, streamIdOf, type BenchEvent, type BenchState, type ScriptedCommand } from "../process/index.js";
import type { Size } from "../harness/size.js";
import { seededRandom } from "./random.js";

/** One stream's scripted commands, in order. */
export interface StreamScript {
  readonly streamId: string;
  readonly commands: readonly ScriptedCommand[];
}

/** An event as a command produced it, with the meta it is appended with. */
export interface ScriptedEvent {
  readonly event: BenchEvent;
  readonly meta: EventMeta;
}

/** One stream's events, in order. */
export interface StreamEvents {
  readonly streamId: string;
  readonly events: readonly ScriptedEvent[];
}

const FIRST_INCIDENT_MILLIS = Date.parse("2026-01-05T08:00:00.000Z");

/** The commands of every stream; stream `i` depends only on the seed and `i`, so a smaller size is a prefix. */
export function generateScripts(size: Size, seed: number): StreamScript[] {
  const scripts: StreamScript[] = [];
  for (let index = 0; index < size.streams; index++) {
    const incidentId = `INC-${String(index + 1).padStart(6, "0")}`;
    const random = seededRandom(seed * 1_000_003 + index);
    const commands = benchScript(random, incidentId, size.perStream, FIRST_INCIDENT_MILLIS + index * 420_000);
    scripts.push({ streamId: streamIdOf(incidentId), commands });
  }
  return scripts;
}

/** The meta a scripted command's events are appended with: its actor, its time and a command id. */
export function metaOf(scripted: ScriptedCommand, streamId: string, index: number): EventMeta {
  return { actor: scripted.facts.actor, occurredAt: scripted.facts.at, commandId: `${streamId}/${index + 1}` };
}

/** The events of every stream, made by running the decider over the scripts (plain mutable state, untimed). */
export function generateEvents(size: Size, seed: number): StreamEvents[] {
  return generateScripts(size, seed).map(({ streamId, commands }) => {
    const state = mutableCopy(benchDecider.initialState) as Draft<BenchState>;
    const events: ScriptedEvent[] = [];
    commands.forEach((scripted, index) => {
      const decision = benchDecider.decide(scripted.command, state as BenchState, scripted.facts);
      if (decision._tag === "Left") throw new Error(`generateEvents: ${decision.left.message}`);
      for (const event of decision.right) {
        benchDecider.evolve(state, event);
        events.push({ event, meta: metaOf(scripted, streamId, index) });
      }
    });
    return { streamId, events };
  });
}
