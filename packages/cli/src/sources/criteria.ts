import { resolveCriteria, type ReadinessCriteria } from "@handover/projections";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { z } from "zod";
import { inputError, type CliFailure, type CommandArgs } from "../command.js";
import { readJsonOption } from "./json-file.js";

/** The option of commands that evaluate readiness. */
export const CRITERIA_OPTION = { criteria: { type: "string" } } as const;

/** Its help line. */
export const CRITERIA_DETAIL =
  '  --criteria <file> readiness criteria as JSON: {"checks": [...], "severities": {"service_levels": "warn"}, "blockingPriority": 2, "deferredChanges": ["C-9"], "serviceCiTypes": ["service"], "slaAttainmentAtLeast": 0.9} (default: docs/policy.md\'s)';

const CriteriaFile = z.strictObject({
  checks: z.array(z.string()).optional(),
  severities: z.record(z.string(), z.enum(["fail", "warn"])).optional(),
  blockingPriority: z.number().int().min(0).optional(),
  deferredChanges: z.array(z.string()).optional(),
  serviceCiTypes: z.array(z.string()).optional(),
  slaAttainmentAtLeast: z.number().min(0).max(1).optional(),
});

/**
 * The readiness criteria a command evaluates with: the defaults of docs/policy.md, or a JSON file
 * checked for its shape and then by the projections' `resolveCriteria` (unknown check
 * names); anything wrong is an input error naming the file and the field.
 */
export async function loadCriteria(values: CommandArgs["values"]): Promise<Either<CliFailure, ReadinessCriteria | undefined>> {
  const read = await readJsonOption(values, "criteria", CriteriaFile, "criteria");
  if (read._tag === "Left" || read.right === undefined) return read as Either<CliFailure, undefined>;
  try {
    resolveCriteria(read.right as ReadinessCriteria);
  } catch (error) {
    if (error instanceof RangeError) return left(inputError(`--criteria ${String(values.criteria)}: ${error.message}`));
    throw error;
  }
  return right(read.right as ReadinessCriteria);
}
