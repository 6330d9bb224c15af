// The example of each package's README: the first fenced block under "## Example" (```ts: a
// program, or a vitest test file when the package is the test kit; ```sh: handover commands),
// and the output it prints: the first ```text block after it. Run from source by
// scripts/readme-examples.test.ts and from the packed tarballs by scripts/check-consumers.mjs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const rootFolder = fileURLToPath(new URL("..", import.meta.url));

/** Packages whose example is a vitest test file rather than a program. */
const TEST_FILE_EXAMPLES = new Set(["testing"]);

/**
 * The example of packages/<folder>/README.md: `{ kind: "program" | "test" | "shell", code, output }`
 * (`output` is the expected stdout, or undefined when the README shows none). Throws naming the
 * README when it has no example.
 */
export function readmeExample(folder, root = rootFolder) {
  const path = join(root, "packages", folder, "README.md");
  const text = readFileSync(path, "utf8");
  const section = text.split(/^## /m).find((part) => part.startsWith("Example"));
  if (section === undefined) throw new Error(`${path}: no "## Example" section`);
  const blocks = [...section.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map((match) => ({ lang: match[1], body: match[2] }));
  const code = blocks.find((block) => block.lang === "ts" || block.lang === "sh");
  if (code === undefined) throw new Error(`${path}: its Example section has no \`\`\`ts or \`\`\`sh block`);
  const after = blocks.slice(blocks.indexOf(code) + 1).find((block) => block.lang === "text");
  const kind = code.lang === "sh" ? "shell" : TEST_FILE_EXAMPLES.has(folder) ? "test" : "program";
  return { kind, code: code.body, output: after?.body };
}

/** Output as examples compare it: trailing spaces and the final newlines dropped, line endings LF. */
export function normaliseOutput(text) {
  return text
    .replace(/\r\n/g, "\n")
    .split("\n")
    .map((line) => line.trimEnd())
    .join("\n")
    .trimEnd();
}
