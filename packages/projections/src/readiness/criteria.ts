/** The readiness checks (docs/policy.md), in the order they are reported. */
export const READINESS_CHECKS = [
  "production_baseline",
  "major_incidents",
  "incident_workarounds",
  "changes_closed",
  "emergency_changes_reviewed",
  "production_release",
  "ci_owners",
  "relationships",
  "service_levels",
  "sla_performance",
] as const;
/** A readiness check. */
export type ReadinessCheckName = (typeof READINESS_CHECKS)[number];

/** What a check says: it passes, it fails (sign-off needs an override), or it warns (reported, not blocking). */
export type CheckStatus = "pass" | "fail" | "warn";

/** What readiness asks for; every field optional, the defaults of docs/policy.md otherwise. */
export interface ReadinessCriteria {
  /** The checks to run (default: all of READINESS_CHECKS). */
  readonly checks?: readonly ReadinessCheckName[];
  /** What a check that does not pass reports: `fail` (default) or `warn`. */
  readonly severities?: Readonly<Partial<Record<ReadinessCheckName, "fail" | "warn">>>;
  /** Open incidents at this priority or higher (a lower number) block the handover (default 2: priorities 1 and 2). */
  readonly blockingPriority?: number;
  /** Changes explicitly deferred to operations: they may stay open. */
  readonly deferredChanges?: readonly string[];
  /** CI types that are services and need agreed service levels (default: service). */
  readonly serviceCiTypes?: readonly string[];
  /** The share of resolved incidents that must have met their SLA (default 0.9: at most one in ten breached); sla_performance warns below it, unless its severity is set to fail. */
  readonly slaAttainmentAtLeast?: number;
}

/** What a check that does not pass reports by default: `fail`, but for SLA performance, which informs the handover rather than blocks it. */
const DEFAULT_SEVERITY: Readonly<Partial<Record<ReadinessCheckName, "fail" | "warn">>> = { sla_performance: "warn" };

/** Criteria with every default filled in. */
export interface ResolvedCriteria {
  readonly checks: readonly ReadinessCheckName[];
  readonly severities: Readonly<Record<ReadinessCheckName, "fail" | "warn">>;
  readonly blockingPriority: number;
  readonly deferredChanges: ReadonlySet<string>;
  readonly serviceCiTypes: readonly string[];
  readonly slaAttainmentAtLeast: number;
}

/** Fills in the defaults (docs/policy.md); checks keep READINESS_CHECKS' order. Bad thresholds are a programmer error (RangeError). */
export function resolveCriteria(criteria: ReadinessCriteria = {}): ResolvedCriteria {
  const blockingPriority = criteria.blockingPriority ?? 2;
  if (!Number.isInteger(blockingPriority) || blockingPriority < 0) throw new RangeError(`criteria.blockingPriority: expected a priority (0 blocks none), got ${blockingPriority}`);
  const asked = new Set(criteria.checks ?? READINESS_CHECKS);
  const unknown = [...asked].filter((name) => !(READINESS_CHECKS as readonly string[]).includes(name));
  if (unknown.length > 0) throw new RangeError(`criteria.checks: unknown check ${unknown.join(", ")}; known: ${READINESS_CHECKS.join(", ")}`);
  const slaAttainmentAtLeast = criteria.slaAttainmentAtLeast ?? 0.9;
  if (!(slaAttainmentAtLeast >= 0 && slaAttainmentAtLeast <= 1)) throw new RangeError(`criteria.slaAttainmentAtLeast: expected a share from 0 to 1, got ${slaAttainmentAtLeast}`);
  const severities = Object.fromEntries(READINESS_CHECKS.map((name) => [name, criteria.severities?.[name] ?? DEFAULT_SEVERITY[name] ?? "fail"])) as Record<ReadinessCheckName, "fail" | "warn">;
  return {
    checks: READINESS_CHECKS.filter((name) => asked.has(name)),
    severities,
    blockingPriority,
    deferredChanges: new Set(criteria.deferredChanges ?? []),
    serviceCiTypes: criteria.serviceCiTypes ?? ["service"],
    slaAttainmentAtLeast,
  };
}
