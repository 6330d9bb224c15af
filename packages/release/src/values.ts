import { CiId } from "@handover/itil";
import { z } from "zod";

/** Non-empty text. */
export const Text = z.string().trim().min(1);

/** A CI the release ships, at the version it ships. */
export const ReleasedCi = z.object({ ciId: CiId, version: Text });
/** A CI the release ships, at the version it ships. */
export type ReleasedCi = Readonly<z.infer<typeof ReleasedCi>>;

/** Where a release is deployed. */
export const DEPLOYMENT_ENVIRONMENTS = ["test", "staging", "production"] as const;
/** Where a release is deployed. */
export const DeploymentEnvironment = z.enum(DEPLOYMENT_ENVIRONMENTS);
/** Where a release is deployed. */
export type DeploymentEnvironment = z.infer<typeof DeploymentEnvironment>;

/** A recorded rule breach (shared vocabulary, from itil). */
export { RuleFinding } from "@handover/itil";

/** A list whose members are distinct under a key. */
export function distinctBy<T>(key: (item: T) => string, message: string) {
  return (items: readonly T[], context: z.core.$RefinementCtx<readonly T[]>): void => {
    if (new Set(items.map(key)).size !== items.length) context.addIssue({ code: "custom", message });
  };
}

/** Business time and actor are shared vocabulary: every process accepts the same forms (itil). */
export { BusinessTime, Actor } from "@handover/itil";
