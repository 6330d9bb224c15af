import { steppingClock, toArray, type RecordedEvent } from "@handover/core";
import type { Role } from "@handover/itil";
import { auditFindings } from "@handover/projections";
import { isLeft, isRight } from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { createHandover, type Handover } from "./create-handover.js";

const roles: Record<string, Role[]> = { ana: ["project_manager"], ben: ["configuration_manager", "change_manager"], eve: ["ecab_member"] };

/** A project in system test with crm-db, an emergency change E-1 on it authorised by the ECAB, implemented and completed. */
async function emergencyCompleted(mode: "enforce" | "record"): Promise<Handover> {
  const handover = createHandover({ clock: steppingClock("2026-03-02T09:00:00Z", 60_000), policy: { roles, rules: { ci_change_authorised: mode } } });
  const steps: [Parameters<Handover["execute"]>[0], string][] = [
    [{ type: "project.start", projectId: "crm", name: "CRM", manager: "ana" }, "ana"],
    [{ type: "ci.register", ciId: "crm-db", ciType: "database", name: "CRM DB", owner: "ben" }, "ben"],
    [{ type: "project.enter_phase", projectId: "crm", phase: "system_test" }, "ana"],
    [{ type: "change.raise", changeId: "E-1", changeType: "emergency", scope: { level: "solution", ciIds: ["crm-db"] }, title: "hotfix" }, "ben"],
    [{ type: "change.assess", changeId: "E-1", risk: "low", impactSummary: "5 minutes", affectedCis: [], implementationPlan: "patch", testPlan: "smoke" }, "ben"],
    [{ type: "change.vote", changeId: "E-1", vote: "approve", comment: "go" }, "eve"],
    [{ type: "change.start_implementation", changeId: "E-1" }, "ben"],
    [{ type: "ci.set_attribute", ciId: "crm-db", name: "patch", value: "1", changeId: "E-1" }, "ben"],
    [{ type: "change.complete_implementation", changeId: "E-1", outcome: "successful" }, "ben"],
  ];
  for (const [command, actor] of steps) {
    const result = await handover.execute(command, { actor });
    if (isLeft(result)) throw new Error(`${command.type}: ${result.left.message}`);
  }
  return handover;
}

const afterCompletion = { type: "ci.set_attribute", ciId: "crm-db", name: "patch", value: "2", changeId: "E-1" } as const;

describe("an emergency change covers its CIs from its ECAB authorisation until its implementation completed", () => {
  it("in enforce mode, refuses a CI change under the emergency change after its implementation completed", async () => {
    const handover = await emergencyCompleted("enforce");
    const refused = await handover.execute(afterCompletion, { actor: "ben" });
    expect(isLeft(refused) && refused.left).toMatchObject({ code: "change_not_authorised", message: expect.stringContaining("until its implementation completed") });
  });

  it("in record mode, accepts it with the breach in its meta, and replay alone finds it on the log stripped of recorded breaches", async () => {
    const handover = await emergencyCompleted("record");
    const accepted = await handover.execute(afterCompletion, { actor: "ben" });
    expect(isRight(accepted) && accepted.right.events[0]?.meta.recordedBreaches).toEqual([{ rule: "ci_change_authorised", message: expect.stringContaining("until its implementation completed") }]);
    const log = await toArray(handover.log());
    const stripped: RecordedEvent[] = log.map((event) => ({ ...event, meta: { actor: event.meta.actor, occurredAt: event.meta.occurredAt } }));
    const found = (await auditFindings(stripped, handover.policy)).findings;
    const position = isRight(accepted) ? accepted.right.positions[0] : -1;
    expect(found).toEqual([expect.objectContaining({ kind: "ci_change_unauthorised", rule: "ci_change_authorised", position, source: "replay", entityId: "crm-db" })]);
    expect(found[0]?.message).toBe(isRight(accepted) ? accepted.right.events[0]?.meta.recordedBreaches?.[0]?.message : "");
  });

  it("accepts the change made during the implementation, which the window covers", async () => {
    const handover = await emergencyCompleted("enforce");
    expect((await auditFindings(handover.log(), handover.policy)).findings).toEqual([]);
  });
});
