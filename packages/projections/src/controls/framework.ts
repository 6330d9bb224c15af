import { describeZodError, safeParseReportingInput } from "@handover/core";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { z } from "zod";
import { FINDING_KINDS, type FindingKind } from "../audit/finding.js";
import { READINESS_CHECKS, type ReadinessCheckName } from "../readiness/criteria.js";
import iso20000 from "./frameworks/iso20000.json" with { type: "json" };
import sox from "./frameworks/sox.json" with { type: "json" };

const FindingKindName = z.enum(FINDING_KINDS);
const ReadinessCheck = z.enum(READINESS_CHECKS);
const text = z.string().trim().min(1);

/** One control of a framework: its id, the clause it comes from, what it asks, and the audit rules and readiness checks that evidence it. */
export const Control = z.strictObject({
  id: text,
  clause: text,
  title: text,
  findings: z.array(FindingKindName).optional(),
  readiness: z.array(ReadinessCheck).optional(),
});
/** One control of a framework. */
export type Control = Readonly<z.infer<typeof Control>>;

/**
 * A control framework as data (JSON): the controls, each naming the finding kinds and
 * readiness checks that evidence it, and the rules the framework deliberately leaves out.
 */
export const ControlFramework = z
  .strictObject({
    id: text,
    name: text,
    description: text.optional(),
    controls: z.array(Control).min(1),
    notEvidencing: z.strictObject({ findings: z.array(FindingKindName), readiness: z.array(ReadinessCheck) }).optional(),
  })
  .refine((framework) => new Set(framework.controls.map((control) => control.id)).size === framework.controls.length, { message: "each control id is used once", path: ["controls"] });
/** A control framework. */
export type ControlFramework = Readonly<z.infer<typeof ControlFramework>>;

/** Reads a framework from JSON: the framework, or one sentence naming the field that is wrong (`controls[2].findings[0]: Invalid option ...`). */
export function parseControlFramework(json: unknown, root = "framework"): Either<string, ControlFramework> {
  const parsed = safeParseReportingInput(ControlFramework, json);
  return parsed.success ? right(parsed.data) : left(describeZodError(parsed.error, root).message);
}

function builtIn(json: unknown, name: string): ControlFramework {
  const parsed = parseControlFramework(json, name);
  if (parsed._tag === "Left") throw new Error(`the built-in framework ${name} is broken: ${parsed.left}`);
  return Object.freeze(parsed.right);
}

/** The default mappings: ISO/IEC 20000-1:2018 (clause 8's configuration, service level, change, transition, release, incident and problem clauses) and SOX IT general controls on change. */
export const CONTROL_FRAMEWORKS = Object.freeze({ iso20000: builtIn(iso20000, "iso20000.json"), sox: builtIn(sox, "sox.json") });
/** The name of a default mapping. */
export type ControlFrameworkName = keyof typeof CONTROL_FRAMEWORKS;

/** The finding kinds and readiness checks a framework neither maps to a control nor lists as evidencing none: a new rule the mapping has not caught up with. */
export function unmappedRules(framework: ControlFramework): { readonly findings: readonly FindingKind[]; readonly readiness: readonly ReadinessCheckName[] } {
  const findings = new Set<string>([...framework.controls.flatMap((control) => control.findings ?? []), ...(framework.notEvidencing?.findings ?? [])]);
  const readiness = new Set<string>([...framework.controls.flatMap((control) => control.readiness ?? []), ...(framework.notEvidencing?.readiness ?? [])]);
  return { findings: FINDING_KINDS.filter((kind) => !findings.has(kind)), readiness: READINESS_CHECKS.filter((check) => !readiness.has(check)) };
}
