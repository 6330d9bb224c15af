import type { RecordedBreach, RecordedEvent } from "@handover/core";
import { RULE_NAMES, type RuleName } from "@handover/itil";

/** A breach an event recorded, with a rule name the audit knows. */
export interface RecordedRuleBreach {
  readonly rule: RuleName;
  readonly message: string;
}

const isRuleName = (rule: string): rule is RuleName => (RULE_NAMES as readonly string[]).includes(rule);

/**
 * Where logs written before `meta.recordedBreaches` kept a breach in record mode: a vote's or
 * a release's `findings`, a configuration event's `changeControl.breach`, a sign-off's `breaches`.
 */
function legacyBreaches(data: unknown): RecordedBreach[] {
  const fields = (data ?? {}) as { findings?: RecordedBreach[]; breaches?: RecordedBreach[]; changeControl?: { breach?: { message: string } } };
  const breach = fields.changeControl?.breach;
  return [...(fields.findings ?? []), ...(fields.breaches ?? []), ...(breach === undefined ? [] : [{ rule: "ci_change_authorised", message: breach.message }])];
}

/** The breaches an event recorded because their rules ran in record mode: its `meta.recordedBreaches` (and the fields older logs used). */
export function recordedBreachesOf(event: RecordedEvent): RecordedRuleBreach[] {
  return [...(event.meta.recordedBreaches ?? []), ...legacyBreaches(event.data)].flatMap((breach) => (isRuleName(breach.rule) ? [{ rule: breach.rule, message: breach.message }] : []));
}
