#!/usr/bin/env node
// Fails when a source file lists Handover's processes by hand instead of reading the one list
// (packages/projections/src/processes/index.ts): an array or argument list naming the
// descriptors, catalogues, deciders or command schemas of two or more processes; an array of
// five or more process names or stream prefixes (nearly all of them: a deliberate selection of
// a few is not a list of the processes); an object keyed by five or more; a type union of four
// or more names; a switch over three or more. Test code and fixtures may list what they test.
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { join, relative } from "node:path";

const ONE_LIST = "packages/projections/src/processes/index.ts";
/** Files that name processes for another reason, and why. */
const EXEMPT = new Map([
  ["packages/itil/src/ids.ts", "the id vocabulary: one branded id type per kind of entity (itil sits below the process packages)"],
  ["scripts/check-processes.mjs", "this check: it names the processes to find lists of them"],
]);

const IDENTIFIER = /\b(configuration|change|incident|problem|release|project)(Process|Catalogue|Decider|Wiring|Lifecycle|Events)\b|\b(Configuration|Change|Incident|Problem|Release|Project)(Command|Event)\b/g;
const LITERAL = /["'`](configuration|change|incident|problem|release|project|ci)(-?)["'`]/g;

function* sourceFiles(folder) {
  if (!existsSync(folder)) return;
  for (const entry of readdirSync(folder)) {
    const path = join(folder, entry);
    if (entry === "node_modules" || entry === "dist") continue;
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|mts|mjs|js)$/.test(entry) && !/\.test\.ts$/.test(entry)) yield path;
  }
}

const distinct = (matches, pick) => new Set(matches.map(pick));
const processOfIdentifier = (match) => (match[1] ?? match[3] ?? "").toLowerCase();

/** The innermost parenthesised and braced segments of a text. */
function segments(text, open, close) {
  const pattern = new RegExp(`\\${open}[^\\${open}\\${close}]*\\${close}`, "g");
  return [...text.matchAll(pattern)].map((match) => ({ text: match[0], index: match.index }));
}

/** Every array literal (or tuple) of a text with what it nests: `[["change", changeCatalogue], ...]` whole. */
function arrays(text) {
  const found = [];
  const open = [];
  for (let index = 0; index < text.length; index++) {
    if (text[index] === "[") open.push(index);
    else if (text[index] === "]" && open.length > 0) {
      const start = open.pop();
      found.push({ text: text.slice(start, index + 1), index: start });
    }
  }
  return found;
}

const lineOf = (text, index) => text.slice(0, index).split("\n").length;

/** Every place a file lists processes by hand: `line: what`. */
function listingsIn(text) {
  const found = [];
  for (const segment of [...arrays(text), ...segments(text, "(", ")")]) {
    const identifiers = distinct([...segment.text.matchAll(IDENTIFIER)], processOfIdentifier);
    if (identifiers.size >= 2) found.push(`${lineOf(text, segment.index)}: lists the ${[...identifiers].join(", ")} processes by their descriptors, catalogues, deciders or commands`);
    const literals = distinct([...segment.text.matchAll(LITERAL)], (match) => (match[1] === "ci" ? "configuration" : match[1]));
    if (segment.text.startsWith("[") && literals.size >= 5) found.push(`${lineOf(text, segment.index)}: lists the ${[...literals].join(", ")} processes by name`);
  }
  for (const segment of segments(text, "{", "}")) {
    const keys = distinct([...segment.text.matchAll(/(?:^|[\s{,])(configuration|change|incident|problem|release|project)\s*:/g)], (match) => match[1]);
    if (keys.size >= 5) found.push(`${lineOf(text, segment.index)}: keys an object by the ${[...keys].join(", ")} processes`);
  }
  for (const union of text.matchAll(/(?:["'](?:configuration|change|incident|problem|release|project)["']\s*\|\s*){3,}["'](?:configuration|change|incident|problem|release|project)["']/g)) {
    found.push(`${lineOf(text, union.index)}: a type union of process names`);
  }
  const cases = distinct([...text.matchAll(/case\s+["'](configuration|change|incident|problem|release|project)["']\s*:/g)], (match) => match[1]);
  if (cases.size >= 3) found.push(`switches over the ${[...cases].join(", ")} processes`);
  return [...new Set(found)];
}

/** Every listing in the repository's packages and scripts but the one list, exempt files, tests and fixtures. */
function checkRepository(root = ".") {
  const problems = [];
  const folders = [...readdirSync(join(root, "packages")).map((name) => join(root, "packages", name, "src")), join(root, "scripts")];
  for (const folder of folders) {
    for (const file of sourceFiles(folder)) {
      const path = relative(root, file).split("\\").join("/");
      if (path === ONE_LIST || EXEMPT.has(path) || /\/(fixtures|test-support)\//.test(path)) continue;
      for (const listing of listingsIn(readFileSync(file, "utf8"))) problems.push(`${path}:${listing}; read the one list of processes (${ONE_LIST}) instead`);
    }
  }
  return problems;
}

const problems = checkRepository();
if (problems.length > 0) {
  console.error(problems.join("\n"));
  console.error(`check:processes: ${problems.length} place(s) list the processes by hand`);
  process.exit(1);
}
console.log(`check:processes: every list of processes comes from ${ONE_LIST}`);
