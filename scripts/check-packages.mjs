#!/usr/bin/env node
// Runs publint and are-the-types-wrong on every built, publishable package; fails on any error.
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";

const failures = [];
for (const name of readdirSync("packages")) {
  const folder = join("packages", name);
  const manifestPath = join(folder, "package.json");
  if (!existsSync(manifestPath)) continue;
  const manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
  if (manifest.private) continue;
  if (!existsSync(join(folder, "dist"))) {
    failures.push(`${manifest.name}: no dist/ (run pnpm build first)`);
    continue;
  }
  for (const [tool, args] of [
    ["publint", ["publint", "--strict", folder]],
    ["attw", ["attw", "--pack", folder, "--profile", "node16", "--format", "ascii"]],
  ]) {
    try {
      execFileSync("pnpm", ["exec", ...args], { stdio: "pipe", encoding: "utf8" });
      console.log(`ok   ${tool.padEnd(7)} ${manifest.name}`);
    } catch (error) {
      failures.push(`${manifest.name}: ${tool} failed\n${error.stdout ?? ""}${error.stderr ?? ""}`);
      console.log(`FAIL ${tool.padEnd(7)} ${manifest.name}`);
    }
  }
}
if (failures.length > 0) {
  console.error(failures.join("\n\n"));
  process.exit(1);
}
console.log("check:packages: every package passes publint and are-the-types-wrong");
