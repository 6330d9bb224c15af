/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cli } from "../fixtures/cli-harness.js";
import { CHROMIUM, CHROMIUM_ARGS, describeChromium } from "../fixtures/chromium.js";
import { buildCrmExample, TEST_OUTPUT, type CrmExampleLogs } from "../fixtures/crm-example.js";
import { dropSchemas, freshSchemaName, postgresReachable, postgresSource } from "../fixtures/postgres.js";

// End to end: the audit CLI on the Orbit CRM replacement example (examples/crm-replacement),
// built the way its README says, then the handover pack opened in a real headless Chromium.

const OUTPUT = `${TEST_OUTPUT}e2e/`;
let logs: CrmExampleLogs;
const schemas: string[] = [];
beforeAll(async () => {
  logs = await buildCrmExample("e2e");
}, 120_000);
afterAll(() => dropSchemas(schemas));

const json = <T>(text: string): T => JSON.parse(text) as T;

describe("the audit CLI on the Orbit CRM example", () => {
  it("verifies the example's log in JSONL and in SQLite to the head the example printed", async () => {
    const [jsonl, sqlite] = [await cli("verify", logs.jsonl, "--json"), await cli("verify", logs.sqlite, "--json")];
    const verdicts = [json<{ ok: boolean; count: number; headHash: string }>(jsonl.stdout), json<{ ok: boolean; count: number; headHash: string }>(sqlite.stdout)];
    expect(verdicts.map((verdict) => verdict.ok)).toEqual([true, true]);
    expect(verdicts[1]?.headHash).toBe(verdicts[0]?.headHash);
    expect(logs.printed).toContain(`chain verified: ${verdicts[0]?.count} events, head ${verdicts[0]?.headHash}`);
    const lines = (await readFile(logs.jsonl, "utf8")).trimEnd().split("\n");
    expect(verdicts[0]?.count).toBe(lines.length);
  });

  it("gates on readiness: ready at the end of the story, not ready before the identity service's levels were agreed", async () => {
    const end = await cli("readiness", logs.jsonl, "orbit-crm");
    expect(end.code).toBe(0);
    expect(end.stdout).toContain("READY (9 pass, 1 warn, 0 fail)");
    expect(end.stdout).toMatch(/sla_performance +WARN +\d+ of \d+ resolved incidents breached their SLA /);
    const before = await cli("readiness", logs.sqlite, "orbit-crm", "--as-of", "2026-02-24", "--json");
    expect(before.code).toBe(1);
    const failing = json<{ readiness: { checks: { name: string; status: string }[] } }>(before.stdout).readiness.checks.filter((check) => check.status === "fail").map((check) => check.name);
    expect(failing).toContain("service_levels");
    const timeline = json<{ timeline: { firstReady: number | null; points: { position: number; flips: { check: string; to: string }[] }[] } }>((await cli("readiness", logs.jsonl, "orbit-crm", "--timeline", "--json")).stdout).timeline;
    const first = timeline.points.find((point) => point.position === timeline.firstReady);
    expect(first?.flips).toContainEqual(expect.objectContaining({ check: "service_levels", to: "pass" }));
  });

  it("as of 24 February, names CHG-023's state in words that agree with its waiting for the retrospective CAB review", async () => {
    const run = await cli("readiness", logs.jsonl, "orbit-crm", "--as-of", "2026-02-24", "--json");
    const checks = json<{ readiness: { checks: { name: string; explanation: string }[] } }>(run.stdout).readiness.checks;
    const said = (name: string) => checks.find((check) => check.name === name)?.explanation ?? "";
    expect(said("emergency_changes_reviewed")).toContain("waits for the retrospective CAB review: CHG-023");
    expect(said("changes_closed")).toContain("CHG-023 (post-implementation review held, not yet closed)");
    expect(said("changes_closed")).toContain("CHG-020 (implemented, waiting for its post-implementation review)");
    expect(said("changes_closed")).not.toMatch(/\((reviewed|implemented)\)/);
  });

  it("finds the two deliberate breaches the example's story records", async () => {
    const run = await cli("findings", logs.jsonl, "--json");
    const kinds = json<{ findings: { kind: string; source: string }[] }>(run.stdout).findings.map((finding) => finding.kind);
    expect(kinds).toEqual(expect.arrayContaining(["process_before_phase", "ci_change_unauthorised"]));
  });

  it.runIf(postgresReachable || process.env.CI === "true")("exports SQLite to PostgreSQL and replays the same summary from all three", async () => {
    const schema = freshSchemaName("orbit");
    schemas.push(schema);
    const target = postgresSource(schema);
    expect((await cli("export", logs.sqlite, "--to", target)).code).toBe(0);
    const summaries = await Promise.all([logs.jsonl, logs.sqlite, target].map(async (source) => {
      const { source: _label, ...summary } = json<Record<string, unknown>>((await cli("replay", source, "--as-of", "2026-01-31", "--json")).stdout);
      return summary;
    }));
    expect(summaries[1]).toEqual(summaries[0]);
    expect(summaries[2]).toEqual(summaries[0]);
    expect(summaries[0]).toMatchObject({ project: { projectId: "orbit-crm", phase: "acceptance_test" } });
  }, 60_000);
});

describeChromium("the handover pack in headless Chromium", () => {
  let browser: Browser;
  let report: string;
  beforeAll(async () => {
    report = `${OUTPUT}handover-pack.html`;
    const written = await cli("report", logs.jsonl, "orbit-crm", "--as-of", "2026-02-24", "--out", report);
    if (written.code !== 0) throw new Error(written.stderr);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  it("renders the readiness checklist with passes and fails, the timeline and the CI graph, fetching nothing; saves screenshots and a PDF", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const requests: string[] = [];
    page.on("request", (request) => requests.push(request.url()));
    const url = pathToFileURL(report).href;
    await page.goto(url);
    const rows = page.locator("table.checklist tbody tr");
    expect(await rows.count()).toBe(10);
    const pass = page.locator("tr.check.pass").first();
    const fail = page.locator("tr.check.fail").first();
    expect([await pass.isVisible(), await fail.isVisible()]).toEqual([true, true]);
    expect(await fail.locator(".badge").innerText()).toBe("FAIL");
    expect(await pass.locator(".badge").innerText()).toBe("PASS");
    expect(await page.locator("#verdict").innerText()).toBe("Not ready to hand over");
    const chart = await page.locator("svg.timeline").boundingBox();
    expect(chart?.width ?? 0).toBeGreaterThan(400);
    expect(await page.locator("svg.timeline rect.seg.fail").count()).toBeGreaterThan(0);
    expect(await page.locator("svg.ci-graph g.ci").count()).toBe(43);
    await page.locator("#readiness").screenshot({ path: `${OUTPUT}report-checklist.png` });
    await page.screenshot({ path: `${OUTPUT}report-full.png`, fullPage: true });
    await page.emulateMedia({ media: "print" });
    expect(await page.locator("tr.check.fail").first().isVisible()).toBe(true);
    const pdf = await page.pdf({ path: `${OUTPUT}handover-pack.pdf`, printBackground: true, landscape: true, format: "A4" });
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(requests).toEqual([url]);
    await page.close();
  }, 60_000);

  it("fits the page at 1,280 px and at A4 landscape in print: no horizontal overflow, the CI graph scaled to the page, times on one line; the first page names the log's checkpoint; every @n links to its event in the evidence trail", async () => {
    const verified = JSON.parse((await cli("verify", logs.jsonl, "--json")).stdout) as { headHash: string };
    expect(verified.headHash).toMatch(/^[0-9a-f]{64}$/);
    for (const [label, viewport, media] of [["1280 px screen", { width: 1280, height: 900 }, "screen"], ["A4 landscape print", { width: 1123, height: 794 }, "print"]] as const) {
      const page = await browser.newPage({ viewport });
      await page.emulateMedia({ media });
      await page.goto(pathToFileURL(report).href);
      const layout = await page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const overflowing = [...document.querySelectorAll("body *")].filter((element) => element.getBoundingClientRect().right > width + 1).map((element) => element.tagName.toLowerCase());
        const graph = document.querySelector("svg.ci-graph")?.getBoundingClientRect();
        const lines = [...document.querySelectorAll("td.when")].map((cell) => {
          const range = document.createRange();
          range.selectNodeContents(cell);
          return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
        });
        const targets = [...document.querySelectorAll("a.ev")].map((link) => (link.getAttribute("href") ?? "").slice(1));
        const missing = targets.filter((id) => document.getElementById(id) === null);
        const firstScreen = document.body.innerText.slice(0, 1200);
        return { width, scrollWidth: document.documentElement.scrollWidth, overflowing, graphWidth: graph?.width ?? 0, whenCells: lines.length, wrapped: lines.filter((count) => count > 1).length, links: targets.length, missing, firstScreen };
      });
      expect(layout.scrollWidth, label).toBe(layout.width);
      expect(layout.overflowing, label).toEqual([]);
      expect(layout.graphWidth, label).toBeGreaterThan(600);
      expect(layout.graphWidth, label).toBeLessThanOrEqual(layout.width);
      expect(layout.whenCells, label).toBeGreaterThan(10);
      expect(layout.wrapped, label).toBe(0);
      expect(layout.links, label).toBeGreaterThan(10);
      expect(layout.missing, label).toEqual([]);
      expect(layout.firstScreen, label).toMatch(/Log checkpoint: size \d+ · head hash [0-9a-f]{64} · tree root [0-9a-f]{64}/);
      expect(layout.firstScreen, label).toContain(`head hash ${verified.headHash}`);
      await page.close();
    }
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(report).href);
    const first = page.locator("a.ev").first();
    const target = (await first.getAttribute("href")) ?? "";
    await first.click();
    expect(new URL(page.url()).hash).toBe(target);
    expect(await page.locator(`${target} td`).first().innerText()).toBe(`@${target.replace("#event-", "")}`);
    await page.close();
  }, 60_000);

  it("renders the controls with their statuses and the process metrics with a weekly chart per key figure, without a script", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(pathToFileURL(report).href);
    expect(await page.locator("script").count()).toBe(0);
    expect(await page.locator("#controls tr.control").count()).toBe(19);
    expect(await page.locator("#controls tr.control.fail").count()).toBeGreaterThan(0);
    expect(await page.locator("#controls tr.control.fail .badge").first().innerText()).toBe("FAIL");
    const charts = page.locator("#metrics svg.metric-chart");
    expect(await charts.count()).toBe(10);
    const box = await charts.first().boundingBox();
    expect([box?.width ?? 0, box?.height ?? 0]).toEqual([340, 120]);
    expect(await page.locator("#metrics svg.metric-chart rect.bar").count()).toBeGreaterThan(50);
    expect(await page.locator("#metrics tr.metric-row").count()).toBeGreaterThan(30);
    await page.locator("#metrics").screenshot({ path: `${OUTPUT}report-metrics.png` });
    await page.locator("#controls").screenshot({ path: `${OUTPUT}report-controls.png` });
    await page.close();
  }, 60_000);
});
