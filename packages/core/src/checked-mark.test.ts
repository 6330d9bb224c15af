import { describe, expect, it } from "vitest";
import { checkedMarkExtension } from "./checked-mark.js";

/** A page of rows from `first` to `last`, positions as a driver may hand them (strings). */
function page(first: number, last: number): { position: string }[] {
  return Array.from({ length: last - first + 1 }, (_, index) => ({ position: String(first + index) }));
}

describe("checkedMarkExtension", () => {
  it("continues the mark to the last row of a page that starts at or before the row after it", () => {
    expect(checkedMarkExtension({}, page(1, 512), 0)).toEqual({ from: 1, to: 512 });
    expect(checkedMarkExtension({}, page(513, 1024), 512)).toEqual({ from: 513, to: 1024 });
    expect(checkedMarkExtension({ fromPosition: 300, toPosition: 900 }, page(300, 900), 400)).toEqual({ from: 401, to: 900 });
  });

  it("moves nothing for a page that starts past the row after the mark: the gap was never checked", () => {
    expect(checkedMarkExtension({ fromPosition: 600 }, page(600, 700), 512)).toBeUndefined();
  });

  it("moves nothing for a page wholly under the mark, or an empty page", () => {
    expect(checkedMarkExtension({}, page(1, 512), 512)).toBeUndefined();
    expect(checkedMarkExtension({}, [], 0)).toBeUndefined();
  });

  it("moves nothing for a read filtered by time, whose rows skip positions", () => {
    expect(checkedMarkExtension({ until: "2026-01-01T00:00:00.000Z" }, page(1, 512), 0)).toBeUndefined();
    expect(checkedMarkExtension({ recordedUntil: "2026-01-01T00:00:00.000Z" }, page(1, 512), 0)).toBeUndefined();
  });
});
