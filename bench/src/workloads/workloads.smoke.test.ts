import { describe, expect, it } from "vitest";
import { QUICK_SIZE, totalOf } from "../harness/size.js";
import { PeerUnavailableError } from "./peer-unavailable.js";
import { workloads } from "./registry.js";

const seed = 7;

describe("every workload at a tiny size (so the benchmarks do not rot)", () => {
  for (const workload of workloads) {
    it(`${workload.id}: every variant does the full work and ends on the same result`, async () => {
      const outcomes = [];
      for (const variant of workload.variants) {
        const trial = await variant.setup(QUICK_SIZE, seed).catch((error: unknown) => {
          // A peer this machine cannot run is skipped, unless CI asks for every peer (pnpm bench:smoke).
          if (error instanceof PeerUnavailableError && process.env["BENCH_REQUIRE_PEERS"] !== "1") return undefined;
          throw error;
        });
        if (trial === undefined) continue;
        const finished = await trial();
        outcomes.push({ variant: variant.id, operations: finished.operations, digest: await finished.summarise() });
      }
      expect(outcomes.map((outcome) => outcome.operations)).toEqual(outcomes.map(() => workload.operationsAt?.(QUICK_SIZE) ?? totalOf(QUICK_SIZE)));
      expect(outcomes.map((outcome) => outcome.variant)).toContain(workload.variants[0]?.id);
      const [subject, ...others] = outcomes;
      for (const other of others) expect(other.digest, `${other.variant} vs ${subject?.variant}`).toBe(subject?.digest);
    });
  }

  it("the command workloads append one event per command, and every incident ends closed", async () => {
    const w1 = workloads.find((workload) => workload.id === "w1");
    const handover = w1?.variants.find((variant) => variant.id === "handover");
    const finished = await (await handover?.setup(QUICK_SIZE, seed))?.();
    const digest = await finished?.summarise();
    expect(digest?.split(" ")[0]).toBe(String(totalOf(QUICK_SIZE)));
  });

  it("a different seed gives a different workload, the same seed the same one", async () => {
    const fold = workloads.find((workload) => workload.id === "fold");
    const floor = fold?.variants.find((variant) => variant.id === "floor");
    const digestAt = async (at: number): Promise<string | undefined> => (await (await floor?.setup(QUICK_SIZE, at))?.())?.summarise();
    expect(await digestAt(seed)).toBe(await digestAt(seed));
    expect(await digestAt(seed)).not.toBe(await digestAt(seed + 1));
  });
});
