import { createReadStream } from "node:fs";
import { applyToFloor, createFloorState, type FloorEvent, type FloorState } from "./floor-state.js";

/**
 * The W3 floor's read: streams the JSONL file in 1 MiB chunks (as core's `readJsonl` does),
 * splits lines, `JSON.parse`s each and applies it to plain maps; no envelope check, no
 * async iteration per event. Returns the state and how many events it read.
 */
export async function replayIntoFloor(path: string): Promise<{ state: FloorState; count: number }> {
  const state = createFloorState();
  let count = 0;
  let rest = "";
  for await (const chunk of createReadStream(path, { encoding: "utf8", highWaterMark: 1 << 20 }) as AsyncIterable<string>) {
    const text = rest + chunk;
    let start = 0;
    let newline = text.indexOf("\n", start);
    while (newline !== -1) {
      applyToFloor(state, JSON.parse(text.slice(start, newline)) as FloorEvent);
      count++;
      start = newline + 1;
      newline = text.indexOf("\n", start);
    }
    rest = text.slice(start);
  }
  if (rest !== "") {
    applyToFloor(state, JSON.parse(rest) as FloorEvent);
    count++;
  }
  return { state, count };
}
