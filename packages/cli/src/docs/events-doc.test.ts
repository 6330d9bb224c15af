import { spawnSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { handoverCatalogue } from "@handover/projections";
import { beforeAll, describe, expect, it } from "vitest";
import { scratch } from "../fixtures/cli-harness.js";

const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));
const EVENTS_MD = `${ROOT}docs/events.md`;
const generator = (...args: string[]) => spawnSync(process.execPath, ["--conditions=source", "--import", "tsx", "scripts/generate-event-docs.ts", ...args], { cwd: ROOT, encoding: "utf8" });

let path: (name: string) => string;
beforeAll(async () => {
  path = await scratch();
});

describe("docs/events.md, the event catalogue", () => {
  it("is what scripts/generate-event-docs.ts writes from the schemas now (run `pnpm docs:events` when this fails)", () => {
    const check = generator("--check");
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
    expect(check.stdout).toContain("events.md is up to date");
  });

  it("documents every event type the engine's catalogue decodes, with its schema version", async () => {
    const text = await readFile(EVENTS_MD, "utf8");
    const definitions = [...handoverCatalogue.definitions.values()];
    expect(definitions.length).toBeGreaterThan(40);
    for (const definition of definitions) {
      expect(text, definition.type).toContain(`### \`${definition.type}\`\n\nSchema version ${definition.schemaVersion}.`);
    }
    for (const lifecycle of ["CI", "standard change", "normal change", "emergency change", "incident", "problem", "release", "project"]) expect(text).toContain(`### Lifecycle: ${lifecycle}\n`);
  });

  it("--check fails on a catalogue that no longer matches the schemas", async () => {
    const stale = path("events.md");
    await writeFile(stale, (await readFile(EVENTS_MD, "utf8")).replace("| `ciId` | string | yes |", "| `ciId` | number | yes |"));
    const check = generator("--check", "--file", stale);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain("events.md is out of date with the event schemas; run `pnpm docs:events`");
  });
});
