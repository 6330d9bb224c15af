import { existsSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import type { RecordedEvent } from "@handover/core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { cli, scratch } from "../fixtures/cli-harness.js";
import { describeEachSource, type SourceKind } from "../fixtures/log-sources.js";
import { dropSchemas, freshSchemaName, postgresReachable, postgresSource } from "../fixtures/postgres.js";
import { projectStory } from "../fixtures/project-story.js";
import { tamper } from "../fixtures/tamper.js";
import { createPool } from "../sources/postgres-connection.js";
import { POSTGRES_URL } from "../fixtures/postgres.js";

let story: RecordedEvent[];
let path: (name: string) => string;
const schemas: string[] = [];
beforeAll(async () => {
  story = await projectStory();
  path = await scratch();
});
afterAll(() => dropSchemas(schemas));

const targetKinds: readonly SourceKind[] = postgresReachable || process.env.CI === "true" ? ["jsonl", "sqlite", "postgres"] : ["jsonl", "sqlite"];
let targets = 0;

/** A destination of a kind that does not exist yet. */
function newTarget(kind: SourceKind): string {
  targets += 1;
  if (kind === "jsonl") return path(`copy-${targets}.jsonl`);
  if (kind === "sqlite") return `sqlite:${path(`copy-${targets}.db`)}`;
  const schema = freshSchemaName(`copy${targets}`);
  schemas.push(schema);
  return postgresSource(schema);
}

async function targetExists(target: string): Promise<boolean> {
  if (!target.startsWith("postgres")) return existsSync(target.replace(/^sqlite:/, ""));
  const schema = new URL(target).searchParams.get("schema");
  const pool = createPool(POSTGRES_URL);
  try {
    const { rows } = await pool.query<{ found: boolean }>("select exists (select 1 from pg_namespace where nspname = $1) as found", [schema]);
    return rows[0]?.found === true;
  } finally {
    await pool.end();
  }
}

describeEachSource("handover export", (kind, write) => {
  for (const targetKind of targetKinds) {
    it(`copies the whole log to ${targetKind}, and the copy verifies with the same head`, async () => {
      const source = await write(`to_${targetKind}`, story);
      const target = newTarget(targetKind);
      const run = await cli("export", source, "--to", target, "--json");
      expect(run).toMatchObject({ code: 0, stderr: "" });
      const head = story[story.length - 1];
      expect(JSON.parse(run.stdout)).toMatchObject({ count: story.length, headPosition: story.length, headHash: head?.hash });
      const verified = await cli("verify", target, "--json");
      expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, count: story.length, headHash: head?.hash });
    });

    it(`writes nothing to ${targetKind} when the source does not verify`, async () => {
      const source = await write(`bad_to_${targetKind}`, story);
      await tamper(source, 30, "edit");
      const target = newTarget(targetKind);
      const run = await cli("export", source, "--to", target);
      expect(run.code).toBe(2);
      expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(run.stderr).toMatch(/the log does not verify: position 30/);
      expect(await targetExists(target)).toBe(false);
    });
  }

  it("refuses a destination that already holds a log, and the source itself", async () => {
    const source = await write("twice", story);
    const target = newTarget(kind);
    expect((await cli("export", source, "--to", target)).code).toBe(0);
    const again = await cli("export", source, "--to", target);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already (holds a log|exists)/);
    const itself = await cli("export", source, "--to", source);
    expect(itself).toMatchObject({ code: 2, stderr: expect.stringContaining("is the source itself") });
  });
});

it("refuses a missing --to, a source that cannot be read and a destination folder that does not exist", async () => {
  const log = path("plain.jsonl");
  await writeFile(log, "");
  for (const argv of [["export", log], ["export", path("absent.jsonl"), "--to", path("x.jsonl")], ["export", log, "--to", path("no-folder/x.jsonl")], ["export", log, "--to", "ftp://host/x"], ["export", log, "--to", path("x.jsonl"), "--to-schema", "s"]]) {
    const run = await cli(...argv);
    expect(run.code, argv.join(" ")).toBe(2);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  }
  expect(existsSync(path("x.jsonl"))).toBe(false);
});
