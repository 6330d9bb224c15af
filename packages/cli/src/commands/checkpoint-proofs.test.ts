import { generateKeyPairSync } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { serializeRecordedEvent, writeJsonl, type RecordedEvent } from "@handover/core";
import { beforeAll, describe, expect, it } from "vitest";
import { cli, scratch } from "../fixtures/cli-harness.js";
import { describeEachSource } from "../fixtures/log-sources.js";
import { projectStory } from "../fixtures/project-story.js";

let story: RecordedEvent[] = [];
let path: (name: string) => Promise<string>;
const keys = generateKeyPairSync("ed25519");
const other = generateKeyPairSync("ed25519");
const pem = (key: { export: (options: { type: "pkcs8" | "spki"; format: "pem" }) => string | Buffer }, type: "pkcs8" | "spki") => String(key.export({ type, format: "pem" }));

beforeAll(async () => {
  story = await projectStory();
  const at = await scratch();
  path = async (name) => at(name);
  await writeFile(at("team.key.pem"), pem(keys.privateKey, "pkcs8"));
  await writeFile(at("team.pub.pem"), pem(keys.publicKey, "spki"));
  await writeFile(at("other.pub.pem"), pem(other.publicKey, "spki"));
});

describeEachSource("checkpoint, prove, check-proof", (kind, write) => {
  it("signs a checkpoint, proves an event and the log's growth against it, and check-proof accepts them offline", async () => {
    const early = await write("early", story.slice(0, 20));
    const cp = await path(`${kind}-early.checkpoint`);
    const signed = await cli("checkpoint", early, "--sign", await path("team.key.pem"), "--out", cp, "--json");
    expect(signed.code, signed.stderr).toBe(0);
    expect(JSON.parse(signed.stdout)).toMatchObject({ size: 20, signed: true, origin: expect.stringMatching(/^handover\//) });
    expect(await readFile(cp, "utf8")).toMatch(/^handover\/\S+\n20\n[A-Za-z0-9+/]{43}=\nhead [0-9a-f]{64}\ntime 2026-06-01T00:00:00.000Z\n\n\u2014 handover\/\S+ \S+\n$/);
    expect((await cli("checkpoint", early, "--out", cp)).code).toBe(2);

    const later = await write("later", story);
    const verified = await cli("verify", later, "--checkpoint", cp, "--key", await path("team.pub.pem"), "--json");
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
    expect(JSON.parse(verified.stdout)).toMatchObject({ ok: true, checkpoint: { size: story.length }, against: { size: 20, signature: "checked" } });
    expect((await cli("verify", later, "--checkpoint", cp, "--key", await path("other.pub.pem"))).code).toBe(1);

    const inclusion = await path(`${kind}-inclusion.json`);
    expect((await cli("prove", later, "7", "--checkpoint", cp, "--out", inclusion)).code).toBe(0);
    const holds = await cli("check-proof", inclusion, "--checkpoint", cp, "--key", await path("team.pub.pem"));
    expect(holds.code, holds.stdout + holds.stderr).toBe(0);
    expect(holds.stdout).toContain("the event at position 7");
    expect((await cli("check-proof", inclusion, "--key", await path("other.pub.pem"))).code).toBe(1);

    const consistency = await path(`${kind}-consistency.json`);
    expect((await cli("prove", later, "--since", cp, "--out", consistency)).code).toBe(0);
    const extended = await cli("check-proof", consistency, "--key", await path("team.pub.pem"), "--json");
    expect(JSON.parse(extended.stdout)).toMatchObject({ ok: true, statement: expect.stringContaining(`of ${story.length} events extends the checkpoint of 20 events`) });
  });
});

describe("report --sign", () => {
  it("writes a detached signature binding the pack's digest to the log's checkpoint; an edited pack or another key fails", async () => {
    const log = await path("signed-report.jsonl");
    await writeJsonl(log, story);
    const out = await path("pack.md");
    const written = await cli("report", log, "crm", "--out", out, "--sign", await path("team.key.pem"), "--json");
    expect(written.code, written.stderr).toBe(0);
    expect(JSON.parse(written.stdout)).toMatchObject({ checkpoint: { size: story.length }, signature: `${out}.sig` });
    expect(await readFile(`${out}.sig`, "utf8")).toMatch(/^handover\/crm\n\d+\n\S+\nhead [0-9a-f]{64}\ntime \S+\npack pack\.md sha256:[0-9a-f]{64}\n\n\u2014 /);
    expect((await cli("check-proof", `${out}.sig`, "--key", await path("team.pub.pem"))).code).toBe(0);
    expect((await cli("check-proof", `${out}.sig`, "--key", await path("other.pub.pem"))).code).toBe(1);
    expect((await cli("verify", log, "--checkpoint", `${out}.sig`, "--key", await path("team.pub.pem"))).code).toBe(0);
    await writeFile(out, `${await readFile(out, "utf8")}\nedited\n`);
    const edited = await cli("check-proof", `${out}.sig`, "--key", await path("team.pub.pem"));
    expect(edited.code).toBe(1);
    expect(edited.stdout).toContain("is not the pack that was signed");
  });
});

describe("forged proofs and checkpoints", () => {
  it("refuses an inclusion proof whose path, position or event was altered, or that is about another tree", async () => {
    const log = await path("forged.jsonl");
    await writeJsonl(log, story);
    const out = await path("forged-proof.json");
    expect((await cli("prove", log, "5", "--out", out)).code).toBe(0);
    const proof = JSON.parse(await readFile(out, "utf8")) as { path: string[]; position: number; event: string; checkpoint: string };
    const variants: Record<string, unknown> = {
      "wrong sibling order": { ...proof, path: [proof.path[1], proof.path[0], ...proof.path.slice(2)] },
      "short path": { ...proof, path: proof.path.slice(0, -1) },
      "another position": { ...proof, position: 6 },
      "another event": { ...proof, event: serializeRecordedEvent(story[5] as RecordedEvent) },
    };
    for (const [name, forged] of Object.entries(variants)) {
      const file = await path(`forged-${name.replaceAll(" ", "-")}.json`);
      await writeFile(file, JSON.stringify(forged));
      const checked = await cli("check-proof", file);
      expect(checked.code, name).toBe(1);
    }
    const smaller = await path("smaller.checkpoint");
    await writeJsonl(await path("smaller.jsonl"), story.slice(0, 10));
    expect((await cli("checkpoint", await path("smaller.jsonl"), "--out", smaller)).code).toBe(0);
    const otherSize = await cli("check-proof", out, "--checkpoint", smaller);
    expect(otherSize.code).toBe(1);
    expect(otherSize.stdout).toContain(`the proof is about the tree of size ${story.length}`);
  });

  it("refuses a consistency proof from a checkpoint whose root does not match the log (a rewritten history)", async () => {
    const log = await path("rewritten.jsonl");
    await writeJsonl(log, story);
    const cp = await path("rewritten.checkpoint");
    expect((await cli("checkpoint", log, "--out", cp)).code).toBe(0);
    const text = await readFile(cp, "utf8");
    const lines = text.split("\n");
    lines[2] = Buffer.alloc(32, 7).toString("base64");
    await writeFile(cp, lines.join("\n"));
    const since = await cli("prove", log, "--since", cp);
    expect(since.code).toBe(1);
    expect(since.stderr).toContain("was rewritten");
  });
});
