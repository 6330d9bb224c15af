import type { DomainError, RecordedBreach } from "@handover/core";
import { domainError } from "@handover/core";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import type { CommandContext } from "./command-context.js";
import { CROSS_PROCESS_RULES, type ControlPolicy, type ControlledProcess, type CrossProcessRule, type RuleMode } from "./control-policy.js";
import type { ProjectPhase } from "./phases.js";
import type { Role } from "./roles.js";

/**
 * Rules no policy turns to record mode: what a process guarantees by itself (a release goes
 * to production only once approved; a problem is resolved only by a change implemented
 * successfully; a post-implementation review agrees with the implementation's outcome or
 * says why not; a baseline holds only CIs in a status its kind covers). Deciders never break them; the audit still judges imported history by them.
 */
export const FIXED_RULES = ["release_approved", "problem_resolution", "review_consistent", "baseline_promotion"] as const;
/** A rule always enforced. */
export type FixedRule = (typeof FIXED_RULES)[number];

/** Every rule a decision and the audit judge events by: the policy's rules, the phase gate, and the fixed rules. */
export const RULE_NAMES = [...CROSS_PROCESS_RULES, "phase_gate", ...FIXED_RULES] as const;
/** A rule a decision and the audit judge events by. */
export type RuleName = (typeof RULE_NAMES)[number];

/** A rule broken by one event: which rule, the refusal it earns, and one sentence a person can act on. */
export interface Breach {
  readonly rule: RuleName;
  /** The refusal's code when the rule is enforced. */
  readonly code: string;
  /** Names the entity, the rule and what would satisfy it; the refusal's message and the audit's finding alike. */
  readonly message: string;
  /** The phase gate's process: its mode is that process's (`policy.processes`). */
  readonly process?: ControlledProcess;
  /** True when the policy leaves the process out: refused whatever the mode. */
  readonly disabled?: boolean;
  readonly details?: Readonly<Record<string, unknown>>;
}

/**
 * What every rule knows: the command context of the event's actor at its business time, the
 * project's phase then, and the roles any actor held then (an authorisation names approvers
 * besides its actor).
 */
export interface RuleContext extends CommandContext {
  readonly phase: ProjectPhase;
  /**
   * True when the log holds no project (history imported from a tool that has none): there is
   * no phase, so the phase gate has nothing to judge. A decision never sees it: the engine
   * refuses every command before `project.start`.
   */
  readonly withoutProject?: boolean;
  readonly rolesOf: (actor: string) => readonly Role[];
  /** True when the log holds, at this time, the aggregate of that id of the process named `kind` (`references_exist`). */
  readonly exists: (kind: string, id: string) => boolean;
}

/**
 * One rule as a pure function of the aggregate's state before an event, the event, and the
 * facts of its time: the breach it finds, or none. A decision calls it on the events the
 * decider would append; the audit replay calls it on every event of the log, with the
 * facts as the log stood.
 */
export interface Rule<State, Event extends { readonly type: string }, Facts> {
  readonly name: RuleName;
  /** What the rule asks, in one sentence (docs/policy.md prints it). */
  readonly summary: string;
  /** The event types it judges; absent: every event of its process. */
  readonly judges?: readonly Event["type"][];
  /** The breach the event commits, judged on the state before it and the facts of its time; undefined when it keeps the rule. */
  check(state: State, event: Event, facts: Facts): Breach | undefined;
}

/** The mode a breach is applied in: the phase gate's process mode (a left-out process is always refused), the fixed rules enforced, every other rule as the policy says. */
export function modeOfBreach(policy: ControlPolicy, breach: Breach): RuleMode {
  if (breach.rule === "phase_gate") return breach.disabled === true || breach.process === undefined ? "enforce" : policy.processes[breach.process].mode;
  if ((FIXED_RULES as readonly string[]).includes(breach.rule)) return "enforce";
  return policy.rules[breach.rule as CrossProcessRule];
}

/** The breaches one event commits: every rule of the process that judges its type, in the order the rules are listed. */
export function judgeEvent<State, Event extends { readonly type: string }, Facts>(rules: readonly Rule<State, Event, Facts>[], state: State, event: Event, facts: Facts): Breach[] {
  const breaches: Breach[] = [];
  for (const rule of rules) {
    if (rule.judges !== undefined && !rule.judges.includes(event.type)) continue;
    const breach = rule.check(state, event, facts);
    if (breach !== undefined) breaches.push(breach);
  }
  return breaches;
}

/**
 * Judges the events a decider would append, each against the aggregate's state just before
 * it (the state is evolved through the batch with `evolve`) and the facts `factsOf` gives
 * for it: the breaches of each event, in order.
 */
export function judgeEvents<State, Event extends { readonly type: string }, Facts>(
  rules: readonly Rule<State, Event, Facts>[],
  evolve: (state: State, event: Event) => State,
  state: State,
  events: readonly Event[],
  factsOf: (event: Event, state: State) => Facts,
): Breach[][] {
  const judged: Breach[][] = [];
  let current = state;
  for (const event of events) {
    judged.push(judgeEvent(rules, current, event, factsOf(event, current)));
    current = evolve(current, event);
  }
  return judged;
}

/** The refusal an enforced breach earns: its code and sentence, with the rule named. */
export function refusalOf(breach: Breach): DomainError {
  return domainError(breach.code, breach.message, { rule: breach.rule, ...breach.details });
}

/**
 * Applies the policy's modes to the breaches of each event: the first breach of a rule in
 * enforce mode refuses the whole command; breaches of rules in record mode become the
 * `meta.recordedBreaches` of the event that committed them.
 */
export function recordedBreaches(policy: ControlPolicy, judged: readonly (readonly Breach[])[]): Either<DomainError, RecordedBreach[][]> {
  for (const breaches of judged) {
    const enforced = breaches.find((breach) => modeOfBreach(policy, breach) === "enforce");
    if (enforced !== undefined) return left(refusalOf(enforced));
  }
  return right(judged.map((breaches) => breaches.map(({ rule, message }) => ({ rule, message }))));
}
