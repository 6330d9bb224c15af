import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";

/** The files the transcripts read: the example's log as the README's main job writes it, JSONL and SQLite, under `out/`. */
export const EXAMPLE_FILES = ["out/crm-replacement.jsonl", "out/crm-replacement.db"] as const;

/**
 * Builds the Orbit CRM example into `out/` under the repository root, as the README's main
 * job does, so every transcript reads the same log. Throws with what the example printed
 * when it fails.
 */
export function prepareExample(root: string): void {
  // out/archive/ is where the docs' transcripts write (packs, exports): emptied so each run writes afresh.
  rmSync(join(root, "out", "archive"), { recursive: true, force: true });
  mkdirSync(join(root, "out", "archive"), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(join(root, `${EXAMPLE_FILES[1]}${suffix}`), { force: true });
  const built = spawnSync("pnpm", ["--silent", "--filter", "@handover-examples/crm-replacement", "start", "--", EXAMPLE_FILES[0], "--sqlite", EXAMPLE_FILES[1]], { cwd: root, encoding: "utf8", env: { ...process.env, INIT_CWD: root } });
  if (built.status !== 0) throw new Error(`building the example failed (exit ${built.status ?? built.signal}): ${built.stdout}${built.stderr}`);
}
