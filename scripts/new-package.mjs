#!/usr/bin/env node
// Creates the skeleton of a publishable @handover package: package.json, tsconfig.json, src/index.ts.
// Usage: node scripts/new-package.mjs <name> "<one-line description>" [dep ...]
import { mkdirSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";

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
const manifest = {
  name: `@handover/${name}`,
  version: "0.1.0",
  description,
  license: "MIT",
  type: "module",
  sideEffects: false,
  engines: { node: ">=20.19" },
  main: "./dist/index.cjs",
  module: "./dist/index.js",
  types: "./dist/index.d.cts",
  exports: {
    ".": {
      source: "./src/index.ts",
      import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
      require: { types: "./dist/index.d.cts", default: "./dist/index.cjs" },
    },
    "./package.json": "./package.json",
  },
  files: ["dist", "src", "!src/**/*.test.ts"],
  scripts: {
    build: "tsup src/index.ts --format esm,cjs --dts --clean --sourcemap --target node20",
  },
  dependencies,
};
writeFileSync(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
writeFileSync(
  join(dir, "tsconfig.json"),
  `${JSON.stringify({ extends: "../../tsconfig.base.json", include: ["src"] }, null, 2)}\n`,
);
if (!existsSync(join(dir, "src/index.ts"))) writeFileSync(join(dir, "src/index.ts"), "export {};\n");
console.log(`created ${dir}`);
