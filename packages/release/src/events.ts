import { createEventCatalogue, defineEvent, type EventOf } from "@handover/core";
import { ChangeId, IncidentId, ReleaseId } from "@handover/itil";
import { z } from "zod";
import { Actor, BusinessTime, DeploymentEnvironment, ReleasedCi, RuleFinding } from "./values.js";

/** What every release event carries: the release, when (business time) and by whom. */
const common = { releaseId: ReleaseId, at: BusinessTime, by: Actor };
const text = z.string().min(1);
const counter = z.number().int().min(1);
const findings = z.array(RuleFinding).optional();

/** The definitions of release management's events, by short name. */
export const releaseEvents = {
  planned: defineEvent(
    "release.planned",
    z.object({ ...common, version: text, name: text, changeIds: z.array(ChangeId), cis: z.array(ReleasedCi), backOutPlan: text.optional() }),
    { description: "A release was planned: version, name, the changes it bundles and the CI versions it ships; `by` is its release manager." },
  ),
  built: defineEvent("release.built", z.object({ ...common, build: counter, artifact: text, checksum: text }), {
    description: "Build n of the release was made: its artifact and checksum.",
  }),
  testIterationStarted: defineEvent("release.test_iteration_started", z.object({ ...common, iteration: counter, build: counter, environment: text }), {
    description: "Test iteration n started on a build, in a test environment.",
  }),
  testIterationPassed: defineEvent("release.test_iteration_passed", z.object({ ...common, iteration: counter, notes: text.optional() }), {
    description: "The running test iteration passed.",
  }),
  testIterationFailed: defineEvent(
    "release.test_iteration_failed",
    z.object({ ...common, iteration: counter, failedCases: z.array(text), incidentIds: z.array(IncidentId) }),
    { description: "The running test iteration failed: the failed cases and the incidents raised; the next iteration needs a new build." },
  ),
  approved: defineEvent("release.approved", z.object({ ...common, build: counter, comment: text.optional(), findings }), {
    description: "The release (at its latest build) was approved for deployment; findings list rules the policy records rather than enforces.",
  }),
  deployed: defineEvent("release.deployed", z.object({ ...common, environment: DeploymentEnvironment, build: counter, findings }), {
    description: "The release was deployed to test, staging or production.",
  }),
  rolledBack: defineEvent("release.rolled_back", z.object({ ...common, reason: text }), {
    description: "The production deployment was rolled back.",
  }),
  closed: defineEvent("release.closed", z.object(common), { description: "The release was closed." }),
  backOutPlanDocumented: defineEvent("release.back_out_plan_documented", z.object({ ...common, backOutPlan: text }), {
    description: "The release's back-out plan was written down or replaced.",
  }),
} as const;

/** The catalogue of release management's events, for stores and the engine. */
export const releaseCatalogue = createEventCatalogue(Object.values(releaseEvents));

/** An event of release management. */
export type ReleaseEvent = EventOf<(typeof releaseEvents)[keyof typeof releaseEvents]>;
/** An event's `type`. */
export type ReleaseEventType = ReleaseEvent["type"];
/** The event of a given type. */
export type ReleaseEventOf<T extends ReleaseEventType> = Extract<ReleaseEvent, { type: T }>;
