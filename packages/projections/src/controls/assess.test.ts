import { describe, expect, it } from "vitest";
import { auditFindings } from "../audit/findings.js";
import { FINDING_KINDS } from "../audit/finding.js";
import { READINESS_CHECKS } from "../readiness/criteria.js";
import { crmDriftStory } from "../fixtures/crm-story.js";
import { handoverStory } from "../fixtures/handover-story.js";
import { transitionReadiness } from "../readiness/transition-readiness.js";
import { assessControls } from "./assess.js";
import { CONTROL_FRAMEWORKS } from "./framework.js";
import { FINDING_OCCASIONS, READINESS_OCCASIONS, ruleOccasions } from "./occasions.js";

function assess(story: ReturnType<typeof handoverStory>, framework = CONTROL_FRAMEWORKS.iso20000) {
  const log = story.log();
  return assessControls(framework, { findings: auditFindings(log, story.policy), occasions: ruleOccasions(log), readiness: transitionReadiness(log, "crm") });
}

const verdict = (assessment: ReturnType<typeof assess>, id: string) => assessment.controls.find((control) => control.id === id);

describe("assessControls", () => {
  it("passes a control whose rules judged events and found nothing, citing those events; leaves one with nothing to judge not evidenced", () => {
    const story = handoverStory();
    const log = story.log();
    const assessment = assess(story);
    const approvals = log.filter((event) => ["change.vote_cast", "change.authorised", "release.approved", "change.reviewed", "project.role_granted"].includes(event.type)).map((event) => event.position);
    expect(verdict(assessment, "8.5.1.3-decision")).toMatchObject({ status: "pass", evidence: approvals });
    // No emergency change in the story: neither the emergency-change rule nor its readiness check had anything to judge.
    expect(verdict(assessment, "8.5.1.3-emergency")).toMatchObject({ status: "not_evidenced", evidence: [] });
    expect(assessment.counts.pass + assessment.counts.fail + assessment.counts.not_evidenced).toBe(CONTROL_FRAMEWORKS.iso20000.controls.length);
  });

  it("fails a control when a finding of one of its kinds stands, citing the finding's evidence", () => {
    const story = crmDriftStory();
    const log = story.log();
    const unauthorised = auditFindings(log, story.policy).findings.filter((finding) => finding.kind === "ci_change_unauthorised");
    const assessment = assess(story);
    const control = verdict(assessment, "8.2.6-controlled");
    expect(control).toMatchObject({ status: "fail", evidence: [...new Set(unauthorised.flatMap((finding) => finding.evidence))].sort((a, b) => a - b) });
    expect(control?.rules[0]).toMatchObject({ rule: "finding", kind: "ci_change_unauthorised", findings: unauthorised });
    expect(verdict(assess(story, CONTROL_FRAMEWORKS.sox), "CM-01")?.status).toBe("fail");
  });

  it("fails a control when one of its readiness checks fails, and says a check did not run when no project started", () => {
    const story = handoverStory();
    const log = story.log().filter((event) => event.meta.occurredAt < "2026-03-09T00:00:00.000Z");
    const inputs = { findings: auditFindings(log, story.policy), occasions: ruleOccasions(log), readiness: transitionReadiness(log, "crm") };
    expect(verdict(assessControls(CONTROL_FRAMEWORKS.iso20000, inputs), "8.2.6-baseline")).toMatchObject({ status: "fail" });
    const none = assessControls(CONTROL_FRAMEWORKS.iso20000, { ...inputs, readiness: null });
    expect(verdict(none, "8.3.3-levels")).toMatchObject({ status: "not_evidenced", rules: [{ rule: "readiness", check: "service_levels", status: "not_run" }] });
  });

  it("knows which events every finding kind's rule and every readiness check judges", () => {
    expect(Object.keys(FINDING_OCCASIONS).sort()).toEqual([...FINDING_KINDS].sort());
    expect(Object.keys(READINESS_OCCASIONS).sort()).toEqual([...READINESS_CHECKS].sort());
  });

  it("passes a readiness check's control on the events the check judged when the check cites none", () => {
    const story = handoverStory();
    const log = story.log();
    const raised = log.filter((event) => ["change.raised", "change.closed", "change.reviewed"].includes(event.type)).map((event) => event.position);
    expect(verdict(assess(story), "8.5.1.3-review")).toMatchObject({ status: "pass", evidence: raised });
  });
});
