import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { openSqliteSpillStore } from "./spill-store.js";

describe("openSqliteSpillStore", () => {
  it("answers each key with the text last put under it, as a map would", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom("incident:INC-1", "incident:INC-2", "incident", "change:C-1", "é:ü", "é", "k", "k\u{10FFFF}x", "kz"), fc.string({ unit: "binary" })), { maxLength: 30 }), (puts) => {
        const spill = openSqliteSpillStore();
        try {
          const expected = new Map<string, string>();
          for (const [key, text] of puts) {
            spill.put(key, text);
            expected.set(key, text);
            expect(spill.get(key)).toBe(text);
          }
          for (const key of ["incident:INC-1", "change:C-1", "é:ü", "k", "absent"]) expect(spill.get(key)).toBe(expected.get(key));
          // Listing by prefix answers exactly the keys that start with it, with their latest text.
          for (const prefix of ["incident:", "change:", "é", "k", "", "absent"]) {
            const listed = new Map(spill.entries(prefix));
            expect(listed).toEqual(new Map([...expected].filter(([key]) => key.startsWith(prefix))));
          }
        } finally {
          spill.close();
        }
      }),
      { numRuns: 30 },
    );
  });

  it("removes its temporary folder on close; a file it was given is emptied when opened again and kept", () => {
    const spill = openSqliteSpillStore();
    spill.put("a", "1");
    expect(existsSync(spill.path)).toBe(true);
    spill.close();
    expect(existsSync(dirname(spill.path))).toBe(false);

    const folder = mkdtempSync(join(tmpdir(), "handover-spill-test-"));
    try {
      const path = join(folder, "spill.db");
      const first = openSqliteSpillStore({ path });
      first.put("a", "1");
      first.close();
      expect(existsSync(path)).toBe(true);
      const second = openSqliteSpillStore({ path });
      expect(second.get("a")).toBeUndefined();
      second.close();
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });

  it("refuses a file that is not SQLite with a SqliteStoreError naming it", () => {
    const folder = mkdtempSync(join(tmpdir(), "handover-spill-test-"));
    try {
      const path = join(folder, "not-a-db");
      writeFileSync(path, "plain text, not a database ".repeat(100));
      expect(() => openSqliteSpillStore({ path })).toThrow(/not-a-db: could not open the spill file/);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});
