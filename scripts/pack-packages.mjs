// Packs every published package with pnpm (workspace: versions and publishConfig applied, as on
// publish) and reads back what each tarball holds: files, unpacked bytes, the packed manifest.
import { execFileSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { publishedPackages } from "./package-manifest.mjs";

/** One packed package: its name, folder, tarball path and the files in it (path, bytes). */
export function packAll(destination) {
  mkdirSync(destination, { recursive: true });
  return publishedPackages().map(({ folder, manifest }) => {
    const output = execFileSync("pnpm", ["pack", "--json", "--pack-destination", destination], { cwd: join("packages", folder), encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    const tarball = JSON.parse(output).filename;
    return { name: manifest.name, folder, tarball, ...inspectTarball(tarball) };
  });
}

/** The files of a tarball (path inside `package/`, size in bytes) and its packed package.json. */
export function inspectTarball(tarball) {
  const listing = execFileSync("tar", ["-tvzf", tarball], { encoding: "utf8" });
  const files = listing
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => {
      const fields = line.trim().split(/\s+/);
      return { path: fields.slice(5).join(" ").replace(/^package\//, ""), bytes: Number(fields[2]) };
    });
  const manifest = JSON.parse(execFileSync("tar", ["-xzOf", tarball, "package/package.json"], { encoding: "utf8" }));
  return { files, manifest, unpackedBytes: files.reduce((sum, file) => sum + file.bytes, 0) };
}

/** Why a tarball holds something users do not run (one line each): tests, fixtures, sources, maps, stale entries. */
export function contentProblems(packed) {
  const problems = [];
  const allowed = /^(package\.json|README\.md|CHANGELOG\.md|LICENSE|dist\/[^/]+\.(js|cjs|d\.ts|d\.cts))$/;
  for (const file of packed.files) {
    if (!allowed.test(file.path)) problems.push(`ships ${file.path} (only dist/*.js, .cjs, .d.ts, .d.cts and the package's README, CHANGELOG and LICENSE belong in it)`);
  }
  for (const required of ["README.md", "CHANGELOG.md", "LICENSE", "dist/index.js", "dist/index.cjs", "dist/index.d.ts", "dist/index.d.cts"]) {
    if (!packed.files.some((file) => file.path === required)) problems.push(`lacks ${required}`);
  }
  const text = JSON.stringify(packed.manifest);
  if (text.includes("workspace:")) problems.push("its package.json still has workspace: versions");
  if (text.includes('"source"')) problems.push('its package.json still has the workspace-only "source" condition');
  for (const target of Object.values(packed.manifest.bin ?? {})) {
    if (!packed.files.some((file) => `./${file.path}` === target)) problems.push(`bin ${target} is not in the tarball`);
  }
  return problems;
}
