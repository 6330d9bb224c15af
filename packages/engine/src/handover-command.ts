import { ChangeCommand } from "@handover/change";
import { ConfigurationCommand } from "@handover/configuration";
import { IncidentCommand } from "@handover/incident";
import { ProblemCommand } from "@handover/problem";
import { ProjectCommand } from "@handover/project";
import { ReleaseCommand } from "@handover/release";
import { z } from "zod";

/**
 * Every command Handover takes, one zod-validated union over all processes, discriminated
 * on `type`: for embedders who validate at their own edge or want the type. `execute`
 * validates with the same schemas (routed by the type's prefix, so a refusal names one
 * process's fields, not every process's).
 */
export const HandoverCommand = z.discriminatedUnion("type", [ProjectCommand, ConfigurationCommand, ChangeCommand, ReleaseCommand, IncidentCommand, ProblemCommand]);
/** A command of any process, as a caller writes it. */
export type HandoverCommand = z.input<typeof HandoverCommand>;
