import { describe, expect, it } from "vitest";
import { QUICK_SIZE, totalOf } from "./size.js";
import { spawnTrial } from "./spawn-trial.js";

describe("a trial in a fresh process", () => {
  it("runs the warm-up and the timed trial in a child and reports its measurement", async () => {
    const reply = await spawnTrial({ workload: "fold", variant: "floor", size: QUICK_SIZE, warmUp: QUICK_SIZE, seed: 7, profileTo: null });
    if (!reply.ok) throw new Error(reply.error);
    expect(reply.measurement.operations).toBe(totalOf(QUICK_SIZE));
    expect(reply.measurement.perSecond).toBeGreaterThan(0);
    expect(reply.measurement.peakRssMb).toBeGreaterThan(0);
  }, 60_000);

  it("runs the trial process with the variant's own Node options", async () => {
    const limited = await spawnTrial({ workload: "fold", variant: "floor", size: QUICK_SIZE, warmUp: null, seed: 7, profileTo: null, nodeOptions: ["--max-old-space-size=1024"] });
    if (!limited.ok) throw new Error(limited.error);
    // An option Node does not know stops the child before it replies: the options reach its command line.
    const refused = await spawnTrial({ workload: "fold", variant: "floor", size: QUICK_SIZE, warmUp: null, seed: 7, profileTo: null, nodeOptions: ["--no-such-node-option"] });
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.error).toMatch(/--no-such-node-option/);
  }, 60_000);

  it("reports an unknown variant as a failure, not a hang", async () => {
    const reply = await spawnTrial({ workload: "fold", variant: "nope", size: QUICK_SIZE, warmUp: null, seed: 7, profileTo: null });
    expect(reply.ok).toBe(false);
  }, 60_000);
});
