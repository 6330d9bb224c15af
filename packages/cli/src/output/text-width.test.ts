import { describe, expect, it } from "vitest";
import { padVisible, stripEscapes, visibleWidth } from "./text-width.js";

describe("visibleWidth", () => {
  it("counts colour codes as nothing", () => {
    expect(visibleWidth("\u001b[32mPASS\u001b[0m")).toBe(4);
    expect(visibleWidth("\u001b[1;31mnot ready\u001b[0m")).toBe(9);
    expect(stripEscapes("\u001b]8;;https://example.org\u0007link\u001b]8;;\u0007")).toBe("link");
  });

  it("counts wide characters as two columns and combining marks as none", () => {
    expect(visibleWidth("東京")).toBe(4);
    expect(visibleWidth("데이터베이스")).toBe(12);
    expect(visibleWidth("e\u0301")).toBe(1);
    expect(visibleWidth("🚀")).toBe(2);
    expect(visibleWidth("café")).toBe(4);
  });

  it("pads to visible columns, left or right", () => {
    expect(padVisible("\u001b[32mok\u001b[0m", 5)).toBe("\u001b[32mok\u001b[0m   ");
    expect(padVisible("東", 4, "right")).toBe("  東");
    expect(padVisible("longer than", 3)).toBe("longer than");
  });
});
