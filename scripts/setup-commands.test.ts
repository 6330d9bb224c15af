import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const pinned = (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { packageManager: string }).packageManager;

describe("the README's set-up commands", () => {
  it("give the two commands with the global install, and the same pnpm without root (npx, corepack), all at the version package.json pins", () => {
    expect(pinned).toMatch(/^pnpm@\d+\.\d+\.\d+$/);
    const blocks = [...readme.matchAll(/^```sh\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? "");
    const lines = blocks.flatMap((block) => block.split("\n")).filter((line) => line.trim() !== "");
    expect(lines).toContain(`npm install -g ${pinned} && pnpm install --frozen-lockfile && pnpm start`);
    expect(lines).toContain(`npm install -g ${pinned} && pnpm install --frozen-lockfile && pnpm test`);
    expect(lines).toContain(`npx -y ${pinned} install --frozen-lockfile && npx -y ${pinned} start`);
    // corepack takes the version from package.json's packageManager, checked above.
    expect(lines).toContain("corepack pnpm install --frozen-lockfile && corepack pnpm start");
  });
});
