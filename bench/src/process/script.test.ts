import { fold } from "@handover/core";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../generate/random.js";
import { benchDecider, benchScript, MIN_SCRIPT_LENGTH, type BenchEvent } from "./index.js";

function play(seed: number, length: number): { events: BenchEvent[]; refusals: string[] } {
  const events: BenchEvent[] = [];
  const refusals: string[] = [];
  for (const { command, facts } of benchScript(seededRandom(seed), `INC-${seed}`, length, Date.parse("2026-01-05T08:00:00Z"))) {
    const decision = benchDecider.decide(command, fold(benchDecider, events), facts);
    if (decision._tag === "Left") refusals.push(decision.left.message);
    else events.push(...decision.right);
  }
  return { events, refusals };
}

describe("incident scripts", () => {
  it("are accepted command by command, yield one event each and end closed, whatever the seed and length", () => {
    for (let seed = 1; seed <= 60; seed++) {
      const length = MIN_SCRIPT_LENGTH + (seed % 7) * 17;
      const { events, refusals } = play(seed, length);
      expect(refusals).toEqual([]);
      expect(events).toHaveLength(length);
      expect(fold(benchDecider, events).status).toBe("closed");
    }
  });

  it("mix notes, holds, reassignments and reopenings over a long life", () => {
    const types = new Set(play(3, 100).events.map((event) => event.type));
    expect(types).toContain("incident.work_noted");
    expect(types).toContain("incident.put_on_hold");
    expect(types).toContain("incident.resumed");
    expect(types.size).toBeGreaterThanOrEqual(8);
  });

  it("are the same for the same seed", () => {
    expect(play(11, 40).events).toEqual(play(11, 40).events);
  });

  it("refuse a length too short to reach closed", () => {
    expect(() => benchScript(seededRandom(1), "INC-1", MIN_SCRIPT_LENGTH - 1, 0)).toThrow(/at least/);
  });
});
