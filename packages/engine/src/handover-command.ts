import type { CommandInput } from "@handover/itil";
import { WIRED, type PROCESSES } from "@handover/projections";
import { z } from "zod";

/** The command schema of each process in the one list of processes. */
export type HandoverCommandSchemas = (typeof PROCESSES)[number]["descriptor"]["commandSchema"];

/**
 * Every command Handover takes, as a caller writes it: the union of every process's command
 * schema in the one list of processes (`PROCESSES`), discriminated on `type`. `execute`
 * takes this type, so a misspelt field fails to compile.
 */
export type HandoverCommand = CommandInput<HandoverCommandSchemas>;

/**
 * The zod schema of every command, for embedders who validate at their own edge. `execute`
 * and `executeUnknown` validate with the same schemas (routed by the type's prefix, so a
 * refusal names one process's fields, not every process's).
 */
export const HandoverCommand = z.discriminatedUnion("type", WIRED.map((wiring) => wiring.descriptor.commandSchema) as unknown as readonly [HandoverCommandSchemas, ...HandoverCommandSchemas[]]);
