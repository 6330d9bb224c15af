import { createHandover, type HandoverCommand } from "@handover/engine";

const handover = createHandover({
  policy: { roles: { ana: ["project_manager"], ben: ["change_manager", "configuration_manager"], cai: ["cab_member"] } },
});
const run = async (command: HandoverCommand, actor: string) => {
  const result = await handover.execute(command, { actor });
  console.log(result._tag === "Right" ? `ok      ${JSON.stringify(result.right.positions)}` : `refused ${result.left.code}: ${result.left.message}`);
};

await run({ type: "project.start", projectId: "crm", name: "CRM replacement", manager: "ana" }, "ana");
await run({ type: "ci.register", ciId: "crm-db", ciType: "database", name: "CRM database", owner: "ben" }, "ben");
await run({ type: "project.enter_phase", projectId: "crm", phase: "system_test" }, "ana");
// Change control now applies to the solution: a CI changes only under an authorised change.
await run({ type: "ci.set_attribute", ciId: "crm-db", name: "version", value: "16" }, "ben");
await run({ type: "change.raise", changeId: "C-1", changeType: "normal", scope: { level: "solution", ciIds: ["crm-db"] }, title: "Upgrade the database" }, "ben");
await run({ type: "change.assess", changeId: "C-1", risk: "low", impactSummary: "10 minutes read-only", affectedCis: ["crm-db"], implementationPlan: "pg_upgrade", testPlan: "smoke tests" }, "ben");
await run({ type: "change.vote", changeId: "C-1", vote: "approve", comment: "go ahead" }, "cai");
await run({ type: "change.schedule", changeId: "C-1", window: { start: "2026-01-01T00:00:00Z", end: "2030-01-01T00:00:00Z" } }, "ben");
await run({ type: "ci.set_attribute", ciId: "crm-db", name: "version", value: "16", changeId: "C-1" }, "ben");

const { cmdb, readiness } = await handover.readModels();
console.log(cmdb.cis.map((ci) => `${ci.ciId}: ${JSON.stringify(ci.attributes)}`).join("\n"));
console.log(`ready to hand over: ${readiness?.ready}; failing: ${readiness?.checks.filter((check) => check.status === "fail").map((check) => check.name).join(", ")}`);
