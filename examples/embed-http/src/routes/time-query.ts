import { parseInstant } from "@handover/core";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { problem, type JsonResponse } from "../http-response.js";

/** The view a read asks for: as of a business time, as the log knew it at a recorded time, or now. */
export interface TimeQuery {
  readonly asOf?: string;
  readonly knownAt?: string;
}

/** Reads `asOf` and `knownAt` from a query string (ISO dates or date-times); 400 naming the parameter when one does not parse. */
export function timeQueryOf(query: URLSearchParams): Either<JsonResponse, TimeQuery> {
  const times: { asOf?: string; knownAt?: string } = {};
  for (const name of ["asOf", "knownAt"] as const) {
    const value = query.get(name);
    if (value === null) continue;
    const parsed = parseInstant(value);
    if (parsed._tag === "Left") return left(problem(400, "invalid_query", `${name}: ${parsed.left}`, name));
    times[name] = parsed.right;
  }
  return right(times);
}
