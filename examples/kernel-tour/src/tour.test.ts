import { describe, expect, it } from "vitest";
import { runTour } from "./tour.js";

describe("kernel tour", () => {
  it("refuses self-approval, writes a verifying log and catches tampering at its position", async () => {
    const report = await runTour();
    expect(report.lines[1]).toContain("refused (self_approval");
    expect(report.events).toBe(4);
    expect(report.headHash).toMatch(/^[0-9a-f]{64}$/);
    expect(report.tamperedAt).toBe(2);
  });
});
