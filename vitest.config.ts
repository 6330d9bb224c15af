import { readdirSync, existsSync } from "node:fs";
import { configDefaults, defineConfig } from "vitest/config";

/** Every workspace folder that holds tests, and scripts/, becomes one vitest project that inherits this config. */
const projectFolders = ["packages", "examples"]
  .flatMap((parent) =>
    existsSync(parent) ? readdirSync(parent).map((name) => `${parent}/${name}`) : [],
  )
  .concat(existsSync("bench/package.json") ? ["bench"] : [])
  .filter((folder) => existsSync(`${folder}/package.json`))
  // The repository's own scripts (check:graph and the like) have tests too.
  .concat(["scripts"]);

export default defineConfig({
  resolve: { conditions: ["source", "module", "node", "default"] },
  ssr: { resolve: { conditions: ["source", "node", "default"] } },
  test: {
    testTimeout: 20_000,
    // Test files share a worker's module cache: importing the packages from source once per
    // worker instead of once per file cuts the suite's time by more than half.
    pool: "threads",
    isolate: false,
    exclude: [...configDefaults.exclude, "**/results/**", "**/test-output/**", "**/dist/**"],
    reporters: ["default", "json"],
    outputFile: { json: ".vitest-results.json" },
    hookTimeout: 30_000,
    projects: projectFolders.map((folder) => ({
      extends: true,
      test: { name: folder.split("/").pop() ?? folder, root: folder },
    })),
  },
});
