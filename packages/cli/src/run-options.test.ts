import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { writeJsonl } from "@handover/core";
import { cli, cliWith, scratch } from "./fixtures/cli-harness.js";
import { projectStory } from "./fixtures/project-story.js";
import { colourOn } from "./output/style.js";

const manifest = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string };
const terminal = { stdout: true, stderr: true };
const ESC = "\u001b[";

describe("handover --version", () => {
  it("prints the package's version and exits 0", async () => {
    expect(await cli("--version")).toEqual({ code: 0, stdout: `${manifest.version}\n`, stderr: "" });
  });
});

describe("handover help <command>", () => {
  it("prints the binary's help with the options every command takes", async () => {
    const run = await cli("help");
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("commands:");
    expect(run.stdout).toMatch(/--no-color/);
    expect(run.stdout).toMatch(/--version/);
    expect(run.stdout).toBe((await cli("--help")).stdout);
  });

  it("prints one command's help, the same as <command> --help, for one- and two-word commands", async () => {
    for (const words of [["verify"], ["import", "servicenow"]]) {
      const run = await cli("help", ...words);
      expect(run).toMatchObject({ code: 0, stderr: "" });
      expect(run.stdout).toContain(`usage: handover ${words.join(" ")}`);
      expect(run.stdout).toBe((await cli(...words, "--help")).stdout);
    }
  });

  it("refuses an unknown command with exit 2 and the known ones", async () => {
    expect(await cli("help", "frobnicate")).toMatchObject({ code: 2, stdout: "", stderr: expect.stringContaining('unknown command "frobnicate"') });
    expect(await cli("help", "import", "jira")).toMatchObject({ code: 2, stderr: 'handover import: unknown "jira"; known: servicenow\n' });
  });
});

describe("colour", () => {
  const decide = (env: Record<string, string>, onTerminal: boolean, colour?: boolean) =>
    colourOn({ stdout: () => undefined, stderr: () => undefined, now: () => "", env, terminal: { stdout: onTerminal, stderr: onTerminal }, ...(colour === undefined ? {} : { colour }) });

  it("is on for a terminal, off when piped", () => {
    expect(decide({}, true)).toBe(true);
    expect(decide({}, false)).toBe(false);
  });

  it("is off for TERM=dumb and NO_COLOR, on for FORCE_COLOR even when piped, off for FORCE_COLOR=0", () => {
    expect(decide({ TERM: "dumb" }, true)).toBe(false);
    expect(decide({ NO_COLOR: "1" }, true)).toBe(false);
    expect(decide({ NO_COLOR: "" }, true)).toBe(true);
    expect(decide({ FORCE_COLOR: "1" }, false)).toBe(true);
    expect(decide({ FORCE_COLOR: "" }, false)).toBe(true);
    expect(decide({ FORCE_COLOR: "1", NO_COLOR: "1", TERM: "dumb" }, false)).toBe(true);
    expect(decide({ FORCE_COLOR: "0" }, true)).toBe(false);
    expect(decide({ FORCE_COLOR: "false" }, true)).toBe(false);
  });

  it("follows --no-color and --color over the environment", () => {
    expect(decide({ FORCE_COLOR: "1" }, true, false)).toBe(false);
    expect(decide({ NO_COLOR: "1", TERM: "dumb" }, false, true)).toBe(true);
  });

  it("reaches a command's output: --no-color anywhere turns a terminal's colour off, FORCE_COLOR turns it on when piped, TERM=dumb off", async () => {
    const path = await scratch();
    const log = path("story.jsonl");
    await writeJsonl(log, await projectStory());
    const readiness = ["readiness", log, "crm"];
    expect((await cliWith({ terminal }, ...readiness)).stdout).toContain(ESC);
    expect((await cliWith({}, ...readiness)).stdout).not.toContain(ESC);
    for (const argv of [[...readiness, "--no-color"], ["--no-color", ...readiness], [readiness[0] ?? "", "--no-color", ...readiness.slice(1)]]) {
      const run = await cliWith({ terminal }, ...argv);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain("READY");
      expect(run.stdout).not.toContain(ESC);
    }
    expect((await cliWith({ terminal, env: { TERM: "dumb" } }, ...readiness)).stdout).not.toContain(ESC);
    expect((await cliWith({ env: { FORCE_COLOR: "1" } }, ...readiness)).stdout).toContain(ESC);
    expect((await cliWith({}, ...readiness, "--color")).stdout).toContain(ESC);
  });
});
