import { consentRequirement, documentCis, requirementCis, serviceCis, type CiSpec } from "../data/cis.js";
import { designRelationships } from "../data/relationships.js";
import type { Agenda, ChapterAgenda } from "../story/agenda.js";
import { people } from "../story/cast.js";
import { normalChange } from "../story/changes.js";
import { projectPolicy } from "../story/policy.js";
import { onProject } from "../story/project.js";
import { minutesAfter, on } from "../story/time.js";

const { projectManager, configurationManager: ben, changeManager: carla, productOwner: zoe } = people;

/** Registers CIs one after another, a few minutes apart, from a story time. */
export function registerAll(agenda: ChapterAgenda, from: string, cis: readonly CiSpec[], by: string = ben, everyMinutes = 4): void {
  cis.forEach((ci, index) => {
    const { ciId, ciType, name, owner, attributes } = ci;
    agenda.does(minutesAfter(on(from), index * everyMinutes), by, { type: "ci.register", ciId, ciType, name, owner, attributes: { ...attributes } });
  });
}

/** Moves CIs to a status (`ci.start_development`, `ci.start_test`, …) one after another from a story time. */
export function moveAll(agenda: ChapterAgenda, from: string, ciIds: readonly string[], type: "ci.start_development" | "ci.start_test", everyMinutes = 2): void {
  ciIds.forEach((ciId, index) => agenda.does(minutesAfter(on(from), index * everyMinutes), ben, { type, ciId }));
}

/**
 * Initiation and design (September 2025): the project starts with its policy, the
 * requirements are registered, REQ-04 (marketing consent) enters the scope by a
 * project-level change after the product owner's own vote is refused, the documents and
 * services are designed, service levels are agreed and the design baseline is taken.
 */
export function setupChapter(agenda: Agenda): void {
  const setup = agenda.chapter("setup");
  setup.does("2025-09-01 09:00", projectManager, { type: "project.start", ...onProject, name: "Orbit CRM: replacement of the legacy Siebel CRM", manager: projectManager, policy: projectPolicy });
  registerAll(setup, "2025-09-01 14:00", requirementCis);
  normalChange(setup, {
    changeId: "CHG-001",
    title: "Add marketing consent capture and audit (REQ-04) to the project scope",
    description: "The DPO's opinion of 5 September requires consent capture with an audit trail before any marketing use of CRM contacts.",
    target: { level: "project", target: { kind: "requirement", id: "req-marketing-consent" } },
    raised: { at: "2025-09-08 10:30", by: zoe },
    assessed: {
      at: "2025-09-09 11:00",
      by: carla,
      risk: "medium",
      impactSummary: "About 12 person-days of build and a consent feed to marketing automation; the go-live date holds",
      implementationPlan: "Add REQ-04 to the requirements baseline; extend the interface control document with the consent feed; plan the build in sprint 4",
      testPlan: "Review with the DPO; consent scenarios added to the system test and UAT scripts",
      backOutPlan: "Withdraw REQ-04 from the requirements baseline before sprint 4 starts; nothing is built before then",
    },
    votes: [
      { at: "2025-09-10 14:20", by: people.securityOfficer, vote: "approve", comment: "The DPO's opinion is binding; consent records must stay auditable for six years" },
      { at: "2025-09-10 14:25", by: people.salesOpsLead, vote: "approve", comment: "Marketing needs the consent flags for the first-quarter campaigns" },
    ],
    delivery: {
      scheduled: { at: "2025-09-11 08:45", by: carla, window: ["2025-09-11 09:00", "2025-09-19 17:00"] },
      started: { at: "2025-09-11 09:30", by: zoe },
      work: (work) => work.does("2025-09-11 10:00", ben, { type: "ci.register", changeId: "CHG-001", ...registration(consentRequirement) }),
      completed: { at: "2025-09-12 16:00", by: zoe, notes: "REQ-04 in the requirements baseline; section 7 of the interface control document (consent feed) drafted" },
      reviewed: { at: "2025-09-17 14:30", by: carla, lessons: "Regulatory requirements need the DPO in the requirement workshops from the start" },
      closed: { at: "2025-09-17 14:35", by: carla },
    },
  });
  setup.isRefused("2025-09-10 14:10", zoe, { type: "change.vote", changeId: "CHG-001", vote: "approve", comment: "Approved by the business" }, "approver_role", "The product owner raised CHG-001 and holds no CAB role: she can neither approve her own change nor sit on the CAB");
  designChapter(setup);
}

function registration(ci: CiSpec) {
  return { ciId: ci.ciId, ciType: ci.ciType, name: ci.name, owner: ci.owner, attributes: { ...ci.attributes } };
}

function designChapter(design: ChapterAgenda): void {
  const requirements = [...requirementCis, consentRequirement].map((ci) => ci.ciId);
  design.does("2025-09-15 09:00", projectManager, { type: "project.enter_phase", ...onProject, phase: "design" });
  moveAll(design, "2025-09-15 10:00", requirements, "ci.start_development");
  registerAll(design, "2025-09-16 09:30", documentCis);
  registerAll(design, "2025-09-18 10:00", serviceCis);
  moveAll(design, "2025-09-18 15:00", [...documentCis, ...serviceCis].map((ci) => ci.ciId), "ci.start_development");
  design.does("2025-10-01 11:00", projectManager, {
    type: "project.agree_service_levels",
    ...onProject,
    serviceLevels: [
      { service: "svc-crm", availabilityPercent: 99.5, targets: { "1": { responseMinutes: 15, resolutionMinutes: 240 }, "2": { responseMinutes: 30, resolutionMinutes: 480 }, "3": { responseMinutes: 240, resolutionMinutes: 1440 }, "4": { responseMinutes: 480, resolutionMinutes: 4320 } } },
      { service: "svc-sales-reporting", availabilityPercent: 99, targets: { "2": { responseMinutes: 60, resolutionMinutes: 960 }, "3": { responseMinutes: 240, resolutionMinutes: 2880 }, "4": { responseMinutes: 960, resolutionMinutes: 7200 } } },
    ],
  });
  designRelationships.forEach(([ciId, relationship, targetCiId], index) =>
    design.does(minutesAfter(on("2025-10-02 10:00"), index * 3), ben, { type: "ci.add_relationship", ciId, relationship, targetCiId }),
  );
  moveAll(design, "2025-10-03 09:00", requirements, "ci.start_test");
  design.does("2025-10-03 15:00", ben, { type: "ci.set_attribute", ciId: "doc-solution-design", name: "version", value: "1.0" });
  design.does("2025-10-03 15:05", ben, { type: "ci.set_attribute", ciId: "doc-interface-spec", name: "version", value: "1.0" });
  design.does("2025-10-03 16:00", people.configurationManager, { type: "project.take_baseline", ...onProject, name: "Design baseline", kind: "project", scope: { kind: "types", ciTypes: ["requirement", "document", "service"] } });
}
