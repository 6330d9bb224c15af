import { z } from "zod";

/**
 * An ISO-8601 business time with a zone, as every event carries it in `at` (`2026-03-12T09:30:00Z`,
 * `2026-03-12T09:30:00.000Z`, `2026-03-12T10:30:00+01:00`): the one form every process accepts.
 */
export const BusinessTime = z.iso.datetime({ offset: true });
/** An ISO-8601 business time with a zone. */
export type BusinessTime = z.infer<typeof BusinessTime>;

/** The actor who caused an event, as every event carries it in `by`. */
export const Actor = z.string().min(1);
