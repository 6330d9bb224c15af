import type { LogRange } from "@handover/core";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { inputError, type CliFailure, type CommandArgs } from "../command.js";
import { readTimeOption } from "./time-input.js";

/**
 * Which view of the log a read command shows: `asOf` what was true at a business time
 * (events by when they occurred), `knownAt` what the log had recorded by then (events by
 * when they were recorded). Both canonical UTC; neither means the latest, the whole log.
 */
export interface LogView {
  readonly asOf?: string;
  readonly knownAt?: string;
}

function instant(values: CommandArgs["values"], flag: "as-of" | "known-at"): Either<CliFailure, string | undefined> {
  const text = values[flag];
  if (text === undefined) return right(undefined);
  const read = readTimeOption(flag, text);
  return read._tag === "Left" ? left(inputError(read.left)) : right(read.right);
}

/** Reads `--as-of` and `--known-at` (ISO dates mean the end of that day, UTC); a time that is not one is an input error. */
export function parseView(values: CommandArgs["values"]): Either<CliFailure, LogView> {
  const asOf = instant(values, "as-of");
  if (asOf._tag === "Left") return asOf;
  const knownAt = instant(values, "known-at");
  if (knownAt._tag === "Left") return knownAt;
  return right({ ...(asOf.right === undefined ? {} : { asOf: asOf.right }), ...(knownAt.right === undefined ? {} : { knownAt: knownAt.right }) });
}

/** The log range of a view: `until` by business time, `recordedUntil` by recorded time. */
export function viewRange(view: LogView): LogRange {
  return { ...(view.asOf === undefined ? {} : { until: view.asOf }), ...(view.knownAt === undefined ? {} : { recordedUntil: view.knownAt }) };
}

/** The read options the projections take for a view. */
export function viewReadOptions(view: LogView): { readonly asOf?: string; readonly knownAt?: string } {
  return { ...view };
}

/** One line saying which view an output shows. */
export function describeView(view: LogView): string {
  const parts: string[] = [];
  if (view.asOf !== undefined) parts.push(`as of ${view.asOf} (what was true then, by business time)`);
  if (view.knownAt !== undefined) parts.push(`known at ${view.knownAt} (what the log had recorded by then)`);
  return parts.length === 0 ? "view: latest (everything the log holds)" : `view: ${parts.join(", ")}`;
}

/** The view as machine output carries it: both times, `null` when not asked. */
export function viewJson(view: LogView): { readonly asOf: string | null; readonly knownAt: string | null } {
  return { asOf: view.asOf ?? null, knownAt: view.knownAt ?? null };
}
