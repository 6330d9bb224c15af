import type { Readiness } from "@handover/projections";
import { describe, expect, it } from "vitest";
import { checklistTable, timelineTable } from "../views/readiness-text.js";
import { paint } from "./style.js";
import { renderTable } from "./table.js";
import { stripEscapes } from "./text-width.js";
import { toTerminal } from "./terminal-text.js";

const colour = paint({ stdout: () => undefined, stderr: () => undefined, now: () => "2026-01-01T00:00:00Z", terminal: { stdout: true, stderr: true }, env: {} });

/** The visible column at which each line's text after `marker` starts. */
const columnsOf = (table: string, marker: RegExp): number[] =>
  stripEscapes(table)
    .trimEnd()
    .split("\n")
    .map((line) => line.search(marker));

describe("renderTable", () => {
  it("lines up the columns after a coloured one (readiness with colour on)", () => {
    const readiness = {
      ready: false,
      checks: [
        { name: "production_baseline", status: "pass", explanation: "taken", evidence: [3] },
        { name: "no_open_major_incidents", status: "fail", explanation: "INC-1 is open", evidence: [7, 9] },
        { name: "service_levels_agreed", status: "warn", explanation: "none agreed", evidence: [] },
      ],
    } as unknown as Readiness;
    const table = checklistTable(readiness, colour);
    expect(toTerminal(table)).toContain("\u001b[");
    expect(new Set(columnsOf(table, /why|taken|INC-1|none agreed/)).size).toBe(1);
    expect(new Set(columnsOf(table, /evidence|@3|@7|-$/)).size).toBe(1);
  });

  it("lines up the timeline's flipped column whatever colour the verdict has", () => {
    const timeline = {
      ready: true,
      firstReady: 9,
      points: [
        { position: 1, at: "2026-01-01T00:00:00Z", type: "project.started", ready: false, flips: [{ check: "a", from: null, to: "fail" }] },
        { position: 9, at: "2026-01-02T00:00:00Z", type: "project.phase_entered", ready: true, flips: [{ check: "a", from: "fail", to: "pass" }] },
      ],
    } as unknown as Parameters<typeof timelineTable>[0];
    const table = timelineTable(timeline, colour);
    expect(new Set(columnsOf(table, /flipped|a -→fail|a fail→pass/)).size).toBe(1);
  });

  it("counts wide characters as two columns", () => {
    const table = renderTable([{ name: "東京サーバー", owner: "ana" }, { name: "db", owner: "ben" }], [
      { heading: "name", cell: (row) => row.name },
      { heading: "owner", cell: (row) => row.owner },
    ]);
    expect(table.split("\n").slice(0, 3)).toEqual(["name          owner", "東京サーバー  ana", "db            ben"]);
  });

  it("renders as many rows as a log's findings hold: 1,000,000 (the widths were once a spread of one argument per row, past the call stack's limit)", () => {
    const rows = Array.from({ length: 1_000_000 }, (_, index) => ({ position: index + 1 }));
    const table = renderTable(rows, [{ heading: "pos", cell: (row) => String(row.position), align: "right" }]);
    const lines = table.split("\n");
    expect(lines.length).toBe(1_000_002);
    expect(lines.slice(0, 2)).toEqual(["    pos", "      1"]);
    expect(lines[1_000_000]).toBe("1000000");
  });
});
