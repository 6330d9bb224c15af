import { CONTROL_FRAMEWORKS, ControlFramework, type ControlFrameworkName } from "@handover/projections";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { usageError, type CliFailure, type CommandArgs } from "../command.js";
import { readJsonOption } from "./json-file.js";

/** The options of commands that judge controls: a default framework by name, or a mapping file. */
export const CONTROLS_OPTIONS = { framework: { type: "string" }, controls: { type: "string" } } as const;

const NAMES = Object.keys(CONTROL_FRAMEWORKS) as ControlFrameworkName[];

/** Their help lines. */
export const CONTROLS_DETAILS: readonly string[] = [
  `  --framework <name> the default mapping: ${NAMES.join(" (ISO/IEC 20000-1:2018, the default) or ")} (SOX IT general controls on change)`,
  "  --controls <file>  your own mapping as JSON, in the form of packages/projections/src/controls/frameworks/iso20000.json (replaces --framework)",
];

/** The framework a command judges by: `--controls <file>` read and checked, else `--framework` (default iso20000); bad input names the option and the field. */
export async function readFramework(values: CommandArgs["values"]): Promise<Either<CliFailure, ControlFramework>> {
  if (typeof values.controls === "string") {
    if (typeof values.framework === "string") return left(usageError("give --framework or --controls, not both"));
    const read = await readJsonOption(values, "controls", ControlFramework, "framework");
    if (read._tag === "Left") return read;
    return read.right === undefined ? left(usageError("--controls: name a JSON file")) : right(read.right);
  }
  const name = typeof values.framework === "string" ? values.framework : "iso20000";
  const framework = (CONTROL_FRAMEWORKS as Readonly<Record<string, ControlFramework>>)[name];
  return framework === undefined ? left(usageError(`--framework: "${name}" is not a default mapping; known: ${NAMES.join(", ")} (or give your own with --controls <file>)`)) : right(framework);
}
