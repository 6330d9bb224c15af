import { execFileSync, spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import type { RecordedEvent } from "@handover/core";
import { idsMentioned } from "@handover/projections";
import { Ajv } from "ajv";
import addFormatsModule from "ajv-formats";
import { validateXML } from "xmllint-wasm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "../fixtures/cli-harness.js";
import { buildCrmExample, REPOSITORY, TEST_OUTPUT, type CrmExampleLogs } from "../fixtures/crm-example.js";
import { dropSchemas, freshSchemaName, postgresReachable, postgresSource } from "../fixtures/postgres.js";

// The process-mining export of the Orbit CRM example, checked by validators of the formats
// (a JSON Schema of OCEL 2.0 with ajv, an XSD of IEEE 1849 XES with libxml2's xmllint) and
// against counts and a directly-follows relation computed here from the raw JSONL log, by
// other code than the export's. pm4py, the Python process-mining library, loads both files
// when it is installed in the git-ignored venv .venv-pm4py.

const OUTPUT = `${TEST_OUTPUT}mining/`;
const SCHEMAS = fileURLToPath(new URL("../fixtures/process-mining/", import.meta.url));
let logs: CrmExampleLogs;
let raw: RecordedEvent[];
const schemas: string[] = [];
beforeAll(async () => {
  logs = await buildCrmExample("mining");
  raw = (await readFile(logs.jsonl, "utf8")).trimEnd().split("\n").map((line) => JSON.parse(line) as RecordedEvent);
}, 120_000);
afterAll(() => dropSchemas(schemas));

interface OcelJson {
  readonly objectTypes: readonly { readonly name: string }[];
  readonly eventTypes: readonly { readonly name: string; readonly attributes: readonly { readonly name: string; readonly type: string }[] }[];
  readonly objects: readonly { readonly id: string; readonly type: string; readonly attributes: readonly { readonly name: string; readonly time: string; readonly value: unknown }[]; readonly relationships: readonly { readonly objectId: string; readonly qualifier: string }[] }[];
  readonly events: readonly { readonly id: string; readonly type: string; readonly time: string; readonly attributes: readonly { readonly name: string; readonly value: unknown }[]; readonly relationships: readonly { readonly objectId: string; readonly qualifier: string }[] }[];
}

async function exported(source: string, name: string, ...format: string[]): Promise<string> {
  const to = `${OUTPUT}${name}`;
  const run = await cli("export", source, ...format, "--to", to);
  if (run.code !== 0) throw new Error(run.stderr);
  return to;
}

/** The traces of an XES file, read with regular expressions (not the export's code): each trace's name and its events' activities and positions. */
function tracesOf(xes: string): Map<string, { activity: string; position: number }[]> {
  const traces = new Map<string, { activity: string; position: number }[]>();
  for (const [, body = ""] of xes.matchAll(/<trace>([\s\S]*?)<\/trace>/g)) {
    const name = /^\s*<string key="concept:name" value="([^"]*)"\/>/.exec(body)?.[1] ?? "";
    const events = [...body.matchAll(/<event>([\s\S]*?)<\/event>/g)].map(([, event = ""]) => ({
      activity: /key="concept:name" value="([^"]*)"/.exec(event)?.[1] ?? "",
      position: Number(/key="handover:position" value="(\d+)"/.exec(event)?.[1]),
    }));
    traces.set(name, events);
  }
  return traces;
}

/** The directly-follows pairs of traces, counted: `a → b` for each event b right after a in a trace. */
function directlyFollows(traces: Iterable<readonly { activity: string }[]>): Map<string, number> {
  const pairs = new Map<string, number>();
  for (const trace of traces) for (let index = 1; index < trace.length; index++) {
    const pair = `${trace[index - 1]?.activity ?? ""} → ${trace[index]?.activity ?? ""}`;
    pairs.set(pair, (pairs.get(pair) ?? 0) + 1);
  }
  return pairs;
}

/** Each change's events from the raw log: its own stream's, and every event whose data names it under an id field (core's reading of ids, not the export's). */
function changeTracesFromRaw(): Map<string, { activity: string; position: number }[]> {
  const changes = raw.filter((event) => event.type === "change.raised").map((event) => (event.data as { changeId: string }).changeId);
  const traces = new Map(changes.map((changeId) => [changeId, [] as { activity: string; position: number }[]]));
  for (const event of raw) {
    const named = idsMentioned(event.data);
    for (const [changeId, trace] of traces) if (event.streamId === `change-${changeId}` || named.has(changeId)) trace.push({ activity: event.type, position: event.position });
  }
  return traces;
}

describe("the process-mining export of the Orbit CRM example", () => {
  it("writes OCEL 2.0 JSON that the schema accepts, with every event, every aggregate as an object, and the log's position and hash on each event", async () => {
    const file = await exported(logs.sqlite, "crm.ocel.json", "--format", "ocel2");
    const ocel = JSON.parse(await readFile(file, "utf8")) as OcelJson;
    const ajv = new Ajv({ allErrors: true, allowUnionTypes: true });
    addFormatsModule.default(ajv);
    const validate = ajv.compile(JSON.parse(await readFile(`${SCHEMAS}ocel2.schema.json`, "utf8")) as object);
    expect(validate(ocel), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    expect(validate({ ...ocel, events: [{ id: "x", type: "t", time: "yesterday" }] })).toBe(false);
    expect(ocel.events).toHaveLength(raw.length);
    expect(ocel.objects).toHaveLength(new Set(raw.map((event) => event.streamId)).size);
    expect(ocel.objectTypes.map((type) => type.name)).toEqual(["project", "ci", "change", "incident", "problem", "release"]);
    expect(new Map(ocel.objectTypes.map((type) => [type.name, ocel.objects.filter((object) => object.type === type.name).length]))).toEqual(new Map([["project", 1], ["ci", 43], ["change", 26], ["incident", 66], ["problem", 5], ["release", 5]]));
    const ids = new Set(ocel.objects.map((object) => object.id));
    for (const [index, event] of ocel.events.entries()) {
      const source = raw[index];
      const attribute = (name: string) => event.attributes.find((each) => each.name === name)?.value;
      expect([attribute("handover:position"), attribute("handover:hash"), attribute("handover:actor"), attribute("handover:recordedAt"), event.time]).toEqual([source?.position, source?.hash, source?.meta.actor, source?.recordedAt, source?.meta.occurredAt]);
      expect(event.relationships.every((relationship) => ids.has(relationship.objectId))).toBe(true);
    }
    const hotfix = ocel.objects.find((object) => object.id === "change:CHG-023");
    expect(hotfix?.attributes.filter((each) => each.name === "status").map((each) => each.value)).toEqual(["raised", "assessed", "authorised", "scheduled", "implementing", "implemented", "reviewed", "closed"]);
    expect(hotfix?.attributes.find((each) => each.name === "changeType")?.value).toBe("emergency");
    const release = ocel.objects.find((object) => object.id === "release:REL-2.0.1");
    expect(release?.relationships).toContainEqual({ objectId: "change:CHG-023", qualifier: "bundles" });
  }, 60_000);

  it("writes an XES log per change that the XSD accepts, whose traces and directly-follows relation match the raw log's", async () => {
    const file = await exported(logs.jsonl, "crm-change.xes", "--format", "xes", "--case", "change");
    const xes = await readFile(file, "utf8");
    const checked = await validateXML({ xml: [{ fileName: "crm-change.xes", contents: xes }], schema: [{ fileName: "xes.xsd", contents: await readFile(`${SCHEMAS}xes-1849.xsd`, "utf8") }] });
    expect(checked.errors.slice(0, 3)).toEqual([]);
    expect(checked.valid).toBe(true);
    const broken = await validateXML({ xml: [{ fileName: "broken.xes", contents: xes.replace('key="handover:position" value="9"', 'key="handover:position" value="nine"') }], schema: [{ fileName: "xes.xsd", contents: await readFile(`${SCHEMAS}xes-1849.xsd`, "utf8") }] });
    expect(broken.valid).toBe(false);
    const traces = tracesOf(xes);
    const expected = changeTracesFromRaw();
    expect([...traces.keys()]).toEqual([...expected.keys()]);
    for (const [changeId, trace] of expected) expect(traces.get(changeId), changeId).toEqual(trace);
    expect(directlyFollows(traces.values())).toEqual(directlyFollows(expected.values()));
    expect(directlyFollows(traces.values()).get("change.raised → change.assessed")).toBeGreaterThan(0);
  }, 60_000);

  it("writes one trace per incident, release and CI, each event in every trace of an object it relates to", async () => {
    for (const [kind, prefix, count] of [["incident", "incident-", 66], ["release", "release-", 5], ["ci", "ci-", 43]] as const) {
      const traces = tracesOf(await readFile(await exported(logs.jsonl, `crm-${kind}.xes`, "--format", "xes", "--case", kind), "utf8"));
      expect(traces.size, kind).toBe(count);
      for (const [id, events] of traces) {
        const own = raw.filter((event) => event.streamId === `${prefix}${id}`).map((event) => event.position);
        expect(own.every((position) => events.some((event) => event.position === position)), `${kind} ${id}`).toBe(true);
      }
    }
  }, 60_000);

  it.runIf(postgresReachable || process.env.CI === "true")("exports the same OCEL 2.0 and XES from JSONL, SQLite and PostgreSQL", async () => {
    const schema = freshSchemaName("mining");
    schemas.push(schema);
    const postgres = postgresSource(schema);
    expect((await cli("export", logs.sqlite, "--to", postgres)).code).toBe(0);
    const files = await Promise.all([logs.jsonl, logs.sqlite, postgres].map(async (source, index) => [await readFile(await exported(source, `same-${index}.ocel.json`, "--format", "ocel2"), "utf8"), await readFile(await exported(source, `same-${index}.xes`, "--format", "xes", "--case", "release"), "utf8")]));
    expect(files[1]).toEqual(files[0]);
    expect(files[2]).toEqual(files[0]);
  }, 60_000);

  it("refuses a missing --case, an unknown case or format, and --case with OCEL, writing nothing", async () => {
    for (const [argv, message] of [
      [["--format", "xes"], /--format xes needs --case <change\|incident\|release\|ci>/],
      [["--format", "xes", "--case", "problem"], /--case: "problem" is not a case kind; known: change, incident, release, ci/],
      [["--format", "csv"], /--format: "csv" is not a format; known: log, ocel2, xes/],
      [["--format", "ocel2", "--case", "change"], /--case goes with --format xes/],
      [["--case", "change"], /go with --format ocel2 or xes/],
    ] as const) {
      const to = `${OUTPUT}never.out`;
      const run = await cli("export", logs.jsonl, ...argv, "--to", to);
      expect(run.code, argv.join(" ")).toBe(2);
      expect(run.stderr).toMatch(message);
      expect(existsSync(to)).toBe(false);
    }
  });
});

const VENV_PYTHON = `${REPOSITORY}.venv-pm4py/bin/python`;
const pm4pyReady = existsSync(VENV_PYTHON) && spawnSync(VENV_PYTHON, ["-c", "import pm4py"]).status === 0;
if (!pm4pyReady) console.warn("skipping the pm4py check of the process-mining export: pm4py is not installed; to run it: python3 -m venv .venv-pm4py && .venv-pm4py/bin/pip install pm4py");

describe.runIf(pm4pyReady)("pm4py reads the process-mining export", () => {
  it("loads the OCEL 2.0 and XES files with the object, event and trace counts, and discovers a directly-follows graph equal to the raw log's", async () => {
    const ocel = await exported(logs.jsonl, "pm4py.ocel.json", "--format", "ocel2");
    const xes = await exported(logs.jsonl, "pm4py-change.xes", "--format", "xes", "--case", "change");
    const found = JSON.parse(execFileSync(VENV_PYTHON, [`${REPOSITORY}scripts/process-mining/pm4py_check.py`, ocel, xes], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 })) as {
      ocel: { objects: number; events: number; objectTypes: string[] };
      xes: { traces: number; events: number; dfg: [string, string, number][] };
    };
    const expected = changeTracesFromRaw();
    expect(found.ocel).toMatchObject({ objects: 146, events: raw.length, objectTypes: ["change", "ci", "incident", "problem", "project", "release"] });
    expect(found.xes).toMatchObject({ traces: expected.size, events: [...expected.values()].reduce((sum, trace) => sum + trace.length, 0) });
    expect(new Map(found.xes.dfg.map(([a, b, count]) => [`${a} → ${b}`, count]))).toEqual(directlyFollows(expected.values()));
  }, 120_000);
});
