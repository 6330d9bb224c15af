import { describe, expect, it } from "vitest";
import { HandoverCommand } from "./handover-command.js";
import { PROCESSES } from "@handover/projections";

const oneOfEach = [
  { type: "project.start", projectId: "crm", name: "CRM replacement", manager: "pm-ana" },
  { type: "ci.register", ciId: "crm-db", ciType: "database", name: "CRM DB", owner: "cm-ben" },
  { type: "change.raise", changeId: "C-1", changeType: "normal", scope: { level: "solution", ciIds: ["crm-db"] }, title: "Upgrade DB" },
  { type: "release.plan", releaseId: "R-1", version: "1.0", name: "Go-live", changeIds: ["C-1"], cis: [{ ciId: "crm-db", version: "16" }], backOutPlan: "restore" },
  { type: "incident.log", incidentId: "INC1", title: "slow", impact: 3, urgency: 3 },
  { type: "problem.log", problemId: "PRB1", title: "slow queries" },
];

describe("HandoverCommand", () => {
  it("is the union of every process's command schema in the one list of processes", () => {
    const routed = PROCESSES.map((wiring) => wiring.descriptor.commandSchema);
    expect(HandoverCommand.options).toHaveLength(routed.length);
    for (const schema of routed) expect(HandoverCommand.options).toContain(schema);
  });

  it("parses a command of every process, and refuses a bad one naming the field", () => {
    for (const command of oneOfEach) expect(HandoverCommand.safeParse(command).success, command.type).toBe(true);
    const bad = HandoverCommand.safeParse({ type: "incident.log", incidentId: "INC1", title: "slow", impact: "high", urgency: 3 });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(["impact"]);
    expect(HandoverCommand.safeParse({ type: "incident.explode" }).success).toBe(false);
  });
});
