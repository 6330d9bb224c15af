#!/usr/bin/env node
// Fails when a package imports a @handover package that scripts/package-graph.json does not allow
// (the package map), when a package is missing from the map, or when the imports form a cycle.
// Test code (*.test.ts, fixtures/, test-support/) may also import @handover/testing; it is not a dependency edge.
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { join } from "node:path";

const allowed = JSON.parse(readFileSync("scripts/package-graph.json", "utf8"));
const packages = readdirSync("packages").filter((name) => existsSync(join("packages", name, "package.json")));
const importPattern = /(?:from\s+|import\s*\(\s*|import\s+)["']@handover\/([a-z0-9-]+)/g;
const problems = [];
const edges = new Map();

function* sourceFiles(folder) {
  for (const entry of readdirSync(folder)) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts|js|mjs)$/.test(entry)) yield path;
  }
}

for (const name of packages) {
  if (!(name in allowed)) {
    problems.push(`packages/${name}: not in scripts/package-graph.json; add it with the imports it may use`);
    continue;
  }
  const targets = new Set();
  for (const file of sourceFiles(join("packages", name, "src"))) {
    const isTest = /\.test\.ts$|[/\\](fixtures|test-support)[/\\]/.test(file);
    const text = readFileSync(file, "utf8");
    for (const match of text.matchAll(importPattern)) {
      const target = match[1];
      if (target === name) continue;
      if (isTest && target === "testing") continue;
      if (!allowed[name].includes(target)) problems.push(`${file}: imports @handover/${target}, which ${name} may not (allowed: ${allowed[name].join(", ") || "none"})`);
      if (!isTest) targets.add(target);
    }
  }
  const manifest = JSON.parse(readFileSync(join("packages", name, "package.json"), "utf8"));
  for (const dependency of Object.keys(manifest.dependencies ?? {})) {
    const target = dependency.startsWith("@handover/") ? dependency.slice("@handover/".length) : undefined;
    if (target !== undefined && !allowed[name].includes(target)) problems.push(`packages/${name}/package.json: depends on ${dependency}, which ${name} may not`);
  }
  edges.set(name, [...targets]);
}

const state = new Map();
function visit(name, trail) {
  if (state.get(name) === "done") return;
  if (state.get(name) === "visiting") {
    problems.push(`import cycle: ${[...trail.slice(trail.indexOf(name)), name].join(" -> ")}`);
    return;
  }
  state.set(name, "visiting");
  for (const target of edges.get(name) ?? []) visit(target, [...trail, name]);
  state.set(name, "done");
}
for (const name of edges.keys()) visit(name, []);

if (problems.length > 0) {
  console.error(problems.join("\n"));
  console.error(`check:graph: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`check:graph: ${packages.length} packages, imports follow scripts/package-graph.json, no cycles`);
