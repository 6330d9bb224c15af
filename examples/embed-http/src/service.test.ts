import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bearer, testCredentials } from "./fixtures/callers.js";
import { startService, type RunningService } from "./service.js";

const scratch = mkdtempSync(join(tmpdir(), "embed-http-"));
const database = join(scratch, "log.sqlite");
let service: RunningService;

interface Answer {
  readonly status: number;
  readonly body: Record<string, unknown>;
  readonly headers: Headers;
}

async function call(path: string, init: RequestInit = {}, actor: string | null = "cm-ben"): Promise<Answer> {
  const response = await fetch(`${service.url}${path}`, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), ...(actor === null ? {} : bearer(actor)) } });
  return { status: response.status, body: (await response.json()) as Record<string, unknown>, headers: response.headers };
}

/** Posts a command request as the actor it names: the actor goes into the credential, the rest into the body. */
const post = (request: unknown) => {
  const { actor, ...body } = typeof request === "object" && request !== null && !Array.isArray(request) ? (request as { actor?: string }) : { actor: undefined };
  return call("/commands", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(Array.isArray(request) ? request : body) }, actor ?? "cm-ben");
};
const postRaw = (body: string, type = "application/json", actor: string | null = "cm-ben") => call("/commands", { method: "POST", headers: { "content-type": type }, body }, actor);

const roles = { "pm-ana": ["project_manager"], "cm-ben": ["change_manager", "configuration_manager"], "cab-cai": ["cab_member"], "cab-dee": ["cab_member"] };

beforeAll(async () => {
  service = await startService({ database, port: 0, credentials: testCredentials(["pm-ana", "cm-ben", "cab-cai", "cab-dee"]) });
  const started = await post({ command: { type: "project.start", projectId: "crm", name: "CRM replacement", manager: "pm-ana", policy: { roles } }, actor: "pm-ana", occurredAt: "2026-03-02T09:00:00Z" });
  expect(started.status).toBe(201);
});

afterAll(async () => {
  await service.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe("authentication", () => {
  it("answers 401 with WWW-Authenticate to a request without a token, with a token nobody holds, or with a malformed header, reads included, and appends nothing", async () => {
    const before = (await call("/cmdb")).body["position"];
    const attempts: Answer[] = [
      await call("/cmdb", {}, null),
      await call("/readiness", {}, null),
      await postRaw(JSON.stringify({ command: { type: "ci.register", ciId: "intruder", ciType: "server", name: "x", owner: "cm-ben" } }), "application/json", null),
      await call("/cmdb", { headers: { authorization: "Bearer not-a-token-anyone-holds" } }, null),
      await call("/cmdb", { headers: { authorization: `Basic ${Buffer.from("cm-ben:x").toString("base64")}` } }, null),
      await call("/cmdb", { headers: { authorization: `Bearer ${"x".repeat(8)}` } }, null),
    ];
    for (const attempt of attempts) {
      expect([attempt.status, attempt.body["code"]]).toEqual([401, "unauthenticated"]);
      expect(attempt.headers.get("www-authenticate")).toBe('Bearer realm="handover"');
    }
    expect((await call("/cmdb")).body["position"]).toBe(before);
  });

  it("takes the actor of every command from the credential, and refuses a body that names one", async () => {
    const answer = await post({ command: { type: "ci.register", ciId: "auth-srv", ciType: "server", name: "Auth", owner: "cm-ben" }, actor: "cm-ben" });
    expect((answer.body["events"] as { meta: { actor: string } }[])[0]?.meta.actor).toBe("cm-ben");
    const forged = await postRaw(JSON.stringify({ command: { type: "ci.set_attribute", ciId: "auth-srv", name: "x", value: "1" }, actor: "pm-ana" }));
    expect([forged.status, forged.body["code"], forged.body["path"]]).toEqual([400, "invalid_request", "actor"]);
  });
});

describe("POST /commands", () => {
  it("runs a command and answers 201 with the recorded events and their log positions", async () => {
    const answer = await post({ command: { type: "ci.register", ciId: "crm-db", ciType: "database", name: "CRM DB", owner: "cm-ben", attributes: { engine: "postgres 15" } }, actor: "cm-ben", occurredAt: "2026-03-02T10:00:00Z" });
    expect(answer.status).toBe(201);
    const events = answer.body["events"] as { type: string; position: number; meta: { actor: string; occurredAt: string } }[];
    expect(events.map((event) => event.type)).toEqual(["configuration.ci_registered"]);
    expect(answer.body["positions"]).toEqual(events.map((event) => event.position));
    expect(events[0]?.meta).toMatchObject({ actor: "cm-ben", occurredAt: "2026-03-02T10:00:00.000Z" });
    expect(answer.body["duplicate"]).toBe(false);
  });

  it("answers 400 with the field's path for a body or command that cannot be read", async () => {
    const cases: [Promise<Answer>, string, string][] = [
      [postRaw("{not json"), "invalid_json", "body"],
      [postRaw(""), "invalid_json", "body"],
      [post([1, 2]), "invalid_request", "body"],
      [postRaw(JSON.stringify({ command: { type: "ci.start_development", ciId: "crm-db" }, actor: "pm-ana" })), "invalid_request", "actor"],
      [post({ command: { type: "ci.start_development", ciId: "crm-db" }, actor: "cm-ben", colour: "blue" }), "invalid_request", "body"],
      [post({ actor: "cm-ben", commandId: "c" }), "invalid_request", "command"],
      [post({ command: { ciId: "crm-db" }, actor: "cm-ben" }), "invalid_command", "command.type"],
      [post({ command: { type: "cmdb.wipe" }, actor: "cm-ben" }), "unknown_command", "command.type"],
      [post({ command: { type: "ci.register", ciId: "x", ciType: "database", name: "", owner: "cm-ben" }, actor: "cm-ben" }), "invalid_command", "command.name"],
      [post({ command: { type: "ci.start_development", ciId: "crm-db" }, actor: "cm-ben", occurredAt: "yesterday" }), "invalid_command", "occurredAt"],
    ];
    for (const [answer, code, path] of cases) {
      const { status, body } = await answer;
      expect({ status, code: body["code"], path: body["path"] }).toEqual({ status: 400, code, path });
      expect(String(body["message"]).length).toBeGreaterThan(10);
    }
  });

  it("answers 415 for a body that is not JSON by its type, and 413 for one past the limit", async () => {
    expect((await postRaw("{}", "text/plain")).body).toMatchObject({ code: "unsupported_media_type", path: "content-type" });
    const huge = await post({ command: { type: "ci.register", ciId: "x", ciType: "database", name: "x".repeat(1_100_000), owner: "cm-ben" }, actor: "cm-ben" });
    expect(huge.status).toBe(413);
    expect(huge.body).toMatchObject({ code: "body_too_large" });
  });

  it("answers 422 when a rule refuses the command and 409 when it conflicts with the log's state, appending nothing", async () => {
    const before = (await call("/cmdb")).body["position"];
    const early = await post({ command: { type: "incident.log", incidentId: "INC-1", title: "Login fails", impact: 2, urgency: 2 }, actor: "cm-ben" });
    expect([early.status, early.body["code"]]).toEqual([422, "phase_gate"]);
    expect(early.body["message"]).toContain("incident applies from system_test");
    const again = await post({ command: { type: "ci.register", ciId: "crm-db", ciType: "database", name: "CRM DB", owner: "cm-ben" }, actor: "cm-ben" });
    expect([again.status, again.body["code"]]).toEqual([409, "ci_already_registered"]);
    const skipped = await post({ command: { type: "ci.start_test", ciId: "crm-db" }, actor: "cm-ben" });
    expect([skipped.status, skipped.body["code"]]).toEqual([409, "invalid_transition"]);
    expect((await call("/cmdb")).body["position"]).toBe(before);
  });

  it("refuses a CAB member's vote on the change they raised with 422 segregation_of_duties", async () => {
    const scope = { level: "project", target: { kind: "scope_item", id: "quotes" } };
    expect((await post({ command: { type: "change.raise", changeId: "C-1", changeType: "normal", scope, title: "Descope quotes" }, actor: "cab-cai" })).status).toBe(201);
    const assessment = { type: "change.assess", changeId: "C-1", risk: "low", impactSummary: "Less migration", affectedCis: [], implementationPlan: "Update the plan", testPlan: "Review" };
    expect((await post({ command: assessment, actor: "cm-ben" })).status).toBe(201);
    const own = await post({ command: { type: "change.vote", changeId: "C-1", vote: "approve", comment: "fine" }, actor: "cab-cai" });
    expect([own.status, own.body["code"]]).toEqual([422, "segregation_of_duties"]);
    const other = await post({ command: { type: "change.vote", changeId: "C-1", vote: "approve", comment: "fine" }, actor: "cab-dee" });
    expect((other.body["events"] as { type: string }[]).map((event) => event.type)).toEqual(["change.vote_cast", "change.authorised"]);
  });

  it("is idempotent by command id: the repeat answers 200 with the first positions and appends nothing", async () => {
    const command = { command: { type: "ci.set_attribute", ciId: "crm-db", name: "backup", value: "nightly" }, actor: "cm-ben", commandId: "cmd-42" };
    const first = await post(command);
    const repeat = await post(command);
    expect([first.status, repeat.status]).toEqual([201, 200]);
    expect(repeat.body).toMatchObject({ duplicate: true, positions: first.body["positions"] });
  });

  it("serialises concurrent commands: twenty at once all land, at distinct consecutive positions", async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) => post({ command: { type: "ci.register", ciId: `srv-${index}`, ciType: "server", name: `Server ${index}`, owner: "cm-ben" }, actor: "cm-ben" })),
    );
    expect(answers.map((answer) => answer.status)).toEqual(Array(20).fill(201));
    const positions = answers.flatMap((answer) => answer.body["positions"] as number[]).sort((a, b) => a - b);
    expect(new Set(positions).size).toBe(20);
    expect((positions.at(-1) ?? 0) - (positions[0] ?? 0)).toBe(19);
  });
});
