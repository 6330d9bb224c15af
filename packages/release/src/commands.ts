import { ChangeId, IncidentId, ReleaseId } from "@handover/itil";
import { z } from "zod";
import { DeploymentEnvironment, distinctBy, ReleasedCi, Text } from "./values.js";

/** Plan a release: its version and name, the changes it bundles and the CI versions it ships. */
export const PlanRelease = z.object({
  type: z.literal("release.plan"),
  releaseId: ReleaseId,
  version: Text,
  name: Text,
  changeIds: z.array(ChangeId).min(1, "a release bundles at least one change").superRefine(distinctBy((id) => id, "each change is named once")),
  cis: z.array(ReleasedCi).min(1, "a release ships at least one CI").superRefine(distinctBy((ci) => ci.ciId, "each CI is named once")),
  backOutPlan: Text.optional(),
});

/** Record a build of the release: the artifact and its checksum. */
export const BuildRelease = z.object({ type: z.literal("release.build"), releaseId: ReleaseId, artifact: Text, checksum: Text });

/** Start the next test iteration on the latest build, in a test environment (`system-test`, `uat`, …). */
export const StartTestIteration = z.object({ type: z.literal("release.start_test_iteration"), releaseId: ReleaseId, environment: Text });

/** Record that the running test iteration passed. */
export const PassTestIteration = z.object({ type: z.literal("release.pass_test_iteration"), releaseId: ReleaseId, notes: Text.optional() });

/** Record that the running test iteration failed: the failed cases and the incidents raised for them. */
export const FailTestIteration = z.object({
  type: z.literal("release.fail_test_iteration"),
  releaseId: ReleaseId,
  failedCases: z.array(Text).min(1, "a failed iteration names at least one failed case"),
  incidentIds: z.array(IncidentId),
});

/** Approve the release for deployment. */
export const ApproveRelease = z.object({ type: z.literal("release.approve"), releaseId: ReleaseId, comment: Text.optional() });

/** Deploy the approved release to an environment. */
export const DeployRelease = z.object({ type: z.literal("release.deploy"), releaseId: ReleaseId, environment: DeploymentEnvironment });

/** Roll back the production deployment. */
export const RollBackRelease = z.object({ type: z.literal("release.roll_back"), releaseId: ReleaseId, reason: Text });

/** Close the release. */
export const CloseRelease = z.object({ type: z.literal("release.close"), releaseId: ReleaseId });

/** Write down (or replace) how to back the release out of production. */
export const DocumentBackOutPlan = z.object({ type: z.literal("release.document_back_out_plan"), releaseId: ReleaseId, backOutPlan: Text });

/** Every command of release management, discriminated on `type`. */
export const ReleaseCommand = z.discriminatedUnion("type", [
  PlanRelease,
  BuildRelease,
  StartTestIteration,
  PassTestIteration,
  FailTestIteration,
  ApproveRelease,
  DeployRelease,
  RollBackRelease,
  CloseRelease,
  DocumentBackOutPlan,
]);
/** A command of release management. */
export type ReleaseCommand = z.infer<typeof ReleaseCommand>;
/** A command's `type`. */
export type ReleaseCommandType = ReleaseCommand["type"];
/** The command of a given type. */
export type ReleaseCommandOf<T extends ReleaseCommandType> = Extract<ReleaseCommand, { type: T }>;
