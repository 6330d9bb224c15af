import { createInMemoryEventStore, sequentialIds, steppingClock } from "@handover/core";
import type { Role } from "@handover/itil";
import { isLeft, isRight } from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { createHandover, type Handover } from "./create-handover.js";

const roles: Record<string, Role[]> = { pm: ["project_manager"], cm: ["configuration_manager"], so: ["service_owner"] };

async function run(handover: Handover, steps: readonly [Record<string, unknown>, string][]): Promise<void> {
  for (const [command, actor] of steps) {
    const result = await handover.execute(command, { actor });
    if (isLeft(result)) throw new Error(`${String(command.type)}: ${result.left.message}`);
  }
}

const toDeployment: [Record<string, unknown>, string][] = [
  [{ type: "project.start", projectId: "p", name: "P", manager: "pm" }, "pm"],
  [{ type: "ci.register", ciId: "app", ciType: "application", name: "App", owner: "cm" }, "cm"],
  [{ type: "ci.register", ciId: "db", ciType: "database", name: "DB", owner: "cm" }, "cm"],
  [{ type: "ci.add_relationship", ciId: "app", relationship: "depends_on", targetCiId: "db" }, "cm"],
  ...["design", "build", "system_test", "acceptance_test", "deployment"].map((phase): [Record<string, unknown>, string] => [{ type: "project.enter_phase", projectId: "p", phase }, "pm"]),
  [{ type: "project.request_transition", projectId: "p" }, "pm"],
];

describe("inline read models", () => {
  it("keep the CMDB and readiness current, and a replay of the store gives the same answer", async () => {
    const store = createInMemoryEventStore({ clock: steppingClock("2026-01-01T00:00:00Z"), ids: sequentialIds("e") });
    const writer = createHandover({ store, clock: steppingClock("2026-02-01T00:00:00Z", 60_000), policy: { roles } });
    await run(writer, toDeployment);
    const written = await writer.readModels();
    expect(written.cmdb.cis.map((ci) => ci.ciId)).toEqual(["app", "db"]);
    expect(written.readiness?.ready).toBe(false);
    expect(written.readiness?.checks.find((check) => check.status === "fail")).toBeDefined();
    const replayed = await createHandover({ store, policy: { roles } }).readModels();
    expect(replayed.cmdb.cis).toEqual(written.cmdb.cis);
    expect(replayed.readiness).toEqual(written.readiness);
  });

  it("refuse sign-off by default while readiness fails, naming the failing checks, and accept a recorded override", async () => {
    const handover = createHandover({ clock: steppingClock("2026-02-01T00:00:00Z", 60_000), policy: { roles } });
    await run(handover, toDeployment);
    const refused = await handover.execute({ type: "project.sign_off_transition", projectId: "p" }, { actor: "so" });
    expect(isLeft(refused) && refused.left.code).toBe("not_ready");
    expect(isLeft(refused) && refused.left.message).toMatch(/baseline/i);
    const overridden = await handover.execute({ type: "project.sign_off_transition", projectId: "p", overrideReason: "go-live date fixed by the board" }, { actor: "so" });
    expect(isRight(overridden)).toBe(true);
    const event = isRight(overridden) ? overridden.right.events[0] : undefined;
    expect(event?.data).toMatchObject({ override: expect.anything() });
  });
});
