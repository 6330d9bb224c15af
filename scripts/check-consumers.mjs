#!/usr/bin/env node
// Packs every published package and uses the tarballs as a new user would, in folders outside
// the workspace: (1) an app that installs all 15 and, for each, imports it (ESM), requires it
// (CommonJS) and checks both give the same module (one LogError class, not two), typechecks
// every package and every README example under strict TypeScript with node16 and with bundler
// resolution, and runs the README examples (the test kit's with vitest); (2) an empty folder
// that installs only the CLI with its dependencies and runs `handover --version`, `verify` and
// `readiness` on the example project's log, checking a JSONL log loads no store. Run
// `pnpm build` first. Exits 1 on any failure, naming the step.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { packAll } from "./pack-packages.mjs";
import { normaliseOutput, readmeExample } from "./readme-examples.mjs";

const ROOT = resolve(import.meta.dirname, "..");
const rootManifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const work = mkdtempSync(join(tmpdir(), "handover-consumers-"));
const keep = process.argv.includes("--keep");
const failures = [];

function run(label, command, args, options = {}) {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, ...options, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", ...options.env } });
  const ok = result.status === 0;
  console.log(`${ok ? "ok  " : "FAIL"} ${label}`);
  if (!ok) failures.push(`${label}: exit ${result.status}\n${result.stdout ?? ""}${result.stderr ?? ""}`.trim());
  return result;
}

function writeJson(path, value) {
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

/** A package.json for an app outside the workspace: the tarballs by file:, and every @handover dependency pinned to its tarball. */
function appManifest(name, dependencies, packed) {
  const overrides = Object.fromEntries(packed.map((entry) => [entry.name, `file:${entry.tarball}`]));
  return { name, private: true, type: "module", dependencies, pnpm: { overrides, onlyBuiltDependencies: ["better-sqlite3"] } };
}

function install(label, folder) {
  // The workspace's store: what is already downloaded (and better-sqlite3 once built) is reused.
  const store = execFileSync("pnpm", ["store", "path"], { cwd: ROOT, encoding: "utf8" }).trim();
  run(`${label}: pnpm install`, "pnpm", ["install", "--store-dir", store, "--config.node-linker=isolated", "--reporter=append-only"], { cwd: folder });
}

const devVersion = (name) => rootManifest.devDependencies[name];
const packageDependency = (name) => {
  for (const folder of ["core", "testing", "store-postgres"]) {
    const manifest = JSON.parse(readFileSync(join(ROOT, "packages", folder, "package.json"), "utf8"));
    const range = manifest.dependencies?.[name] ?? manifest.peerDependencies?.[name];
    if (range !== undefined) return range;
  }
  throw new Error(`no package depends on ${name}`);
};

console.log(`consumers in ${work}`);
const packed = packAll(join(work, "tarballs"));

// (1) The library app: every package, every module format, strict TypeScript, the README examples.
const app = join(work, "app");
mkdirSync(join(app, "readme"), { recursive: true });
writeJson(
  join(app, "package.json"),
  appManifest(
    "handover-consumer-app",
    {
      ...Object.fromEntries(packed.map((entry) => [entry.name, `file:${entry.tarball}`])),
      // What the README examples import besides Handover, as an app would declare it.
      "fp-ts": packageDependency("fp-ts"),
      zod: packageDependency("zod"),
      vitest: devVersion("vitest"),
      typescript: devVersion("typescript"),
      "@types/node": devVersion("@types/node"),
    },
    packed,
  ),
);
install("app", app);

const names = packed.map((entry) => entry.name);
writeFileSync(
  join(app, "formats.cjs"),
  `// Each package by require() and by import(): the same module, so every export is the same object.
const names = ${JSON.stringify(names)};
(async () => {
  const problems = [];
  for (const name of names) {
    const required = require(name);
    const imported = await import(name);
    const keys = Object.keys(imported).filter((key) => key !== "default" && key !== "module.exports");
    if (keys.length === 0) problems.push(name + ": exports nothing");
    for (const key of keys) if (required[key] !== imported[key]) problems.push(name + ": " + key + " differs between require and import");
  }
  const { LogError } = require("@handover/core");
  const { LogError: ImportedLogError } = await import("@handover/core");
  if (!(new LogError("x", 1) instanceof ImportedLogError)) problems.push("@handover/core: a required LogError is not an instanceof the imported one");
  if (problems.length > 0) { console.error(problems.join("\\n")); process.exit(1); }
  console.log(names.length + " packages: require and import give the same module");
})();
`,
);
run("app: require() and import() of every package give one module", "node", ["formats.cjs"], { cwd: app });

// Every package's types, in an ES module and in a CommonJS module.
const imports = packed.map((entry, index) => `import * as p${index} from "${entry.name}";`).join("\n");
writeFileSync(join(app, "all.mts"), `${imports}\nexport const all = [${packed.map((_, index) => `p${index}`).join(", ")}];\n`);
writeFileSync(join(app, "all.cts"), `${imports}\nexport const all = [${packed.map((_, index) => `p${index}`).join(", ")}];\n`);

// The README examples: written out, typechecked with the rest, then run.
const examples = [];
for (const entry of packed) {
  const example = readmeExample(entry.folder);
  if (example.kind === "shell") continue;
  const file = example.kind === "test" ? `readme/${entry.folder}.test.mts` : `readme/${entry.folder}.mts`;
  writeFileSync(join(app, file), example.code);
  examples.push({ ...example, entry, file });
}
const strict = { strict: true, skipLibCheck: false, noEmit: true, types: ["node"], target: "ES2022", lib: ["ES2023"], noUncheckedIndexedAccess: true, exactOptionalPropertyTypes: true };
const sources = ["all.mts", "all.cts", ...examples.map((example) => example.file)];
writeJson(join(app, "tsconfig.node16.json"), { compilerOptions: { ...strict, module: "node16", moduleResolution: "node16" }, files: sources });
writeJson(join(app, "tsconfig.bundler.json"), { compilerOptions: { ...strict, module: "preserve", moduleResolution: "bundler" }, files: sources });
const tsc = join(app, "node_modules", "typescript", "bin", "tsc");
run("app: strict TypeScript, node16 resolution (ESM and CommonJS files)", "node", [tsc, "-p", "tsconfig.node16.json"], { cwd: app });
run("app: strict TypeScript, bundler resolution", "node", [tsc, "-p", "tsconfig.bundler.json"], { cwd: app });

// Run the examples: compiled with TypeScript (no loader), the test kit's under vitest.
writeJson(join(app, "tsconfig.emit.json"), { compilerOptions: { ...strict, noEmit: false, module: "node16", moduleResolution: "node16", outDir: "out" }, files: examples.filter((example) => example.kind === "program").map((example) => example.file) });
run("app: compile the README examples", "node", [tsc, "-p", "tsconfig.emit.json"], { cwd: app });
for (const example of examples) {
  const label = `app: ${example.entry.name} README example`;
  const result =
    example.kind === "test"
      ? run(label, "node", [join(app, "node_modules", "vitest", "vitest.mjs"), "run", example.file, "--reporter=default"], { cwd: app, env: { CI: "1" } })
      : run(label, "node", [join("out", example.file.replace(/^readme\//, "").replace(/\.mts$/, ".mjs"))], { cwd: app });
  if (result.status === 0 && example.output !== undefined && normaliseOutput(result.stdout) !== normaliseOutput(example.output)) {
    failures.push(`${label}: printed\n${result.stdout}\ninstead of\n${example.output}`);
    console.log(`FAIL ${label}: output differs from the README`);
  }
}

// (2) The CLI alone in an empty folder, with its dependencies, on the example project's log.
const cliApp = join(work, "cli");
mkdirSync(cliApp, { recursive: true });
const cliEntry = packed.find((entry) => entry.name === "@handover/cli");
writeJson(join(cliApp, "package.json"), appManifest("handover-cli-user", { "@handover/cli": `file:${cliEntry.tarball}` }, packed));
install("cli", cliApp);
const log = join(work, "crm-replacement.jsonl");
run("the example project's log (examples/crm-replacement)", "pnpm", ["--silent", "--filter", "@handover-examples/crm-replacement", "start", "--", log], { cwd: ROOT });
const handover = join(cliApp, "node_modules", ".bin", "handover");
const version = run("cli: handover --version", handover, ["--version"], { cwd: cliApp });
if (version.status === 0 && version.stdout.trim() !== cliEntry.manifest.version) failures.push(`handover --version printed ${version.stdout.trim()}, not ${cliEntry.manifest.version}`);
const trace = join(work, "loads.txt");
const binScript = join(cliApp, "node_modules", "@handover", "cli", cliEntry.manifest.bin.handover);
const verify = run("cli: handover verify on the example log", "node", ["--import", join(ROOT, "scripts", "trace-loads.mjs"), binScript, "verify", log], { cwd: cliApp, env: { HANDOVER_TRACE_LOADS: trace } });
if (verify.status === 0) {
  const stores = readFileSync(trace, "utf8").split("\n").filter((url) => /store-sqlite|better-sqlite3|store-postgres|\/pg\//.test(url));
  if (stores.length > 0) failures.push(`handover verify on a JSONL log loaded a store: ${stores.join(", ")}`);
  else console.log("ok   cli: verify on a JSONL log loaded no store and no driver");
}
run("cli: handover readiness on the example log (ready: exit 0)", handover, ["readiness", log, "orbit-crm"], { cwd: cliApp });
// The CLI README's own commands, as written (`handover` is the installed binary, the log is the example's).
for (const line of readmeExample("cli").code.split("\n").filter((text) => text.startsWith("handover "))) {
  const [, ...args] = line.split(/\s+/);
  run(`cli README: ${line}`, handover, args.map((arg) => (arg === "crm-replacement.jsonl" ? log : arg)), { cwd: cliApp });
}

if (!keep) rmSync(work, { recursive: true, force: true });
if (failures.length > 0) {
  console.error(`\n${failures.join("\n\n")}`);
  process.exit(1);
}
console.log("check:consumers: every package works from its tarball as ESM, as require, under strict TypeScript (node16 and bundler); the README examples run; the packed CLI runs on the example log");
