import { readFileSync } from "node:fs";
import { join } from "node:path";
import { build } from "tsup";
import { benchRoot } from "./bench-root.js";

/** The bench's own third-party dependencies: loaded from its `node_modules` at run time, never bundled. */
function thirdPartyDependencies(): string[] {
  const manifest = JSON.parse(readFileSync(join(benchRoot, "package.json"), "utf8")) as { dependencies?: Record<string, string> };
  return Object.keys(manifest.dependencies ?? {}).filter((name) => !name.startsWith("@handover/"));
}

/** The trial child as one JavaScript file: what `spawnTrial` runs. */
export const trialBundle = join(benchRoot, "dist", "trial.js");

/**
 * Bundles the trial child (`src/child.ts`, its workloads and Handover's packages, from
 * their TypeScript sources) into `dist/trial.js`, so every trial runs compiled JavaScript
 * in plain Node, as an application that installed the packages runs them: no TypeScript
 * loader in the measured process (tsx's loader and its transformed sources held ~50 MiB
 * of every trial's peak RSS). The bench's third-party dependencies (better-sqlite3, pg,
 * immer, zod, fp-ts, the peers) stay outside the bundle, loaded from `node_modules` as an
 * application loads them; the few a package needs that the bench does not list
 * (pg-cursor, csv-parse) are bundled, and `require` is given to them for their own
 * imports. Built once per bench run (about a second), so a trial never measures stale code.
 */
export async function buildTrialBundle(): Promise<string> {
  await build({
    entry: { trial: join(benchRoot, "src", "child.ts") },
    outDir: join(benchRoot, "dist"),
    format: ["esm"],
    platform: "node",
    target: "node20",
    splitting: false,
    sourcemap: false,
    dts: false,
    silent: true,
    config: false,
    // Handover's packages from their sources (their `source` export), as the tests and tsx read them.
    noExternal: [/^@handover\//],
    external: thirdPartyDependencies(),
    // CommonJS modules in the bundle require() the external packages: give the ES module a require of its own.
    banner: { js: 'import { createRequire as handoverBenchCreateRequire } from "node:module"; const require = handoverBenchCreateRequire(import.meta.url);' },
    esbuildOptions(options) {
      options.conditions = ["source"];
    },
  });
  return trialBundle;
}
