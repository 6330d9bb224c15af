import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** Lint: the TypeScript recommended rules, no `any`, no `!`, and the size habits of STYLE.md as warnings. */
export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "**/coverage/**", "bench/results/**", "**/test-output/**", "docs/api/**", "**/.readme-example/**", "**/.guide-embedding/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["**/*.ts"],
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-non-null-assertion": "error",
      "@typescript-eslint/consistent-type-imports": ["error", { fixStyle: "inline-type-imports" }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_", destructuredArrayIgnorePattern: "^_" }],
      "max-lines": ["warn", { max: 250, skipBlankLines: true, skipComments: true }],
      "max-params": ["warn", 6],
      complexity: ["warn", 12],
    },
  },
  {
    files: ["**/*.test.ts", "**/fixtures/**"],
    rules: { "max-lines": "off", complexity: "off" },
  },
  {
    files: ["**/*.js", "**/*.mjs"],
    languageOptions: { globals: { process: "readonly", console: "readonly", URL: "readonly" } },
  },
);
