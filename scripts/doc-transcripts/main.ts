// Refreshes the transcripts in the docs: every fenced `console` block after a
// `<!-- transcript -->` comment is run (after building the Orbit CRM example into out/)
// and its output written back. `pnpm docs:transcripts` writes; `--check` exits 1 when a
// file would change, naming it and the first differing line.
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { prepareExample } from "./prepare.js";
import { refreshFile, writeRefreshed, type RefreshedFile } from "./transcripts.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** The Markdown files that may hold transcripts: the README, docs/, and every package's and example's README. */
export function markdownFiles(root: string): string[] {
  const readmes = ["packages", "examples"].flatMap((parent) =>
    existsSync(join(root, parent)) ? readdirSync(join(root, parent)).map((name) => join(root, parent, name, "README.md")) : [],
  );
  const docs = readdirSync(join(root, "docs"))
    .filter((name) => name.endsWith(".md"))
    .map((name) => join(root, "docs", name));
  return [join(root, "README.md"), ...docs, ...readmes].filter((path) => existsSync(path));
}

/** The first line where a file's text and its refreshed text differ, as a two-line message. */
export function firstDifference(file: RefreshedFile): string {
  const before = file.before.split("\n");
  const after = file.after.split("\n");
  const index = before.findIndex((line, at) => line !== after[at]);
  const at = index === -1 ? Math.min(before.length, after.length) : index;
  return `${file.path}:${at + 1}\n  docs say:     ${before[at] ?? "(end of file)"}\n  commands say: ${after[at] ?? "(end of file)"}`;
}

/** Prints what a run found; returns the exit code (1 when a command could not run, or a file is stale under `--check`). */
function report(stale: readonly RefreshedFile[], broken: readonly string[], check: boolean): number {
  for (const line of broken) console.error(`command did not run: ${line}`);
  if (!check) {
    for (const file of stale) console.log(`refreshed ${file.path}`);
    return broken.length > 0 ? 1 : 0;
  }
  for (const file of stale) console.error(firstDifference(file));
  if (stale.length > 0) console.error("the transcripts above are out of date; run `pnpm docs:transcripts` and commit the docs");
  return broken.length > 0 || stale.length > 0 ? 1 : 0;
}

async function main(): Promise<number> {
  const check = process.argv.includes("--check");
  prepareExample(ROOT);
  const stale: RefreshedFile[] = [];
  const broken: string[] = [];
  for (const path of markdownFiles(ROOT)) {
    const file = await refreshFile(path, ROOT);
    broken.push(...file.broken);
    if (file.after === file.before) continue;
    stale.push(file);
    if (!check) await writeRefreshed(file);
  }
  return report(stale, broken, check);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exitCode = await main();
