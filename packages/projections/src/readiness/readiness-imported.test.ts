import { describe, expect, it } from "vitest";
import { startCrm } from "../fixtures/crm-story.js";
import { createScenario, people, t } from "../fixtures/scenario.js";
import { transitionReadiness } from "./transition-readiness.js";

describe("readiness over imported history past a final state", () => {
  const s = createScenario();
  startCrm(s);
  s.incident(people.desk, t(2), { type: "incident.log", incidentId: "INC1", title: "down", impact: 1, urgency: 1 });
  s.incident(people.desk, t(2, "09:05"), { type: "incident.assign", incidentId: "INC1", group: "g" });
  s.incident(people.desk, t(2, "09:10"), { type: "incident.start_work", incidentId: "INC1" });
  s.incident(people.desk, t(2, "10:00"), { type: "incident.resolve", incidentId: "INC1", resolutionCode: "c", resolutionNotes: "n" });
  s.incident(people.desk, t(2, "11:00"), { type: "incident.close", incidentId: "INC1" });
  // The source system put the closed incident back to New; our lifecycle never does, the import keeps it.
  s.record({ streamId: "incident-INC1", type: "incident.returned_to_new", data: { incidentId: "INC1", at: t(3), by: "import" }, meta: { actor: "import", occurredAt: t(3) } });
  const log = s.log();

  it("sees the closed incident open again, at its priority", () => {
    const check = (asOf: string) => transitionReadiness(log, "crm", { asOf }).checks.find((each) => each.name === "major_incidents");
    expect(check(t(2, "12:00"))?.status).toBe("pass");
    expect(check(t(3, "12:00"))).toMatchObject({ status: "fail", explanation: "1 open incident at priority 2 or higher: INC1 (P1); resolve them, or reprioritise with a reason" });
  });
});
