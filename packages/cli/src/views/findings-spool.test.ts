import { readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import type { AuditFinding } from "@handover/projections";
import { describe, expect, it } from "vitest";
import { cellsOf, headingWidths, widenTo, type TableColumn } from "../output/table.js";
import { createFindingsSpool } from "./findings-spool.js";

const COLUMNS: readonly TableColumn<AuditFinding>[] = [
  { heading: "pos", cell: (finding) => String(finding.position), align: "right" },
  { heading: "what", cell: (finding) => finding.message },
];

function findingAt(position: number, kind: AuditFinding["kind"], message: string): AuditFinding {
  return { kind, message, entityId: `CI-${position}`, position, at: "2026-03-10T09:00:00.000Z", recordedAt: "2026-03-10T09:00:01.000Z", actor: "u-1", evidence: [position], source: "replay", imported: false };
}

const spools = (): string[] => readdirSync(tmpdir()).filter((name) => name.startsWith("handover-findings-"));

describe("a findings spool", () => {
  it("keeps the findings of the kinds asked in a file, reads them back in order as they were, and counts and measures them as it goes", async () => {
    const before = spools();
    const spool = createFindingsSpool(new Set(["ci_change_unauthorised"]), COLUMNS);
    const kept: AuditFinding[] = [];
    for (let position = 1; position <= 2_500; position++) {
      // Messages with every line break JSON leaves raw (U+2028, U+2029) or escapes, and wide characters.
      const finding = findingAt(position, position % 3 === 0 ? "segregation_of_duties" : "ci_change_unauthorised", `CI 東京-${position}\u2028line\u2029para\nnext\r${"x".repeat(position % 50)}`);
      spool.add(finding);
      if (finding.kind === "ci_change_unauthorised") kept.push(finding);
    }
    expect(spools().length).toBe(before.length + 1);
    const read: AuditFinding[] = [];
    for await (const finding of spool.findings()) read.push(finding);
    expect(read).toEqual(kept);
    expect(spool.shown()).toBe(kept.length);
    expect([...spool.counts()]).toEqual([["ci_change_unauthorised", kept.length]]);
    const widths = headingWidths(COLUMNS);
    for (const finding of kept) widenTo(widths, cellsOf(finding, COLUMNS));
    expect(spool.widths()).toEqual(widths);
    spool.close();
    expect(spools()).toEqual(before);
  });

  it("with nothing kept, reads back nothing and leaves nothing behind", async () => {
    const before = spools();
    const spool = createFindingsSpool(undefined, COLUMNS);
    const read: AuditFinding[] = [];
    for await (const finding of spool.findings()) read.push(finding);
    expect(read).toEqual([]);
    expect(spool.shown()).toBe(0);
    expect(spool.widths()).toEqual([3, 4]);
    spool.close();
    spool.close();
    expect(spools()).toEqual(before);
  });
});
