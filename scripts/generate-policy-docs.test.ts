import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..");
const POLICY_MD = join(ROOT, "docs", "policy.md");
const generator = (...args: string[]) => spawnSync(process.execPath, ["--conditions=source", "--import", "tsx", "scripts/generate-policy-docs.ts", ...args], { cwd: ROOT, encoding: "utf8" });
const folder = mkdtempSync(join(tmpdir(), "policy-docs-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe("docs/policy.md, the defaults", () => {
  it("is what scripts/generate-policy-docs.ts writes from the code's default objects now (run `pnpm docs:policy` when this fails)", () => {
    const check = generator("--check");
    expect(check.stderr).toBe("");
    expect(check.status).toBe(0);
  });

  it("gives every rule of every process with its default mode, the phases, the matrix, the SLA and the readiness criteria", () => {
    const text = readFileSync(POLICY_MD, "utf8");
    for (const rule of ["ci_change_authorised", "segregation_of_duties", "approver_role", "back_out_plan", "emergency_review", "release_changes_authorised", "release_tested", "signoff_readiness", "phase_gate", "release_approved", "problem_resolution"]) {
      expect(text, rule).toContain(`| \`${rule}\` |`);
    }
    expect(text).toContain("| `solution_change` | system_test | enforce | yes |");
    expect(text).toContain("| 1 | 1 | 2 | 3 |");
    expect(text).toContain("| P1 | 15 min | 240 min |");
    expect(text).toContain("Open incidents at priority 2 or higher");
  });

  it("--check fails on a page that no longer matches the defaults", () => {
    const stale = join(folder, "policy.md");
    writeFileSync(stale, readFileSync(POLICY_MD, "utf8").replace("| `solution_change` | system_test |", "| `solution_change` | build |"));
    const check = generator("--check", "--file", stale);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain("is out of date with the code's defaults; run `pnpm docs:policy`");
  });
});
