import { writeJsonl, type RecordedEvent } from "@handover/core";
import { buildChainedLog } from "@handover/testing";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, cliWith, scratch } from "../fixtures/cli-harness.js";
import { projectStory } from "../fixtures/project-story.js";

/** Text a log may hold in free-text fields, meant to take over a terminal: clear the screen, recolour, ring, return and forge a row, a C1 CSI, a bidirectional override, a line separator, a NUL. */
const HOSTILE = "\u001b[2J\u001b[31mRED\u0007\r\ncrm-fake  server  forged\u009b31m\u202eevil\u2028end\u0000";
// eslint-disable-next-line no-control-regex -- the test looks for exactly these
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;
/** Events whose `name` is free text (other names, of attributes or baselines, are identifiers). */
const NAMED = new Set(["configuration.ci_registered", "project.started"]);
const FREE_TEXT = new Set(["title", "comment", "lessons", "workaround", "symptom", "rootCause", "resolutionNotes", "impactSummary", "implementationPlan", "testPlan", "backOutPlan", "value"]);

/** The story's events with every free-text field (names of CIs and the project, titles, notes, attribute values) holding the hostile text, chained anew. */
function hostile(events: readonly RecordedEvent[]): RecordedEvent[] {
  const poison = (value: unknown, named: boolean, key = ""): unknown => {
    if (typeof value === "string") return FREE_TEXT.has(key) || (named && key === "name") ? `${value} ${HOSTILE}` : value;
    if (Array.isArray(value)) return value.map((item) => poison(item, false));
    if (value === null || typeof value !== "object") return value;
    const entries = Object.entries(value).map(([member, inner]) => [member, member === "attributes" ? Object.fromEntries(Object.keys(inner as object).map((name) => [name, HOSTILE])) : poison(inner, named && typeof inner === "string", member)]);
    return Object.fromEntries(entries);
  };
  return buildChainedLog(
    events.map((event) => ({ streamId: event.streamId, type: event.type, data: poison(event.data, NAMED.has(event.type)), meta: event.meta, recordedAt: event.recordedAt, schemaVersion: event.schemaVersion })),
  );
}

let source = "";
beforeAll(async () => {
  const path = await scratch();
  source = path("hostile.jsonl");
  await writeJsonl(source, hostile(await projectStory()));
});

const TEXT_COMMANDS: readonly (readonly string[])[] = [
  ["cmdb"],
  ["trail"],
  ["findings"],
  ["incidents"],
  ["readiness", "crm"],
  ["readiness", "crm", "--timeline"],
  ["replay"],
  ["diff", "design-freeze", "go-live"],
  ["impact", "crm-app"],
  ["metrics"],
  ["controls"],
  ["baseline", "go-live"],
  ["graph"],
  ["verify"],
];

describe("every text command on a log holding terminal escapes", () => {
  it.each(TEXT_COMMANDS.map((args) => [args.join(" "), args] as const))("%s prints them escaped, never raw", async (_, [command = "", ...rest]) => {
    const run = await cli(command, source, ...rest);
    expect(run.stderr, run.stderr).toBe("");
    expect(run.stdout.length).toBeGreaterThan(0);
    expect(run.stdout).not.toMatch(RAW_CONTROL);
    expect(run.stderr).not.toMatch(RAW_CONTROL);
  });

  it("shows the text visibly where a command prints it, on one row: cmdb in full, trail in its data summary", async () => {
    const cmdb = await cli("cmdb", source);
    expect(cmdb.stdout).toContain("CRM database \\u001b[2J\\u001b[31mRED\\u0007\\r\\ncrm-fake  server  forged\\u009b31m\\u202eevil\\u2028end\\u0000 ");
    expect(cmdb.stdout).toMatch(/^crm-db +database +CRM database .*\\u0000 +cm-ben +in_test/m);
    expect(cmdb.stdout).not.toMatch(/^crm-fake/m);
    const trail = await cli("trail", source);
    expect(trail.stdout).toContain("\\u001b[2J\\u001b[31mRED");
    expect(trail.stdout).not.toMatch(/^crm-fake/m);
  });

  it("keeps colour, which is this program's own, on a terminal", async () => {
    const run = await cliWith({ terminal: { stdout: true, stderr: false }, env: {} }, "readiness", source, "crm");
    // eslint-disable-next-line no-control-regex -- the colour sequences are what this test looks for
    const colours = new RegExp("\u001b\\[\\d+m", "g");
    expect(run.stdout.match(colours)?.length).toBeGreaterThan(2);
    expect(run.stdout.replace(colours, "")).not.toMatch(RAW_CONTROL);
  });

  it("keeps --json exact: the same text, escaped as JSON escapes it", async () => {
    for (const command of ["cmdb", "trail"]) {
      const run = await cli(command, source, "--json");
      expect(run.stdout).not.toMatch(RAW_CONTROL);
      expect(JSON.stringify(JSON.parse(run.stdout)), command).toContain(JSON.stringify(HOSTILE).slice(1, -1));
    }
  });
});
