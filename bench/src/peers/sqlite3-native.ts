import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";

const benchRequire = createRequire(import.meta.url);

/** The workloads whose Emmett variant runs on Emmett's SQLite store (and so on sqlite3's native binding). */
export const SQLITE3_WORKLOADS: readonly string[] = ["w5-sqlite-command", "w5-sqlite-bulk", "w5-sqlite-read"];

/** The folder of the `sqlite3` package Emmett's SQLite store loads. */
export function sqlite3Folder(): string {
  return dirname(benchRequire.resolve("sqlite3/package.json"));
}

/** Whether sqlite3's native binding has been built. */
export function sqlite3Built(folder = sqlite3Folder()): boolean {
  return existsSync(join(folder, "build", "Release", "node_sqlite3.node"));
}

/**
 * Builds sqlite3's native binding when it is missing. `pnpm install` does not build it (the root's
 * `pnpm.ignoredBuiltDependencies`): only the benchmark's Emmett SQLite peer uses it, and compiling
 * SQLite a second time would double the install. Runs sqlite3's own node-gyp in its folder.
 * Returns false, having said why, when the build fails.
 */
export function ensureSqlite3Built(log: (line: string) => void): boolean {
  const folder = sqlite3Folder();
  if (sqlite3Built(folder)) return true;
  log("The Emmett SQLite peer needs sqlite3's native binding, which `pnpm install` leaves out (only the benchmark uses it).");
  log(`Building it now, once (about a minute; needs a C++ compiler and Python): node-gyp rebuild in ${folder}`);
  const nodeGyp = createRequire(join(folder, "package.json")).resolve("node-gyp/bin/node-gyp.js");
  const started = Date.now();
  const build = spawnSync(process.execPath, [nodeGyp, "rebuild", "--release"], { cwd: folder, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
  if (build.status !== 0 || !sqlite3Built(folder)) {
    log(`sqlite3's build failed (exit ${build.status}); the Emmett SQLite variants will report the peer unavailable.\n${build.stderr.split("\n").slice(-15).join("\n")}`);
    return false;
  }
  log(`sqlite3 built in ${((Date.now() - started) / 1000).toFixed(0)} s.`);
  return true;
}
