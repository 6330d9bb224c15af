#!/usr/bin/env node
// Builds the package in the current folder: one ESM bundle per entry (tsup, with .d.ts), then a
// CommonJS entry that require()s that same ESM module (Node 20.19+'s require(esm)), so `import`
// and `require` share one module graph (one LogError class, not two) and CommonJS TypeScript
// consumers still get types (.d.cts). Entries come from the manifest: "." and each `bin`.
import { copyFile, readFile, writeFile } from "node:fs/promises";
import { build } from "tsup";

const manifest = JSON.parse(await readFile("package.json", "utf8"));
const sourceOf = (distPath) => distPath.replace(/^\.\/dist\//, "src/").replace(/\.js$/, ".ts");
const library = manifest.exports?.["."]?.import?.default;
const bins = Object.values(typeof manifest.bin === "string" ? { [manifest.name]: manifest.bin } : (manifest.bin ?? {}));
if (library === undefined) throw new Error(`${manifest.name}: exports["."].import.default is not set`);

await build({
  entry: [library, ...bins].map(sourceOf),
  format: ["esm"],
  target: "node20",
  platform: "node",
  dts: { entry: sourceOf(library) },
  clean: true,
  sourcemap: false,
  splitting: true,
  silent: true,
});

const cjsEntry = manifest.exports["."].require.default;
const cjsTypes = manifest.exports["."].require.types;
const esmTypes = manifest.exports["."].import.types;
const esmEntry = `./${library.split("/").pop()}`;
await writeFile(
  cjsEntry,
  `"use strict";\n// ${manifest.name} is an ES module; require() loads that same module (Node 20.19+ and 22.12+), so both ways share one module graph.\nmodule.exports = require(${JSON.stringify(esmEntry)});\n`,
);
await copyFile(esmTypes, cjsTypes);
console.log(`${manifest.name}: built ${[library, ...bins].join(", ")} (ESM) and ${cjsEntry} (require of the same module)`);
