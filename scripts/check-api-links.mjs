#!/usr/bin/env node
// After `typedoc`: every package README's API reference link names a page the build wrote
// (docs/api/...), so the links on the package pages cannot go stale. Exits 1 naming the README.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { publishedPackages } from "./package-manifest.mjs";

const failures = [];
for (const { folder } of publishedPackages()) {
  const readme = join("packages", folder, "README.md");
  const links = [...readFileSync(readme, "utf8").matchAll(/\]\((https:\/\/[^)]*?\/api\/([^)#]+))/g)];
  if (links.length === 0) failures.push(`${readme}: no link to the API reference`);
  for (const [, url, page] of links) if (!existsSync(join("docs", "api", page))) failures.push(`${readme}: ${url} is not a page of the API reference (docs/api/${page})`);
}
if (failures.length > 0) {
  console.error(failures.join("\n"));
  process.exit(1);
}
console.log("docs:api: every package README links to its page of the API reference");
