import { join } from "node:path";
import { readJsonl, verifyChain, writeJsonl } from "@handover/core";
import { describe, expect, it } from "vitest";
import { builtHistory, scratchFolder } from "./test-support/history.js";

const { history, log, queries } = await builtHistory();
const scratch = scratchFolder("crm-replacement-");

describe("the Orbit CRM history", () => {
  it("plays every step as the story says: accepted steps append, refused steps are refused with their code and append nothing", () => {
    const { outcomes, summary } = history;
    expect(summary.steps.unexpected.map((outcome) => `${outcome.commandId} ${outcome.step.command.type}: ${JSON.stringify(outcome.result)}`)).toEqual([]);
    const refusals = outcomes.filter((outcome) => outcome.result.outcome === "refused").map((outcome) => [outcome.step.command.type, outcome.result.outcome === "refused" ? outcome.result.code : ""]);
    expect(refusals).toEqual([
      ["change.vote", "approver_role"],
      ["release.plan", "phase_gate"],
      ["project.enter_phase", "not_permitted"],
      ["change.vote", "segregation_of_duties"],
      ["release.start_test_iteration", "new_build_required"],
      ["change.schedule", "schedule_conflict"],
      ["release.approve", "segregation_of_duties"],
      ["problem.record_known_error", "workaround_required"],
      ["problem.resolve", "change_not_implemented"],
      ["release.approve", "changes_not_authorised"],
      ["change.schedule", "schedule_conflict"],
      ["release.deploy", "back_out_plan_required"],
      ["change.close", "retrospective_review_required"],
      ["project.sign_off_transition", "not_ready"],
      ["project.sign_off_transition", "not_service_owner"],
    ]);
    const positions = outcomes.flatMap((outcome) => (outcome.result.outcome === "accepted" ? outcome.result.positions : []));
    expect(positions).toEqual(log.map((event) => event.position));
  });

  it("writes a log whose chain verifies, also after a round trip through JSONL", async () => {
    expect(verifyChain(log)).toMatchObject({ ok: true, count: log.length, headHash: history.summary.headHash });
    const path = join(scratch, "history.jsonl");
    await writeJsonl(path, history.handover.store.readAll());
    expect(await verifyChain(readJsonl(path))).toMatchObject({ ok: true, count: log.length, headHash: history.summary.headHash });
  });

  it("runs over seven months with every business time inside the story and every command's actor, time and correlation recorded", () => {
    expect(log[0]?.meta.occurredAt).toBe("2025-09-01T09:00:00.000Z");
    expect(log.at(-1)?.meta.occurredAt).toBe("2026-03-31T10:00:00.000Z");
    for (const [index, event] of log.entries()) {
      expect(event.meta.commandId).toMatch(/^crm-\d{4}$/);
      expect(event.meta.correlationId).toBeTruthy();
      if (index > 0) expect(event.meta.occurredAt >= (log[index - 1]?.meta.occurredAt ?? "")).toBe(true);
      expect(event.recordedAt >= event.meta.occurredAt).toBe(true);
    }
  });

  it("holds about forty CIs of every type, related to each other, with a production baseline covering every CI in service", () => {
    const { cis, project } = history.summary;
    expect(cis.total).toBeGreaterThanOrEqual(40);
    expect(Object.keys(cis.byType).sort()).toEqual(["application", "database", "document", "interface", "network", "requirement", "server", "service"]);
    expect(cis.relationships).toBeGreaterThanOrEqual(45);
    const production = queries.ofType<{ kind: string; cis: { ciId: string }[] }>("project.baseline_taken").filter((event) => event.data.kind === "production");
    expect(production).toHaveLength(1);
    const registeredBefore = queries.ofType<{ ciId: string }>("configuration.ci_registered").filter((event) => event.position < (production[0]?.position ?? 0));
    expect(production[0]?.data.cis.map((ci) => ci.ciId).sort()).toEqual(registeredBefore.map((event) => event.data.ciId).sort());
    expect(project.baselines.map((baseline) => baseline.kind)).toEqual(["project", "project", "production"]);
  });
});
