#!/usr/bin/env node
// Checks every published package as it would be published: the shared manifest fields
// (scripts/package-manifest.mjs), then each packed tarball: only what users run (no tests,
// fixtures, sources or maps), publint and are-the-types-wrong on the tarball itself, and its
// unpacked size. Run `pnpm build` first. Fails on any problem.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { manifestProblems, publishedPackages } from "./package-manifest.mjs";
import { contentProblems, packAll } from "./pack-packages.mjs";

const failures = [];
const rootManifest = JSON.parse(readFileSync("package.json", "utf8"));
for (const { folder, manifest } of publishedPackages()) {
  for (const problem of manifestProblems(manifest, folder, rootManifest)) failures.push(`${manifest.name}: ${problem}`);
}

const destination = mkdtempSync(join(tmpdir(), "handover-pack-"));
const packed = packAll(destination);
const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
for (const entry of packed) {
  for (const problem of contentProblems(entry)) failures.push(`${entry.name}: ${problem}`);
  for (const [tool, args] of [
    ["publint", ["publint", "run", "--strict", entry.tarball]],
    ["attw", ["attw", entry.tarball, "--profile", "node16", "--format", "ascii"]],
  ]) {
    try {
      execFileSync("pnpm", ["exec", ...args], { stdio: "pipe", encoding: "utf8" });
    } catch (error) {
      failures.push(`${entry.name}: ${tool} failed\n${error.stdout ?? ""}${error.stderr ?? ""}`);
    }
  }
  console.log(`${entry.name.padEnd(28)} ${String(entry.files.length).padStart(3)} files ${kib(entry.unpackedBytes).padStart(11)} unpacked`);
}
const total = packed.reduce((sum, entry) => sum + entry.unpackedBytes, 0);
console.log(`${"all packages".padEnd(28)} ${String(packed.reduce((sum, entry) => sum + entry.files.length, 0)).padStart(3)} files ${kib(total).padStart(11)} unpacked`);
rmSync(destination, { recursive: true, force: true });

if (failures.length > 0) {
  console.error(failures.join("\n\n"));
  process.exit(1);
}
console.log("check:packages: every package has its manifest fields, ships only what users run, and passes publint and are-the-types-wrong");
