import { writeJsonl, type RecordedEvent } from "@handover/core";
import { buildChainedLog, type LogEntry } from "@handover/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { commands } from "./commands/index.js";
import { cli, cliWith, scratch } from "./fixtures/cli-harness.js";
import { projectStory } from "./fixtures/project-story.js";
import { PROGRESS_THRESHOLD } from "./output/progress.js";

let story: RecordedEvent[];
let path: (name: string) => string;
let log: string;
beforeAll(async () => {
  story = await projectStory();
  path = await scratch();
  log = path("story.jsonl");
  await writeJsonl(log, story);
});

/** Every read command, with the arguments it needs after the source. */
const READ_COMMANDS: readonly (readonly string[])[] = [
  ["verify"],
  ["replay"],
  ["cmdb"],
  ["baseline", "go-live"],
  ["diff", "go-live"],
  ["impact", "crm-db"],
  ["readiness", "crm"],
  ["findings"],
  ["trail"],
  ["graph"],
  ["incidents"],
];

describe("conventions every command keeps", () => {
  it("--help on every command prints its usage, its options and an example, and exits 0", async () => {
    for (const command of commands) {
      const words = command.path.join(" ");
      const run = await cli(...command.path, "--help");
      expect(run.code, words).toBe(0);
      expect(run.stdout, words).toMatch(new RegExp(`^usage: handover ${words} `));
      expect(run.stdout, words).toContain(`example:\n  handover ${words} `);
    }
  });

  it("every read command takes --as-of and --known-at and says which view it shows", async () => {
    for (const [name = "", ...rest] of READ_COMMANDS) {
      const run = await cli(name, log, ...rest, "--known-at", "2026-03-25", "--as-of", "2026-03-24T12:00:00+01:00");
      expect(run.stderr, name).toBe("");
      expect(run.stdout, name).toContain("view: as of 2026-03-24T11:00:00.000Z (what was true then, by business time), known at 2026-03-25T23:59:59.999Z");
      const json = JSON.parse((await cli(name, log, ...rest, "--as-of", "2026-03-24", "--json")).stdout) as { view: unknown };
      expect(json.view, name).toEqual({ asOf: "2026-03-24T23:59:59.999Z", knownAt: null });
    }
    const report = await cli("report", log, "crm", "--out", path("pack.html"), "--known-at", "2026-03-25");
    expect(report.stdout).toContain("view: known at 2026-03-25T23:59:59.999Z");
  });

  it("every read command refuses a bad time, a missing source and a corrupt line with exit 2 and one line", async () => {
    const corrupt = path("corrupt.jsonl");
    await writeJsonl(corrupt, story.slice(0, 3));
    const { appendFile } = await import("node:fs/promises");
    await appendFile(corrupt, '{"position": 4, "oops"\n');
    for (const [name = "", ...rest] of READ_COMMANDS) {
      for (const argv of [[name, log, ...rest, "--as-of", "yesterday"], [name, log, ...rest, "--known-at", "2026-02-30"], [name, path("absent.jsonl"), ...rest], [name, corrupt, ...rest]]) {
        const run = await cli(...argv);
        expect(run.code, argv.join(" ")).toBe(2);
        expect(run.stdout, argv.join(" ")).toBe("");
        expect(run.stderr.trimEnd().split("\n"), argv.join(" ")).toHaveLength(1);
      }
      expect((await cli(name, corrupt, ...rest)).stderr, name).toContain("corrupt.jsonl line 4: not valid JSON");
    }
  });
});

describe("progress and colour", () => {
  /** A log longer than the progress threshold: the story, then many attribute changes of one CI. */
  async function longLog(): Promise<string> {
    const entries: LogEntry[] = story.map(({ streamId, type, data, meta, recordedAt }) => ({ streamId, type, data, meta, recordedAt }));
    for (let build = 1; build <= PROGRESS_THRESHOLD + 500; build++) {
      const at = new Date(Date.parse("2026-04-01T00:00:00Z") + build * 60_000).toISOString();
      const data = { ciId: "app-server", at, by: "cm-ben", changeControl: { required: false }, name: "build", ...(build === 1 ? {} : { oldValue: build - 1 }), newValue: build };
      entries.push({ streamId: "ci-app-server", type: "configuration.attribute_set", data, meta: { actor: "cm-ben", occurredAt: at }, recordedAt: at });
    }
    const file = path("long.jsonl");
    await writeJsonl(file, buildChainedLog(entries));
    return file;
  }

  it("draws a progress bar on stderr while reading a long log, only when stderr is a terminal, and erases it", async () => {
    const file = await longLog();
    const total = story.length + PROGRESS_THRESHOLD + 500;
    const onTerminal = await cliWith({ terminal: { stdout: false, stderr: true } }, "cmdb", file, "--json");
    expect(onTerminal.code).toBe(0);
    expect(onTerminal.stderr).toMatch(new RegExp(`^\\rreading .*long\\.jsonl \\[-{28}\\]   0% 0/${total.toLocaleString("en")} events`));
    expect(onTerminal.stderr).toContain(`[${"#".repeat(28)}] 100% ${total.toLocaleString("en")}/${total.toLocaleString("en")} events`);
    expect(onTerminal.stderr).toMatch(/\r +\r$/);
    const cmdb = JSON.parse(onTerminal.stdout) as { cis: { ciId: string; attributes: Record<string, unknown> }[] };
    expect(cmdb.cis.find((ci) => ci.ciId === "app-server")?.attributes).toEqual({ build: PROGRESS_THRESHOLD + 500 });
    const piped = await cliWith({ terminal: { stdout: false, stderr: false } }, "cmdb", file, "--json");
    expect(piped.stderr).toBe("");
    const short = await cliWith({ terminal: { stdout: false, stderr: true } }, "cmdb", log, "--json");
    expect(short.stderr).toBe("");
  });

  it("colours verdicts on a terminal, and never when NO_COLOR is set or output is piped", async () => {
    const asOf = ["readiness", log, "crm", "--as-of", "2026-03-26"];
    const coloured = await cliWith({ terminal: { stdout: true, stderr: false }, env: {} }, ...asOf);
    expect(coloured.stdout).toContain("\u001b[31mNOT READY\u001b[0m");
    expect(coloured.stdout).toContain("\u001b[32mPASS\u001b[0m");
    const noColor = await cliWith({ terminal: { stdout: true, stderr: false }, env: { NO_COLOR: "1" } }, ...asOf);
    expect(noColor.stdout).not.toContain("\u001b[");
    expect(noColor.stdout).toContain("NOT READY");
    const piped = await cliWith({ terminal: { stdout: false, stderr: false }, env: {} }, ...asOf);
    expect(piped.stdout).not.toContain("\u001b[");
  });
});
