#!/usr/bin/env node
// Creates the skeleton of a publishable @handover package: package.json (with the shared fields of
// scripts/package-manifest.mjs; add keywords, a README.md and a CHANGELOG.md), tsconfig.json, src/index.ts.
// Usage: node scripts/new-package.mjs <name> "<one-line description>" [dep ...]
import { mkdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { withSharedFields } from "./package-manifest.mjs";

const [name, description, ...deps] = process.argv.slice(2);
if (!name || !description) {
  console.error('usage: node scripts/new-package.mjs <name> "<description>" [dep ...]');
  process.exit(2);
}
const dir = join("packages", name);
if (existsSync(join(dir, "package.json"))) {
  console.error(`${dir} already exists`);
  process.exit(2);
}
mkdirSync(join(dir, "src"), { recursive: true });
const dependencies = Object.fromEntries(
  deps.map((dep) => (dep.startsWith("@handover/") ? [dep, "workspace:*"] : dep.split("=")).map(String)),
);
const rootManifest = JSON.parse(readFileSync("package.json", "utf8"));
const manifest = withSharedFields({ name: `@handover/${name}`, version: "0.1.0", description, keywords: [], dependencies }, name, rootManifest);
writeFileSync(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
writeFileSync(
  join(dir, "tsconfig.json"),
  `${JSON.stringify({ extends: "../../tsconfig.base.json", include: ["src"] }, null, 2)}\n`,
);
if (!existsSync(join(dir, "src/index.ts"))) writeFileSync(join(dir, "src/index.ts"), "export {};\n");
console.log(`created ${dir}`);
