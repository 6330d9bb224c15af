import { sequentialIds, steppingClock, type Clock, type EventMeta, type IdGenerator } from "@handover/core";
import { generateEvents } from "../generate/streams.js";
import type { Size } from "../harness/size.js";
import type { BenchEvent } from "../process/index.js";

/** One event to append: its stream, the version it will have there, the event and its meta. */
export interface AppendEntry {
  readonly streamId: string;
  readonly version: number;
  readonly event: BenchEvent;
  readonly meta: EventMeta;
}

/** The events of every stream in log order: round robin, so streams grow side by side as in a real log. */
export function appendEntries(size: Size, seed: number): AppendEntry[] {
  const streams = generateEvents(size, seed);
  const entries: AppendEntry[] = [];
  for (let step = 0; step < size.perStream; step++) {
    for (const stream of streams) {
      const scripted = stream.events[step];
      if (scripted !== undefined) entries.push({ streamId: stream.streamId, version: step + 1, event: scripted.event, meta: scripted.meta });
    }
  }
  return entries;
}

/** The clock and ids both sides of the append benchmark use, so their hash chains must match. */
export function appendClockAndIds(): { readonly clock: Clock; readonly ids: IdGenerator } {
  return { clock: steppingClock("2026-03-01T00:00:00.000Z", 1), ids: sequentialIds("evt") };
}
