import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import { findTranscripts } from "./blocks.js";
import { firstDifference, markdownFiles } from "./main.js";
import { prepareExample } from "./prepare.js";
import { refreshFile, type RefreshedFile } from "./transcripts.js";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const files = markdownFiles(ROOT);
const refreshed: RefreshedFile[] = [];

beforeAll(async () => {
  prepareExample(ROOT);
  for (const path of files) refreshed.push(await refreshFile(path, ROOT));
}, 300_000);

describe("the docs' transcripts (run `pnpm docs:transcripts` when this fails)", () => {
  it("hold what their commands print now, so no figure, hash or excerpt in the docs is stale", () => {
    const stale = refreshed.filter((file) => file.after !== file.before).map(firstDifference);
    expect(stale).toEqual([]);
    expect(refreshed.flatMap((file) => file.broken)).toEqual([]);
  });

  it("print JSON for every --json command, exactly as the docs write it", () => {
    const jsonSteps = refreshed.flatMap((file) => findTranscripts(file.after).flatMap((block) => block.steps.filter((step) => /(^|\s)--json(\s|$)/.test(step.command))));
    expect(jsonSteps.length).toBeGreaterThan(0);
    for (const step of jsonSteps) expect(() => JSON.parse(step.output.join("\n")), step.command).not.toThrow();
  });

  it("show every documented --json command of the CLI in a transcript, where it is run", () => {
    const untested = files.flatMap((path) => {
      const text = readFileSync(path, "utf8");
      const inTranscripts = new Set(findTranscripts(text).flatMap((block) => block.steps.map((step) => step.command)));
      return text
        .split("\n")
        .map((line) => line.replace(/^\$ /, "").trim())
        .filter((line) => /^pnpm (-s |--silent )?handover .*--json/.test(line) && !inTranscripts.has(line))
        .map((line) => `${path}: ${line}`);
    });
    expect(untested).toEqual([]);
  });
});
