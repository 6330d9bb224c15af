import { describeZodError, safeParseReportingInput } from "@handover/core";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { z } from "zod";
import { ChangePolicy, defaultChangePolicy, StandardChangeTemplate } from "./change-policy.js";
import { CI_TYPES, CiType } from "./configuration-items.js";
import { ControlledProcess, CrossProcessRule, defaultControlPolicy, ProcessRule, RuleMode, type ControlPolicy } from "./control-policy.js";
import { createPriorityMatrix, itilPriorityMatrix, type PriorityMatrix } from "./priority.js";
import { defaultPermissions, PermissionOverrides, type PermissionPolicy } from "./permissions.js";
import { RoleAssignments } from "./roles.js";
import { defaultSlaPolicy, OnHoldReason, SlaTarget, type SlaPolicy } from "./sla.js";
import { BlackoutWindow, MaintenanceWindow } from "./windows.js";

/** Everything an organisation decides about how Handover applies ITIL to a project. */
export interface HandoverPolicy {
  readonly control: ControlPolicy;
  readonly roles: RoleAssignments;
  /** Which roles may take each group of steps (`permission` rule). */
  readonly permissions: PermissionPolicy;
  readonly priorityMatrix: PriorityMatrix;
  readonly sla: SlaPolicy;
  readonly change: ChangePolicy;
  /** Built-in CI types plus the organisation's own. */
  readonly ciTypes: readonly string[];
  readonly blackouts: readonly BlackoutWindow[];
  /** Weekly maintenance windows per CI id. */
  readonly maintenanceWindows: Readonly<Record<string, readonly MaintenanceWindow[]>>;
}

/** The default policy (docs/policy.md): ITIL matrix, default SLA and change policy, no roles assigned yet. */
export const defaultPolicy: HandoverPolicy = Object.freeze({
  control: defaultControlPolicy,
  roles: Object.freeze({}),
  permissions: defaultPermissions,
  priorityMatrix: itilPriorityMatrix,
  sla: defaultSlaPolicy,
  change: defaultChangePolicy,
  ciTypes: CI_TYPES,
  blackouts: Object.freeze([]),
  maintenanceWindows: Object.freeze({}),
});

/** What a project or an organisation may override, as JSON: every field optional. */
export const PolicyOverrides = z.strictObject({
  processes: z.partialRecord(ControlledProcess, ProcessRule.partial()).optional(),
  rules: z.partialRecord(CrossProcessRule, RuleMode).optional(),
  roles: RoleAssignments.optional(),
  permissions: PermissionOverrides.optional(),
  priorityMatrix: z.object({ name: z.string().min(1), cells: z.array(z.array(z.number())) }).optional(),
  sla: z.object({ targets: z.record(z.string(), SlaTarget).optional(), pausingReasons: z.array(OnHoldReason).optional() }).optional(),
  change: ChangePolicy.partial().extend({ standardCatalogue: z.array(StandardChangeTemplate).optional() }).optional(),
  ciTypes: z.array(CiType).optional(),
  blackouts: z.array(BlackoutWindow).optional(),
  maintenanceWindows: z.record(z.string(), z.array(MaintenanceWindow)).optional(),
});
/** Policy overrides, as JSON. */
export type PolicyOverrides = z.input<typeof PolicyOverrides>;

/**
 * Applies overrides to a base policy (default: `defaultPolicy`, docs/policy.md). Bad input is refused with
 * the field path: `policy.processes.incident.appliesFrom: Invalid option ...`.
 */
export function resolvePolicy(overrides: unknown, base: HandoverPolicy = defaultPolicy): Either<string, HandoverPolicy> {
  const parsed = safeParseReportingInput(PolicyOverrides, overrides ?? {});
  if (!parsed.success) return left(describeZodError(parsed.error, "policy").message);
  const given = parsed.data;
  let priorityMatrix = base.priorityMatrix;
  if (given.priorityMatrix !== undefined) {
    const built = createPriorityMatrix(given.priorityMatrix.name, given.priorityMatrix.cells);
    if (built._tag === "Left") return left(`policy.priorityMatrix: ${built.left}`);
    priorityMatrix = built.right;
  }
  const processes = { ...base.control.processes };
  for (const [process, rule] of Object.entries(given.processes ?? {}) as [ControlledProcess, Partial<ProcessRule>][]) {
    processes[process] = { ...processes[process], ...rule };
  }
  return right(
    Object.freeze({
      control: { processes, rules: { ...base.control.rules, ...given.rules } },
      roles: { ...base.roles, ...given.roles },
      permissions: { ...base.permissions, ...given.permissions },
      priorityMatrix,
      sla: {
        targets: { ...base.sla.targets, ...given.sla?.targets },
        pausingReasons: given.sla?.pausingReasons ?? base.sla.pausingReasons,
      },
      change: { ...base.change, ...stripUndefined(given.change ?? {}) } as ChangePolicy,
      ciTypes: [...new Set([...base.ciTypes, ...(given.ciTypes ?? [])])],
      blackouts: given.blackouts ?? base.blackouts,
      maintenanceWindows: { ...base.maintenanceWindows, ...given.maintenanceWindows },
    }),
  );
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== undefined)) as Partial<T>;
}
