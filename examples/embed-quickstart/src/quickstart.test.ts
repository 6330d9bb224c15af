import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

describe("the README's embedding example", () => {
  it("is in the README word for word", () => {
    const example = readFileSync(here("./quickstart.ts"), "utf8").trim();
    expect(readFileSync(here("../../../README.md"), "utf8")).toContain(example);
  });

  it("runs: refuses the uncontrolled change, accepts it under the authorised change, reports readiness", () => {
    const output = execFileSync(process.execPath, ["--conditions=source", "--import", "tsx", here("./quickstart.ts")], { encoding: "utf8", cwd: here("../../..") });
    const lines = output.trim().split("\n");
    expect(lines.slice(0, 9).map((line) => line.split(" ")[0])).toEqual(["ok", "ok", "ok", "refused", "ok", "ok", "ok", "ok", "ok"]);
    expect(lines[3]).toContain("change_not_authorised");
    expect(output).toContain('crm-db: {"version":"16"}');
    expect(output).toMatch(/ready to hand over: false; failing: .*baseline/);
  });
});
