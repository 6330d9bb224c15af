import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
/** A scratch folder inside an example package that depends on the engine, the SQLite store and the read models, so the guide's code resolves them from source. */
const SCRATCH = join(ROOT, "examples", "crm-replacement", ".guide-embedding");
afterAll(() => rmSync(SCRATCH, { recursive: true, force: true }));

/** The TypeScript blocks of the guide's "Embedding" section, in order: together they are one program. */
function embeddingCode(): string {
  const guide = readFileSync(join(ROOT, "docs", "guide.md"), "utf8");
  const section = guide.slice(guide.indexOf("\n## Embedding\n"), guide.indexOf("\n## Auditing with the CLI\n"));
  const blocks = [...section.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((match) => match[1] ?? "");
  const imports = blocks.flatMap((block) => block.split("\n").filter((line) => line.startsWith("import ")));
  const body = blocks.flatMap((block) => block.split("\n").filter((line) => !line.startsWith("import ")));
  return [...imports, ...body].join("\n");
}

describe("the guide's embedding example", () => {
  it("runs as written over a SQLite store and answers what its comments say: one clock, so the CMDB as of 12 March holds the CI registered on 3 March; readModels() agrees with the read models at the end, and so does a query from a snapshot kept in the store; an audit that spills answers as one that does not; read models that share one read answer as each read apart", () => {
    rmSync(SCRATCH, { recursive: true, force: true });
    mkdirSync(SCRATCH, { recursive: true });
    const checks = `
const refusedCode = refused._tag === "Left" ? refused.left.code : "accepted";
const latest = await cmdbAsOf(handover.log());
console.log(JSON.stringify({
  positions: started.right.positions,
  refused: refusedCode,
  cmdbOn12March: cmdb.cis.map((ci) => ci.ciId),
  readModelsCis: now.cmdb.cis.map((ci) => ci.ciId),
  sameCmdb: JSON.stringify(now.cmdb.cis) === JSON.stringify(latest.cis),
  fromKeptSnapshot: kept?.position === (await store.head()).position && kept.position > 0 && JSON.stringify(fromKept.cis) === JSON.stringify(latest.cis),
  sameReadiness: now.readiness?.ready === readiness.ready,
  checks: readiness.checks.length,
  timeline: typeof timeline.ready,
  notes: findings.notes,
  sameAuditWithSpill: JSON.stringify(audit) === JSON.stringify(await auditReplay(store.readAll(), "crm", { onFinding: () => undefined })),
  oneReadAsApart: JSON.stringify([oneRead.cmdb, oneRead.timeline, oneRead.findings]) === JSON.stringify([latest, await readinessTimeline(store.readAll(), "crm"), await auditFindings(store.readAll())]),
}));
await handover.close();
`;
    const file = join(SCRATCH, "guide.mts");
    writeFileSync(file, `${embeddingCode().replace('"crm.handover.db"', JSON.stringify(join(SCRATCH, "crm.handover.db")))}\n${checks}`);
    const run = spawnSync(process.execPath, ["--conditions=source", "--import", "tsx", file], { cwd: SCRATCH, encoding: "utf8" });
    expect(run.status, run.stderr).toBe(0);
    const printed = JSON.parse(run.stdout.trim().split("\n").at(-1) ?? "{}") as Record<string, unknown>;
    expect(printed).toMatchObject({ positions: [1], refused: "phase_gate", cmdbOn12March: ["crm-db"], readModelsCis: ["crm-db"], sameCmdb: true, fromKeptSnapshot: true, sameReadiness: true, notes: [], sameAuditWithSpill: true, oneReadAsApart: true });
    expect(printed.checks).toBeGreaterThan(0);
  }, 120_000);
});
