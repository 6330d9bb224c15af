import { parseInstant, toUtcIso } from "@handover/core";
import { SUCCESS_SCORE_PARTS, type MetricsOptions, type SuccessScoreWeights } from "@handover/projections";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { z } from "zod";
import { inputError, type CliFailure, type CommandArgs } from "../command.js";
import { START_FORMS, TIME_FORMS, readTimeOption } from "../views/time-input.js";
import { readJsonOption } from "./json-file.js";

/** The options of commands that compute metrics over a period. */
export const METRICS_OPTIONS = { from: { type: "string" }, to: { type: "string" }, weights: { type: "string" } } as const;

/** Their help lines. */
export const METRICS_DETAILS: readonly string[] = [
  `  --from <time>     the period's first moment: ${START_FORMS} (default: the first event in the view)`,
  `  --to <time>       the period's last moment: ${TIME_FORMS} (default: the end of the view)`,
  `  --weights <file>  the change success score's weights as JSON, any of ${SUCCESS_SCORE_PARTS.join(", ")} (numbers 0 or more; default 40, 20, 20, 10, 10)`,
];

const Weights = z.strictObject(Object.fromEntries(SUCCESS_SCORE_PARTS.map((part) => [part, z.number().min(0).optional()])) as Record<(typeof SUCCESS_SCORE_PARTS)[number], z.ZodOptional<z.ZodNumber>>);

function time(values: CommandArgs["values"], flag: "from" | "to"): Either<CliFailure, string | undefined> {
  const text = values[flag];
  if (typeof text !== "string") return right(undefined);
  const parsed = flag === "to" ? parseInstant(text) : /^\d{4}-\d{2}-\d{2}$/.test(text) ? toUtcIso(`${text}T00:00:00Z`) : toUtcIso(text);
  if (parsed._tag === "Right") return right(parsed.right);
  const why = readTimeOption(flag, text, flag === "from" ? START_FORMS : TIME_FORMS);
  return left(inputError(why._tag === "Left" ? why.left : `--${flag} ${text}: ${parsed.left}`));
}

/** Reads `--from`, `--to` and `--weights` into the projections' metrics options; bad times, a period that ends before it starts and bad weights are input errors. */
export async function readMetricsOptions(values: CommandArgs["values"]): Promise<Either<CliFailure, Pick<MetricsOptions, "from" | "to" | "weights">>> {
  const from = time(values, "from");
  if (from._tag === "Left") return from;
  const to = time(values, "to");
  if (to._tag === "Left") return to;
  if (from.right !== undefined && to.right !== undefined && from.right > to.right) return left(inputError(`--from ${from.right} is after --to ${to.right}`));
  const weights = await readJsonOption(values, "weights", Weights, "weights");
  if (weights._tag === "Left") return weights;
  if (weights.right !== undefined && SUCCESS_SCORE_PARTS.every((part) => (weights.right?.[part] ?? 1) === 0)) return left(inputError(`--weights ${String(values.weights)}: at least one part needs a weight above 0`));
  return right({
    ...(from.right === undefined ? {} : { from: from.right }),
    ...(to.right === undefined ? {} : { to: to.right }),
    ...(weights.right === undefined ? {} : { weights: weights.right as Partial<SuccessScoreWeights> }),
  });
}
