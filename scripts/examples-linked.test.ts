import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

describe("the examples", () => {
  it("each has a README and is linked from the repository's README", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const examples = readdirSync(join(ROOT, "examples"), { withFileTypes: true }).filter((entry) => entry.isDirectory() && !entry.name.startsWith("."));
    expect(examples.length).toBeGreaterThan(0);
    for (const { name } of examples) {
      expect(existsSync(join(ROOT, "examples", name, "README.md")), `examples/${name}/README.md`).toBe(true);
      expect(readme, `README.md links examples/${name}`).toMatch(new RegExp(`\\]\\(examples/${name}(/README\\.md)?\\)`));
    }
  });
});
