import { readFile, writeFile } from "node:fs/promises";
import { parseInstant, rootOfEvents, toHex, type RecordedEvent } from "@handover/core";
import { beyondView, cutToView, type ViewBounds } from "@handover/testing";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { commands } from "../commands/index.js";
import { cli, SAMPLE, scratch } from "../fixtures/cli-harness.js";
import { buildCrmExample } from "../fixtures/crm-example.js";

/**
 * The view law at the CLI: every command that takes a view prints, with `--json`, the
 * same answer on a log as on the log cut to the view, and no time or position later than
 * the view. The cut is the log up to the view's last event (both logs here run in
 * business-time order, so that is the cut, but for the import's few rows out of order);
 * `verify` checks the whole chain whatever the view, so only its view's answer is checked.
 */
type Case = readonly [name: string, argv: (src: string, out: (name: string) => string) => string[]];

const EXAMPLE_CASES: readonly Case[] = [
  ["cmdb", (src) => ["cmdb", src]],
  ["replay", (src) => ["replay", src]],
  ["baseline", (src) => ["baseline", src, "Production baseline 2.0 (go-live)"]],
  ["diff of two baselines", (src) => ["diff", src, "Build complete", "Production baseline 2.0 (go-live)"]],
  ["diff with the CMDB", (src) => ["diff", src, "Build complete"]],
  ["impact", (src) => ["impact", src, "db-crm-prod", "--direction", "both"]],
  ["readiness", (src) => ["readiness", src, "orbit-crm"]],
  ["readiness --timeline", (src) => ["readiness", src, "orbit-crm", "--timeline"]],
  ["graph", (src) => ["graph", src]],
  ["findings", (src) => ["findings", src]],
  ["findings --kind", (src) => ["findings", src, "--kind", "ci_change_unauthorised,process_before_phase"]],
  ["trail", (src) => ["trail", src, "--entity", "app-crm-api"]],
  ["incidents", (src) => ["incidents", src]],
  ["report", (src, out) => ["report", src, "orbit-crm", "--out", out("pack.md"), "--force"]],
  ["metrics", (src) => ["metrics", src]],
  ["controls", (src) => ["controls", src, "--framework", "sox"]],
  ["export --format ocel2", (src, out) => ["export", src, "--format", "ocel2", "--to", out("mined.json"), "--force"]],
  ["export --format xes", (src, out) => ["export", src, "--format", "xes", "--case", "change", "--to", out("mined.xes"), "--force"]],
];

const SAMPLE_CASES: readonly Case[] = [
  ["incidents", (src) => ["incidents", src]],
  ["findings", (src) => ["findings", src]],
  ["trail", (src) => ["trail", src, "--entity", "INC0000045"]],
  ["replay", (src) => ["replay", src]],
  ["cmdb", (src) => ["cmdb", src]],
  ["metrics", (src) => ["metrics", src]],
];

/**
 * What a run answered, the source's identity taken out (the log and its cut are different
 * files): its name, and the checkpoint of the whole log read that `report` names as the
 * pack's provenance.
 */
async function answer(argv: string[], src: string): Promise<unknown> {
  const run = await cli(...argv, "--json");
  const text = (value: string) => value.split(src).join("<src>");
  const printed = (value: string): unknown => {
    const { checkpoint: _checkpoint, ...rest } = JSON.parse(text(value)) as Record<string, unknown>;
    return rest;
  };
  const flag = argv.findIndex((arg) => arg === "--out" || arg === "--to");
  const file = flag < 0 ? undefined : argv[flag + 1];
  const written = file === undefined ? undefined : text(await readFile(file, "utf8"));
  const parsed = written !== undefined && file?.endsWith(".json") === true ? (JSON.parse(written) as unknown) : written;
  return { code: run.code, stdout: run.code === 2 ? text(run.stdout) : printed(run.stdout), stderr: text(run.stderr), written: parsed };
}

const readLog = async (path: string): Promise<RecordedEvent[]> => (await readFile(path, "utf8")).trimEnd().split("\n").map((line) => JSON.parse(line) as RecordedEvent);
const canonical = (text: string): string => {
  const parsed = parseInstant(text);
  if (parsed._tag === "Left") throw new Error(parsed.left);
  return parsed.right;
};

/** Views of a log as a person asks them: no bound, a date, or an event's own time; as of, known at, or both. */
function arbitraryFlags(log: readonly RecordedEvent[]): fc.Arbitrary<string[]> {
  const time = (times: readonly string[]) => fc.oneof(fc.constantFrom(...times), fc.constantFrom(...times).map((at) => at.slice(0, 10)));
  return fc
    .record({ asOf: fc.option(time(log.map((event) => event.meta.occurredAt)), { freq: 5 }), knownAt: fc.option(time(log.map((event) => event.recordedAt)), { freq: 2 }) })
    .filter(({ asOf, knownAt }) => asOf !== null || knownAt !== null)
    .map(({ asOf, knownAt }) => [...(asOf === null ? [] : ["--as-of", asOf]), ...(knownAt === null ? [] : ["--known-at", knownAt])]);
}

function boundsOf(flags: readonly string[]): ViewBounds {
  const value = (flag: string) => (flags.includes(flag) ? canonical(flags[flags.indexOf(flag) + 1] ?? "") : undefined);
  const asOf = value("--as-of");
  const knownAt = value("--known-at");
  return { ...(asOf === undefined ? {} : { asOf }), ...(knownAt === undefined ? {} : { knownAt }) };
}

let out: (name: string) => string;
const logs: Record<"example" | "sample", { path: string; events: RecordedEvent[]; lines: string[] }> = {} as never;
beforeAll(async () => {
  out = await scratch();
  const example = await buildCrmExample("view-law");
  const sample = out("sample.jsonl");
  const imported = await cli("import", "servicenow", SAMPLE, "--out", sample);
  if (imported.code !== 0) throw new Error(imported.stderr);
  for (const [name, path] of [["example", example.jsonl], ["sample", sample]] as const) {
    logs[name] = { path, events: await readLog(path), lines: (await readFile(path, "utf8")).trimEnd().split("\n") };
  }
}, 120_000);

describe("the view law at the CLI", () => {
  it("takes a view in every command that reads a log, and checks each here", () => {
    const viewed = commands.filter((command) => "as-of" in command.options).map((command) => command.path.join(" "));
    const checked = new Set([...EXAMPLE_CASES, ...SAMPLE_CASES].map(([, argv]) => argv("<src>", () => "x")[0]));
    expect(viewed.filter((name) => !checked.has(name) && name !== "verify")).toEqual([]);
  });

  it("names in every --json answer the checkpoint it was computed from: the size, tree root and head hash of the events it read, which handover checkpoint gives when it read them all", async () => {
    for (const [name, cases] of [["example", EXAMPLE_CASES], ["sample", SAMPLE_CASES]] as const) {
      const { path, events } = logs[name];
      const prefix = (size: number) => ({ size, root: toHex(rootOfEvents(events.slice(0, size).map((event) => event.hash))), headHash: events[size - 1]?.hash });
      const given = JSON.parse((await cli("checkpoint", path, "--json")).stdout) as { size: number; root: string; headHash: string };
      expect({ size: given.size, root: given.root, headHash: given.headHash }).toEqual(prefix(events.length));
      for (const [label, argv] of [...cases, ["findings as of the first event", (src: string) => ["findings", src, "--as-of", events[0]?.meta.occurredAt ?? ""]] as const]) {
        const run = await cli(...argv(path, out), "--json");
        expect(run.code, `${label}: ${run.stderr}`).not.toBe(2);
        const { checkpoint } = JSON.parse(run.stdout) as { checkpoint?: { size: number } };
        expect(checkpoint, `${name} ${label}`).toEqual(prefix(checkpoint?.size ?? -1));
      }
    }
  }, 120_000);

  for (const [name, cases] of [["example", EXAMPLE_CASES], ["sample", SAMPLE_CASES]] as const) {
    it(`prints on the ${name === "example" ? "Orbit CRM example" : "imported ServiceNow sample"} what the log cut to the view prints, and nothing later than the view`, async () => {
      const { path, events, lines } = logs[name];
      await fc.assert(
        fc.asyncProperty(arbitraryFlags(events), async (flags) => {
          const bounds = boundsOf(flags);
          const last = cutToView(events, bounds).at(-1)?.position ?? 0;
          const cut = out(`${name}-cut.jsonl`);
          await writeFile(cut, lines.slice(0, last).map((line) => `${line}\n`).join(""));
          for (const [label, argv] of cases) {
            const whole = await answer([...argv(path, out), ...flags], path);
            expect(whole, `${label} ${flags.join(" ")}`).toEqual(await answer([...argv(cut, out), ...flags], cut));
            const { stdout, written } = whole as { stdout: unknown; written: unknown };
            expect(beyondView([stdout, written], bounds), `${label} ${flags.join(" ")}`).toEqual([]);
          }
          const verify = JSON.parse((await cli("verify", path, ...flags, "--json")).stdout) as unknown;
          expect(beyondView(verify, bounds), `verify ${flags.join(" ")}`).toEqual([]);
        }),
        { numRuns: name === "example" ? 4 : 8, endOnFailure: true },
      );
    }, 300_000);
  }
});
