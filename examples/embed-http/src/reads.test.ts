import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, testCredentials } from "./fixtures/callers.js";
import { startService, type RunningService } from "./service.js";

const scratch = mkdtempSync(join(tmpdir(), "embed-http-reads-"));
const database = join(scratch, "log.sqlite");
let service: RunningService;
const credentials = testCredentials(["pm-ana", "cm-ben", "cab-cai", "cab-dee", "eve", "kate"]);

async function get(path: string, method = "GET"): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const response = await fetch(`${service.url}${path}`, { method, headers: bearer("pm-ana") });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers };
}

async function run(command: Record<string, unknown>, actor: string, occurredAt: string): Promise<void> {
  const response = await fetch(`${service.url}/commands`, { method: "POST", headers: { "content-type": "application/json", ...bearer(actor) }, body: JSON.stringify({ command, occurredAt }) });
  expect(response.status, JSON.stringify(await response.clone().json())).toBe(201);
}

type CiBody = { ciId: string; status: string; scope: string; attributes: Record<string, unknown>; relationships: { type: string; targetCiId: string }[] };
const cisOf = (body: Record<string, unknown>) => body["cis"] as CiBody[];

beforeAll(async () => {
  service = await startService({ database, port: 0, credentials });
});

afterAll(async () => {
  await service.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe("reads", () => {
  it("answers 404 for readiness before any project, and 404 or 405 for paths and methods it does not serve", async () => {
    expect((await get("/readiness")).body).toMatchObject({ code: "no_project" });
    expect((await get("/readiness")).status).toBe(404);
    expect((await get("/changes")).status).toBe(404);
    const wrong = await get("/cmdb", "DELETE");
    expect([wrong.status, wrong.body["code"], wrong.headers.get("allow")]).toEqual([405, "method_not_allowed", "GET"]);
    expect((await get("/commands")).headers.get("allow")).toBe("POST");
  });

  it("shows the CMDB now from the engine, and as of a business time by replaying the log", async () => {
    await run({ type: "project.start", projectId: "crm", name: "CRM", manager: "pm-ana", policy: { roles: { "cm-ben": ["configuration_manager"] } } }, "pm-ana", "2026-03-02T09:00:00Z");
    await run({ type: "ci.register", ciId: "crm-db", ciType: "database", name: "CRM DB", owner: "cm-ben", attributes: { engine: "postgres 15" } }, "cm-ben", "2026-03-02T10:00:00Z");
    await run({ type: "ci.register", ciId: "crm-app", ciType: "application", name: "CRM", owner: "cm-ben" }, "cm-ben", "2026-03-03T10:00:00Z");
    await run({ type: "ci.add_relationship", ciId: "crm-app", relationship: "depends_on", targetCiId: "crm-db" }, "cm-ben", "2026-03-04T10:00:00Z");
    await run({ type: "ci.set_attribute", ciId: "crm-db", name: "engine", value: "postgres 16" }, "cm-ben", "2026-03-10T10:00:00Z");
    const now = await get("/cmdb");
    expect(now.body).toMatchObject({ view: "current", position: 5 });
    expect(cisOf(now.body).map((ci) => [ci.ciId, ci.attributes["engine"] ?? null, ci.scope])).toEqual([["crm-db", "postgres 16", "project"], ["crm-app", null, "project"]]);
    const earlier = await get("/cmdb?asOf=2026-03-05");
    expect(earlier.body).toMatchObject({ view: "replayed", asOf: "2026-03-05T23:59:59.999Z", position: 4 });
    expect(cisOf(earlier.body).map((ci) => [ci.ciId, ci.attributes["engine"], ci.relationships])).toEqual([
      ["crm-db", "postgres 15", []],
      ["crm-app", undefined, [{ type: "depends_on", targetCiId: "crm-db" }]],
    ]);
    expect(cisOf((await get("/cmdb?asOf=2026-03-02T12:00:00Z")).body).map((ci) => ci.ciId)).toEqual(["crm-db"]);
    expect(cisOf((await get("/cmdb?asOf=2026-03-10T10:00:00Z")).body)).toEqual(cisOf(now.body));
    const bad = await get("/cmdb?asOf=last%20week");
    expect([bad.status, bad.body["code"], bad.body["path"]]).toEqual([400, "invalid_query", "asOf"]);
  });

  it("answers readiness with the verdict and every check's sentence, now or as of a time", async () => {
    const now = await get("/readiness");
    expect(now.status).toBe(200);
    expect(now.body).toMatchObject({ projectId: "crm", ready: false });
    const checks = now.body["checks"] as { name: string; status: string; explanation: string }[];
    expect(checks.find((check) => check.name === "production_baseline")).toMatchObject({ status: "fail" });
    expect(checks.every((check) => check.explanation.length > 10)).toBe(true);
    const before = await get("/readiness?asOf=2026-03-01");
    expect(before.body).toMatchObject({ asOf: "2026-03-01T23:59:59.999Z", position: 0 });
    expect((await get("/readiness?knownAt=never")).status).toBe(400);
  });

  it("answers from the same SQLite file after a restart, and goes on appending after its head", async () => {
    const before = (await get("/cmdb")).body;
    await service.close();
    service = await startService({ database, port: 0, credentials });
    expect((await get("/cmdb")).body).toEqual(before);
    await run({ type: "ci.transfer_owner", ciId: "crm-app", owner: "pm-ana" }, "cm-ben", "2026-03-11T10:00:00Z");
    expect((await get("/cmdb")).body["position"]).toBe(6);
  });
});
