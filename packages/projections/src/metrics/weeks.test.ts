import { expect, it } from "vitest";
import { endOfWeek, weekOf, weeksBetween, weeksIn } from "./weeks.js";

it("puts a time in the ISO week that starts on the Monday before it (UTC)", () => {
  expect(weekOf("2026-02-23T09:40:00.000Z")).toBe("2026-02-23"); // a Monday
  expect(weekOf("2026-03-01T23:59:59.999Z")).toBe("2026-02-23"); // the Sunday after
  expect(weekOf("2026-03-02T00:00:00.000Z")).toBe("2026-03-02");
  expect(weekOf("2025-12-31T12:00:00.000Z")).toBe("2025-12-29"); // across a year end
});

it("lists every week of a period, and ends a week on Sunday's last millisecond", () => {
  expect(weeksBetween("2026-02-25T00:00:00Z", "2026-03-10T00:00:00Z")).toEqual(["2026-02-23", "2026-03-02", "2026-03-09"]);
  expect(weeksBetween("2026-02-25T00:00:00Z", "2026-02-25T00:00:00Z")).toEqual(["2026-02-23"]);
  expect(endOfWeek("2026-02-23")).toBe("2026-03-01T23:59:59.999Z");
  expect(weeksIn("2026-03-02T00:00:00.000Z", "2026-03-15T23:59:59.999Z")).toBeCloseTo(2, 9);
});
