import { z } from "zod";

/** Why an incident waits; each pauses the resolution clock unless the SLA policy says otherwise. */
export const ON_HOLD_REASONS = ["awaiting_caller", "awaiting_vendor", "awaiting_problem", "awaiting_change", "awaiting_evidence"] as const;
/** Why an incident is on hold. */
export const OnHoldReason = z.enum(ON_HOLD_REASONS);
/** Why an incident is on hold. */
export type OnHoldReason = z.infer<typeof OnHoldReason>;

/** Targets for one priority: time to own (response) and time to resolve, in minutes. */
export const SlaTarget = z.object({
  responseMinutes: z.number().int().positive(),
  resolutionMinutes: z.number().int().positive(),
});
/** Targets for one priority. */
export type SlaTarget = z.infer<typeof SlaTarget>;

/** Targets per priority, and which on-hold reasons pause the resolution clock. */
export const SlaPolicy = z.object({
  targets: z.record(z.string().regex(/^[1-9]\d*$/, "expected a priority number"), SlaTarget),
  pausingReasons: z.array(OnHoldReason),
});
/** Targets per priority, and which on-hold reasons pause the resolution clock. */
export type SlaPolicy = Readonly<{ targets: Readonly<Record<string, SlaTarget>>; pausingReasons: readonly OnHoldReason[] }>;

/** Default targets: P1 15 min / 4 h, P2 30 min / 8 h, P3 4 h / 24 h, P4 8 h / 72 h, P5 24 h / 120 h; every reason pauses. */
export const defaultSlaPolicy: SlaPolicy = Object.freeze({
  targets: Object.freeze({
    "1": { responseMinutes: 15, resolutionMinutes: 4 * 60 },
    "2": { responseMinutes: 30, resolutionMinutes: 8 * 60 },
    "3": { responseMinutes: 4 * 60, resolutionMinutes: 24 * 60 },
    "4": { responseMinutes: 8 * 60, resolutionMinutes: 72 * 60 },
    "5": { responseMinutes: 24 * 60, resolutionMinutes: 120 * 60 },
  }),
  pausingReasons: ON_HOLD_REASONS,
});

/** The targets for a priority, or undefined when the policy sets none. */
export function slaTargetFor(policy: SlaPolicy, priority: number): SlaTarget | undefined {
  return policy.targets[String(priority)];
}

/** True when time on hold for this reason does not count against the resolution target. */
export function pausesResolutionClock(policy: SlaPolicy, reason: OnHoldReason): boolean {
  return policy.pausingReasons.includes(reason);
}
