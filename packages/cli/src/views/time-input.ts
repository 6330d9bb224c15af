import { parseInstant } from "@handover/core";
import { left, right, type Either } from "fp-ts/lib/Either.js";

/** How a person writes the end of a view (`--as-of`, `--known-at`, trail's `--to`): the words the help and the errors share. */
export const TIME_FORMS = "a date (2026-03-12: the end of that day, UTC) or a date-time with a zone (2026-03-12T09:30:00Z)";

/** How a person writes the start of a window (trail's `--from`): a date means the start of that day. */
export const START_FORMS = "a date (2026-03-12: the start of that day, UTC) or a date-time with a zone (2026-03-12T09:30:00Z)";

const NO_ZONE = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;

/**
 * Reads a time a person gave an option, canonical UTC (a date is the end of that day), or
 * says why not in the help's words: which forms it takes, a date-time without a zone with
 * the fix, a date that does not exist.
 */
export function readTimeOption(flag: string, text: unknown, forms = TIME_FORMS): Either<string, string> {
  if (typeof text !== "string" || text.trim() === "") return left(`--${flag}: expected ${forms}`);
  const parsed = parseInstant(text);
  if (parsed._tag === "Right") return right(parsed.right);
  const zoneless = NO_ZONE.exec(text);
  if (zoneless !== null) return left(`--${flag} ${text}: a date-time needs a zone; write ${zoneless[1] ?? ""}T${zoneless[2] ?? ""}Z for UTC, or an offset such as +01:00`);
  if (/not a real/.test(parsed.left)) return left(`--${flag} ${text}: no such date; expected ${forms}`);
  return left(`--${flag} ${text}: expected ${forms}`);
}
