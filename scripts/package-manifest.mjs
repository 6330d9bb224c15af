#!/usr/bin/env node
// The fields every published @handover package shares (entry points, files, engines, links,
// publishConfig), derived from the folder's name and the root manifest's repository.
// `node scripts/package-manifest.mjs --write` brings every package.json in line;
// `--check` (run by check:packages) lists what differs and exits 1.
import { readFileSync, readdirSync, existsSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const rootFolder = fileURLToPath(new URL("..", import.meta.url));

/** The Node versions that load an ES module with require() without a flag. */
export const NODE_ENGINES = "^20.19.0 || >=22.12.0";

/** The export map of a package's "." entry: import and require, each with its types. */
export function entryExports() {
  return {
    import: { types: "./dist/index.d.ts", default: "./dist/index.js" },
    require: { types: "./dist/index.d.cts", default: "./dist/index.cjs" },
  };
}

/** The repository's web address (https, no .git), from the root manifest. */
export function repositoryUrl(rootManifest) {
  return rootManifest.repository.url.replace(/^git\+/, "").replace(/\.git$/, "");
}

/** The shared fields of the package in packages/<folder>, in the order they appear. */
export function sharedFields(folder, rootManifest) {
  const web = repositoryUrl(rootManifest);
  return {
    license: "MIT",
    type: "module",
    sideEffects: false,
    engines: { node: NODE_ENGINES },
    repository: { type: "git", url: rootManifest.repository.url, directory: `packages/${folder}` },
    homepage: `${web}/tree/main/packages/${folder}#readme`,
    bugs: { url: `${web}/issues` },
    main: "./dist/index.cjs",
    types: "./dist/index.d.cts",
    exports: { ".": { source: "./src/index.ts", ...entryExports() }, "./package.json": "./package.json" },
    files: ["dist", "CHANGELOG.md"],
    publishConfig: {
      access: "public",
      provenance: true,
      // Published without the workspace-only "source" condition (src/ is not shipped).
      exports: { ".": entryExports(), "./package.json": "./package.json" },
    },
  };
}

const leading = ["name", "version", "description", "keywords"];

/** The manifest with its shared fields set, keys in a stable order; the build script is the shared one. */
export function withSharedFields(manifest, folder, rootManifest) {
  const shared = sharedFields(folder, rootManifest);
  const rest = Object.fromEntries(Object.entries(manifest).filter(([key]) => !leading.includes(key) && !(key in shared) && key !== "module"));
  const head = Object.fromEntries(leading.filter((key) => key in manifest).map((key) => [key, manifest[key]]));
  return { ...head, ...shared, ...rest, scripts: { ...manifest.scripts, build: "node ../../scripts/build-package.mjs" } };
}

/** Every published package: its folder, manifest path and manifest. */
export function publishedPackages(root = rootFolder) {
  return readdirSync(join(root, "packages"))
    .map((folder) => ({ folder, path: join(root, "packages", folder, "package.json") }))
    .filter(({ path }) => existsSync(path))
    .map((entry) => ({ ...entry, manifest: JSON.parse(readFileSync(entry.path, "utf8")) }))
    .filter(({ manifest }) => manifest.private !== true);
}

/** What a manifest lacks or has wrong, one line each (empty when it is in line). */
export function manifestProblems(manifest, folder, rootManifest) {
  const problems = [];
  const expected = withSharedFields(manifest, folder, rootManifest);
  for (const key of Object.keys(expected)) {
    if (JSON.stringify(manifest[key]) !== JSON.stringify(expected[key])) problems.push(`${key}: expected ${JSON.stringify(expected[key])}`);
  }
  if (!Array.isArray(manifest.keywords) || manifest.keywords.length < 3) problems.push("keywords: give at least three");
  if (typeof manifest.description !== "string" || manifest.description.length < 20) problems.push("description: missing or too short");
  if ("module" in manifest) problems.push('module: drop it (the "exports" map says where the ES module is)');
  for (const file of ["README.md", "CHANGELOG.md"]) {
    if (!existsSync(join(rootFolder, "packages", folder, file))) problems.push(`${file}: missing`);
  }
  return problems;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rootManifest = JSON.parse(readFileSync(join(rootFolder, "package.json"), "utf8"));
  const mode = process.argv[2];
  let failed = false;
  for (const { folder, path, manifest } of publishedPackages()) {
    if (mode === "--write") {
      writeFileSync(path, `${JSON.stringify(withSharedFields(manifest, folder, rootManifest), null, 2)}\n`);
      continue;
    }
    const problems = manifestProblems(manifest, folder, rootManifest);
    for (const problem of problems) console.error(`${manifest.name}: ${problem}`);
    failed ||= problems.length > 0;
  }
  if (mode !== "--write" && !failed) console.log("package manifests: every package has the shared fields, keywords and a README and CHANGELOG");
  process.exitCode = failed ? 1 : 0;
}
