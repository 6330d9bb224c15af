import { readFile, writeFile } from "node:fs/promises";
import { serializeRecordedEvent, writeJsonl, type RecordedEvent } from "@handover/core";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, scratch } from "../fixtures/cli-harness.js";
import { projectStory } from "../fixtures/project-story.js";

let lines: string[] = [];
let at: (name: string) => string;
let checkpoint = "";

beforeAll(async () => {
  const story = await projectStory();
  at = await scratch();
  lines = story.map((event) => serializeRecordedEvent(event));
  await writeJsonl(at("original.jsonl"), story);
  checkpoint = at("original.checkpoint");
  expect((await cli("checkpoint", at("original.jsonl"), "--out", checkpoint)).code).toBe(0);
});

/** An edit that keeps the line canonical JSON: another value in the event's data or meta. */
function editLine(line: string, seed: number): string {
  const event = JSON.parse(line) as RecordedEvent;
  const edited = seed % 2 === 0 ? { ...event, meta: { ...event.meta, actor: `${event.meta.actor}-forged` } } : { ...event, data: { ...(event.data as object), forged: seed } };
  return serializeRecordedEvent(edited as RecordedEvent);
}

type Mutation = { readonly kind: "edit" | "delete" | "insert" | "swap" | "reorder" | "truncate"; readonly at: number; readonly span: number; readonly seed: number };

/** The mutated lines and the first position (1-based line) that differs from the original. */
function mutate(original: readonly string[], mutation: Mutation): { readonly mutated: string[]; readonly first: number } {
  const n = original.length;
  const i = mutation.at % n;
  const copy = [...original];
  switch (mutation.kind) {
    case "edit":
      copy[i] = editLine(copy[i] as string, mutation.seed);
      return { mutated: copy, first: i + 1 };
    case "delete":
      copy.splice(i, 1 + (mutation.span % 3));
      return { mutated: copy, first: i + 1 };
    case "insert": {
      const from = (i + 1 + (mutation.seed % (n - 1))) % n;
      copy.splice(i, 0, original[from] as string);
      return { mutated: copy, first: i + 1 };
    }
    case "swap": {
      const j = Math.min(n - 1, i + 1 + (mutation.span % 5));
      if (j === i) return mutate(original, { ...mutation, kind: "delete" });
      [copy[i], copy[j]] = [copy[j] as string, copy[i] as string];
      return { mutated: copy, first: i + 1 };
    }
    case "reorder": {
      const end = Math.min(n, i + 2 + (mutation.span % 6));
      const slice = copy.slice(i, end).reverse();
      copy.splice(i, slice.length, ...slice);
      return end - i < 2 ? mutate(original, { ...mutation, kind: "delete" }) : { mutated: copy, first: i + 1 };
    }
    case "truncate":
      return { mutated: copy.slice(0, i), first: i + 1 };
  }
}

describe("verify --checkpoint", () => {
  it("fails, naming the first altered position, for every edit, deletion, insertion, swap, reordering or truncation of the log", async () => {
    const mutation = fc.record({
      kind: fc.constantFrom("edit", "delete", "insert", "swap", "reorder", "truncate"),
      at: fc.nat(),
      span: fc.nat(),
      seed: fc.nat(),
    }) as fc.Arbitrary<Mutation>;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(mutation, async (chosen) => {
        const { mutated, first } = mutate(lines, chosen);
        const file = at(`mutated-${++run}.jsonl`);
        await writeFile(file, mutated.map((line) => `${line}\n`).join(""));
        const verdict = await cli("verify", file, "--checkpoint", checkpoint, "--json");
        if (mutated.length === 0) {
          expect(verdict.code).toBe(2);
          expect(verdict.stderr).toContain("the log is empty");
          return;
        }
        expect(verdict.code, `${chosen.kind}: ${verdict.stdout}${verdict.stderr}`).toBe(1);
        expect(JSON.parse(verdict.stdout), chosen.kind).toMatchObject({ ok: false, position: first });
      }),
      { numRuns: 120 },
    );
  });

  it("accepts the log itself and the log grown past the checkpoint", async () => {
    expect((await cli("verify", at("original.jsonl"), "--checkpoint", checkpoint)).code).toBe(0);
    const grown = at("grown.jsonl");
    await writeFile(grown, await readFile(at("original.jsonl")));
    expect((await cli("verify", grown, "--checkpoint", checkpoint)).code).toBe(0);
  });
});
