import { readFile, writeFile } from "node:fs/promises";
import { relative } from "node:path";
import { findTranscripts, renderSteps, replaceBodies, shownOutput } from "./blocks.js";
import { runCommands } from "./run.js";

/** What refreshing one Markdown file found: its text as the commands print it now, and the commands that failed to run. */
export interface RefreshedFile {
  readonly path: string;
  readonly before: string;
  readonly after: string;
  /** Commands that printed nothing because they could not run (exit 127: not found, or a shell error). */
  readonly broken: readonly string[];
}

/**
 * Runs every transcript block of a Markdown file (commands in `cwd`) and returns the file as
 * it would read with today's output. Blocks run one after another, commands within a
 * block in one shell session.
 */
export async function refreshFile(path: string, cwd: string): Promise<RefreshedFile> {
  const before = await readFile(path, "utf8");
  const blocks = findTranscripts(before);
  const bodies: string[] = [];
  const broken: string[] = [];
  for (const block of blocks) {
    const runs = await runCommands(
      block.steps.map((step) => step.command),
      cwd,
    );
    for (const run of runs) if (run.status === 127) broken.push(`${relative(cwd, path)} line ${block.line}: ${run.command}: ${run.output.join(" ").trim()}`);
    bodies.push(renderSteps(runs.map((run) => ({ command: run.command, output: shownOutput(trimEnd(run.output), block.options) }))));
  }
  return { path, before, after: replaceBodies(before, blocks, bodies), broken };
}

/** Output lines without the trailing empty lines a command's last newline leaves. */
function trimEnd(lines: readonly string[]): string[] {
  const kept = [...lines];
  while (kept.length > 0 && kept.at(-1) === "") kept.pop();
  return kept;
}

/** Writes a refreshed file back when it changed; true when it did. */
export async function writeRefreshed(file: RefreshedFile): Promise<boolean> {
  if (file.after === file.before) return false;
  await writeFile(file.path, file.after);
  return true;
}
