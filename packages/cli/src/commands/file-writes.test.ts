import { readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { writeJsonl } from "@handover/core";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, SAMPLE, scratch } from "../fixtures/cli-harness.js";
import { projectStory } from "../fixtures/project-story.js";

let path: (name: string) => string;
let log = "";
let victim = "";
beforeAll(async () => {
  path = await scratch();
  log = path("story.jsonl");
  await writeJsonl(log, await projectStory());
  victim = path("victim.txt");
  await writeFile(victim, "precious");
});

/** Links planted where the old writers put their temporary files (`.<name>.<pid>.tmp`, `.<name>.<pid>.<n>.tmp`), all pointing at the victim. */
async function plantLinks(target: string): Promise<void> {
  const names = [`.${basename(target)}.${process.pid}.tmp`, ...Array.from({ length: 40 }, (_, index) => `.${basename(target)}.${process.pid}.${index + 1}.tmp`)];
  for (const name of names) await symlink(victim, join(dirname(target), name));
}

/** Every command that writes a file, writing `target`. */
const WRITERS: readonly { readonly name: string; readonly args: (target: string) => string[] }[] = [
  { name: "report (HTML)", args: (target) => ["report", log, "crm", "--out", `${target}.html`] },
  { name: "report (Markdown)", args: (target) => ["report", log, "crm", "--out", `${target}.md`] },
  { name: "export --to a .jsonl copy", args: (target) => ["export", log, "--to", `${target}.jsonl`] },
  { name: "export --format ocel2", args: (target) => ["export", log, "--format", "ocel2", "--to", `${target}.json`] },
  { name: "export --format xes", args: (target) => ["export", log, "--format", "xes", "--case", "incident", "--to", `${target}.xes`] },
  { name: "import servicenow", args: (target) => ["import", "servicenow", SAMPLE, "--out", `${target}.jsonl`] },
  { name: "checkpoint --out", args: (target) => ["checkpoint", log, "--out", `${target}.checkpoint`] },
  { name: "prove --out", args: (target) => ["prove", log, "3", "--out", `${target}.proof.json`] },
];

const outOf = (args: readonly string[]): string => args[args.indexOf(args.includes("--out") ? "--out" : "--to") + 1] ?? "";

describe("every command that writes a file", () => {
  it.each(WRITERS.map((writer) => [writer.name, writer] as const))("%s: refuses an existing file without --force, writing nothing; overwrites it with --force", async (name, writer) => {
    const args = writer.args(path(name.replace(/\W+/g, "-")));
    const target = outOf(args);
    await writeFile(target, "kept");
    const refused = await cli(...args);
    expect(refused.code, refused.stdout).toBe(2);
    expect(refused.stderr).toContain(`${target} already exists; give --force to overwrite it`);
    expect(await readFile(target, "utf8")).toBe("kept");
    const forced = await cli(...args, "--force");
    expect(forced.code, forced.stderr).toBe(0);
    expect(await readFile(target, "utf8")).not.toBe("kept");
  });

  it.each(WRITERS.map((writer) => [writer.name, writer] as const))("%s: never follows a link planted at a predictable temporary name, and leaves no temporary file", async (name, writer) => {
    const args = writer.args(path(`linked-${name.replace(/\W+/g, "-")}`));
    const target = outOf(args);
    await plantLinks(target);
    const run = await cli(...args);
    expect(run.code, run.stderr).toBe(0);
    expect(await readFile(victim, "utf8")).toBe("precious");
    expect(await readFile(target, "utf8")).not.toBe("precious");
    const left = (await readdir(dirname(target))).filter((file) => file.startsWith(`.${basename(target)}.`) && !file.includes(`.${process.pid}.`));
    expect(left).toEqual([]);
  });
});
