import { canonicalLine, describeValue, steppingClock, verifyChain, type RecordedEvent } from "@handover/core";
import { createHandover } from "@handover/engine";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { scratch } from "../fixtures/cli-harness.js";
import { memoryStores, postgresStores, sqliteStores, type OpenFuzzedStore } from "../fixtures/fuzz-stores.js";
import { anyCommand, anyOptions, fuzzPolicy } from "../fixtures/hostile-inputs.js";
import { describePostgres, dropSchemas } from "../fixtures/postgres.js";

/**
 * How much more than the suite's own run to fuzz: `HANDOVER_FUZZ_SCALE=50 pnpm vitest run
 * no-input-throws` is the nightly-sized run (about a million commands). The suite runs
 * scale 1: 22,400 commands, most against the in-memory store (where the engine's and the
 * store's checks are the same code as for the durable stores), fewer against SQLite and
 * PostgreSQL, which are slower per append.
 */
const SCALE = Math.max(1, Number(process.env.HANDOVER_FUZZ_SCALE ?? "1") || 1);
const COMMANDS_PER_RUN = 40;
const RUNS = { memory: 440 * SCALE, sqlite: 60 * SCALE, postgres: 60 * SCALE } as const;

const steps = fc.array(fc.tuple(anyCommand, anyOptions), { minLength: COMMANDS_PER_RUN, maxLength: COMMANDS_PER_RUN });
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort();
const executed = { memory: 0, sqlite: 0, postgres: 0 };

/** One run: a project on a fresh store, then the commands; each must return a value, a refusal must append nothing, and the log read back after reopening must verify and be exactly what was appended. */
async function fuzzRun(open: OpenFuzzedStore, sequence: readonly (readonly [unknown, unknown])[], count: () => void): Promise<void> {
  const { store, reopenAndRead } = await open();
  const handover = createHandover({ store, clock: steppingClock("2026-01-05T08:00:00Z", 3_600_000), policy: fuzzPolicy });
  const started = await handover.executeUnknown({ type: "project.start", projectId: "p", name: "P", manager: "ana" }, { actor: "ana" });
  if (started._tag === "Left") throw new Error(`the project did not start: ${started.left.message}`);
  const appended: RecordedEvent[] = [...started.right.events];
  for (const [command, options] of sequence) {
    const before = (await store.head()).position;
    let result;
    try {
      result = await handover.executeUnknown(command, options as never);
    } catch (error) {
      throw new Error(`execute threw ${error instanceof Error ? error.message : describeValue(error)} for ${describeValue(command)} with ${describeValue(options)}`);
    }
    count();
    const after = (await store.head()).position;
    if (result._tag === "Left" || result.right.duplicate) {
      expect(after, result._tag === "Left" ? result.left.message : "duplicate").toBe(before);
    } else {
      expect(result.right.positions).toEqual(Array.from({ length: after - before }, (_, index) => before + index + 1));
      appended.push(...result.right.events);
    }
  }
  const { log, head } = await reopenAndRead();
  expect(verifyChain(log, { expectedHead: head })).toMatchObject({ ok: true, count: appended.length });
  expect(log.map(canonicalLine)).toEqual(appended.map(canonicalLine));
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(prototypeKeys);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

function fuzz(kind: keyof typeof RUNS, open: () => OpenFuzzedStore): void {
  it(`execute returns a value for any command and options (${RUNS[kind]} runs of ${COMMANDS_PER_RUN}); refusals append nothing; the log verifies after reopening`, async () => {
    const stores = open();
    await fc.assert(
      fc.asyncProperty(steps, (sequence) => fuzzRun(stores, sequence, () => executed[kind]++)),
      { numRuns: RUNS[kind] },
    );
    expect(executed[kind]).toBe(RUNS[kind] * COMMANDS_PER_RUN);
  }, 600_000 * SCALE);
}

const folder = scratch();

describe("no input throws, no input corrupts: the in-memory store", () => {
  fuzz("memory", () => {
    let opened: OpenFuzzedStore | undefined;
    return async () => (opened ??= memoryStores(await folder))();
  });
});

describe("no input throws, no input corrupts: SQLite", () => {
  fuzz("sqlite", () => {
    let opened: OpenFuzzedStore | undefined;
    return async () => (opened ??= sqliteStores(await folder))();
  });
});

const schemas: string[] = [];
afterAll(() => dropSchemas(schemas));

describePostgres("no input throws, no input corrupts: PostgreSQL", () => {
  fuzz("postgres", () => postgresStores((schema) => schemas.push(schema)));
});

afterAll(() => {
  // At least 20,000 commands across the three stores in every run of the whole suite (a run filtered to one store counts less).
  if (Object.values(executed).every((count) => count > 0)) expect(executed.memory + executed.sqlite + executed.postgres).toBeGreaterThanOrEqual(20_000 * SCALE);
});
