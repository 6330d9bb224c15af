import { describe, expect, it } from "vitest";
import { handoverStory, incidentWithKnownError } from "../fixtures/handover-story.js";
import { createScenario, people, policyWith, t } from "../fixtures/scenario.js";
import { startCrm } from "../fixtures/crm-story.js";
import { knownErrors } from "./known-errors.js";

describe("knownErrors", () => {
  it("lists open known errors with their workaround, affected CIs as the CMDB knows them, and incidents", () => {
    const log = handoverStory().log();
    const found = knownErrors(log);
    expect(found.knownErrors).toEqual([
      {
        problemId: "PRB1",
        title: "slow search",
        status: "known_error",
        symptom: "search takes 20 s",
        rootCause: "missing index",
        workaround: "search by customer number",
        recordedAt: t(4, "13:00"),
        position: log.find((event) => event.type === "problem.known_error_recorded")?.position,
        cis: [{ ciId: "crm-app", name: "crm-app name", ciType: "application", status: "in_test" }],
        incidentIds: ["INC1"],
      },
    ]);
    expect(knownErrors(log, { asOf: t(4, "12:30") }).knownErrors).toEqual([]);
  });

  it("keeps a known error whose risk was accepted, and drops duplicates and fixed ones", () => {
    const s = createScenario(policyWith({ rules: { references_exist: "record" } }));
    startCrm(s);
    incidentWithKnownError(s, 4);
    s.problem(people.pbm, t(5), { type: "problem.close", problemId: "PRB1", code: "risk_accepted", notes: "rare" });
    s.problem(people.pbm, t(5, "10:00"), { type: "problem.log", problemId: "PRB2", title: "dup", ciIds: [] });
    s.problem(people.pbm, t(5, "10:10"), { type: "problem.close", problemId: "PRB2", code: "duplicate", duplicateOf: "PRB1" });
    const found = knownErrors(s.log());
    expect(found.knownErrors.map((entry) => [entry.problemId, entry.status])).toEqual([["PRB1", "closed"]]);
    expect(found.knownErrors[0]?.cis[0]).toEqual({ ciId: "crm-app", name: null, ciType: null, status: null });
  });
});
