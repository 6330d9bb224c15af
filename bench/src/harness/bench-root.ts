import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const BENCH_PACKAGE = "@handover/bench";

/**
 * The folder of the bench package, found by walking up from this module to the
 * `package.json` named `@handover/bench`: the same folder whether this code runs from
 * `src/` (through tsx) or bundled into `dist/trial.js`.
 */
export function findBenchRoot(from: string): string {
  for (let folder = from; ; folder = dirname(folder)) {
    const manifest = join(folder, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name === BENCH_PACKAGE) return folder;
    if (dirname(folder) === folder) throw new Error(`no package.json named ${BENCH_PACKAGE} above ${from}`);
  }
}

/** The bench package's folder (`bench/`). */
export const benchRoot = findBenchRoot(dirname(fileURLToPath(import.meta.url)));
