import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ProductionReleases } from "./production-releases.js";

/** The latest release in production as the check once found it: every release in production read, the greatest position kept. */
function latestByScan(inProduction: ReadonlyMap<string, number>): { releaseId: string; position: number } | undefined {
  let latest: { releaseId: string; position: number } | undefined;
  for (const [releaseId, position] of inProduction) if (latest === undefined || position > latest.position) latest = { releaseId, position };
  return latest;
}

describe("ProductionReleases", () => {
  it("given REL-1 then REL-2 deployed, when REL-2 is rolled back, then REL-1 is the latest in production again", () => {
    const releases = new ProductionReleases();
    releases.add("REL-1", 10);
    releases.add("REL-2", 20);
    expect(releases.latest()).toEqual({ releaseId: "REL-2", position: 20 });
    releases.delete("REL-2");
    expect(releases.latest()).toEqual({ releaseId: "REL-1", position: 10 });
    releases.delete("REL-1");
    expect(releases.latest()).toBeUndefined();
    expect(releases.size).toBe(0);
  });

  it("answers the release a scan of every release in production finds, after any deployments and roll-backs in log order", () => {
    const step = fc.record({ deploy: fc.boolean(), release: fc.integer({ min: 1, max: 8 }) });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 200 }), (steps) => {
        const releases = new ProductionReleases();
        const model = new Map<string, number>();
        steps.forEach(({ deploy, release }, index) => {
          const releaseId = `REL-${release}`;
          if (deploy) {
            releases.add(releaseId, index + 1);
            if (!model.has(releaseId)) model.set(releaseId, index + 1);
          } else {
            releases.delete(releaseId);
            model.delete(releaseId);
          }
          expect(releases.latest()).toEqual(latestByScan(model));
          expect(releases.has(releaseId)).toBe(model.has(releaseId));
        });
        expect([...releases.entries()]).toEqual([...model.entries()]);
      }),
    );
  });
});
