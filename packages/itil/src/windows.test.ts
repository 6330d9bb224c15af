import { describe, expect, it } from "vitest";
import { fitsMaintenanceWindows, instantInWindow, windowContains, windowsOverlap } from "./windows.js";

const w = (start: string, end: string) => ({ start: `2026-03-${start}Z`, end: `2026-03-${end}Z` });

describe("time windows", () => {
  it("overlap when they share an instant, not when one ends as the other starts", () => {
    expect(windowsOverlap(w("02T10:00:00", "02T12:00:00"), w("02T11:00:00", "02T13:00:00"))).toBe(true);
    expect(windowsOverlap(w("02T10:00:00", "02T12:00:00"), w("02T12:00:00", "02T13:00:00"))).toBe(false);
  });

  it("contain windows and instants", () => {
    expect(windowContains(w("02T00:00:00", "03T00:00:00"), w("02T10:00:00", "02T12:00:00"))).toBe(true);
    expect(windowContains(w("02T00:00:00", "03T00:00:00"), w("02T23:00:00", "03T01:00:00"))).toBe(false);
    expect(instantInWindow("2026-03-02T12:00:00Z", w("02T10:00:00", "02T12:00:00"))).toBe(true);
  });

  it("fit weekly maintenance windows, including ones that pass midnight", () => {
    const sundayNight = { days: [0], start: "22:00", end: "04:00" };
    // 2026-03-01 is a Sunday.
    expect(fitsMaintenanceWindows(w("01T23:00:00", "02T03:00:00"), [sundayNight])).toBe(true);
    expect(fitsMaintenanceWindows(w("01T21:00:00", "01T23:00:00"), [sundayNight])).toBe(false);
    expect(fitsMaintenanceWindows(w("02T23:00:00", "03T01:00:00"), [sundayNight])).toBe(false);
  });
});
