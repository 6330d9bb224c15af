import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { paint } from "./style.js";
import { renderJson, renderTable } from "./table.js";
import { escapeCell, terminalControl, terminalSafe, toTerminal } from "./terminal-text.js";
import { visibleWidth } from "./text-width.js";

/** Every character a terminal acts on rather than draws, but the layout's own line feed and tab. */
// eslint-disable-next-line no-control-regex -- the test looks for exactly these
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
const HOSTILE = "\u001b[2J\u001b[31mRED\u0007\r\nforged  row\u009b31m\u202eevil\u2028end\u0000";

describe("text output shows control characters escaped, never raw", () => {
  it("escapes a log's escape sequences, bell, carriage return, C1 controls, bidirectional overrides and separators", () => {
    const shown = toTerminal(`name: ${HOSTILE}\n`);
    expect(shown).toBe("name: \\u001b[2J\\u001b[31mRED\\u0007\\r\nforged  row\\u009b31m\\u202eevil\\u2028end\\u0000\n");
    expect(shown).not.toMatch(RAW_CONTROL);
  });

  it("keeps a cell on one line: line feeds and tabs in a value are escaped too, so no row can be forged", () => {
    expect(escapeCell("a\nb\tc")).toBe("a\\nb\\tc");
    const table = renderTable([{ name: "crm\ncrm-db  database  forged" }, { name: "ok" }], [{ heading: "name", cell: (row: { name: string }) => row.name }]);
    expect(table.split("\n")).toEqual(["name", "crm\\ncrm-db  database  forged", "ok", ""]);
  });

  it("turns this program's own colours into real sequences, and a log cannot forge one", () => {
    const style = paint({ stdout: () => undefined, stderr: () => undefined, now: () => "", colour: true });
    const pass = style.pass("PASS");
    expect(toTerminal(pass)).toBe("\u001b[32mPASS\u001b[0m");
    expect(visibleWidth(pass)).toBe(4);
    const forged = pass.replace(/\d+\ue001/g, "999\ue001");
    expect(toTerminal(forged)).not.toContain("\u001b");
    expect(toTerminal(`\ue000guess:0\ue001 ${terminalControl("\r")}`)).toBe("\ue000guess:0\ue001 \r");
  });

  it("keeps --json exact JSON: whatever a string holds, the output parses back to the same value", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), fc.string({ unit: "grapheme" }), (text, other) => {
        const value = { text, other, list: [text] };
        const shown = toTerminal(renderJson(value));
        expect(shown).not.toMatch(RAW_CONTROL);
        expect(JSON.parse(shown)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 500 },
    );
  });

  it("writes both streams through the same layer", () => {
    const written: string[] = [];
    const io = terminalSafe({ stdout: (text) => written.push(text), stderr: (text) => written.push(text), now: () => "" });
    io.stdout("out\u001b[2J\n");
    io.stderr("err\u0007\n");
    expect(written).toEqual(["out\\u001b[2J\n", "err\\u0007\n"]);
  });
});
