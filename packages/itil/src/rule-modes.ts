import type { DomainError } from "@handover/core";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { z } from "zod";
import { CrossProcessRule, type ControlPolicy } from "./control-policy.js";

/** A breach of a cross-process rule that an event keeps because the rule ran in record mode. */
export const RuleFinding = z.object({ rule: CrossProcessRule, message: z.string().min(1) });
/** A recorded rule breach. */
export type RuleFinding = Readonly<z.infer<typeof RuleFinding>>;

/** A cross-process rule a command breaks, with the refusal it earns when the rule is enforced. */
export interface RuleBreach {
  readonly rule: CrossProcessRule;
  readonly error: DomainError;
}

/**
 * Applies the policy's mode to each breach: the first breach of an enforced rule refuses
 * the command; breaches of rules in record mode become findings the event keeps.
 */
export function applyRuleModes(policy: ControlPolicy, breaches: readonly RuleBreach[]): Either<DomainError, readonly RuleFinding[]> {
  const enforced = breaches.find((breach) => policy.rules[breach.rule] === "enforce");
  if (enforced !== undefined) return left(enforced.error);
  return right(breaches.map(({ rule, error }) => ({ rule, message: error.message })));
}

/** The findings as an optional event field: absent when there are none. */
export function findingsField(findings: readonly RuleFinding[]): { readonly findings?: RuleFinding[] } {
  return findings.length === 0 ? {} : { findings: [...findings] };
}
