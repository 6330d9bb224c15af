import { resolve } from "node:path";
import { importServiceNowFile, type ServiceNowImport } from "@handover/import-servicenow";
import { left, right } from "fp-ts/lib/Either.js";
import { inputError, usageError, type CliCommand } from "../command.js";
import { renderJson } from "../output/table.js";
import { existingFile, newFileTarget, writeNewLog } from "../sources/files.js";
import { resolveMatrix } from "../sources/matrix.js";

const USAGE = "handover import servicenow <csv> --out <log.jsonl> [--matrix itil] [--force] [--json]";

function countBy<T>(items: readonly T[], key: (item: T) => string): [string, number][] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** The summary a person reads: the counts, then the deviations grouped by what they are. */
export function describeImport(imported: ServiceNowImport, csv: string, out: string, matrixName: string): string {
  const { summary } = imported;
  const lines = [
    `imported ${csv} into ${out}`,
    `  incidents             ${summary.incidents}`,
    `  rows                  ${summary.rows}`,
    `  duplicate rows        ${summary.duplicateRows}`,
    `  out-of-order rows     ${summary.outOfOrderRows}`,
    `  priority deviations   ${summary.priorityDeviations} rows in ${new Set(imported.priorityDeviations.map((deviation) => deviation.number)).size} incidents  (handover findings: one import_priority_deviation each time an incident's source priority starts to differ)`,
    `  lifecycle deviations  ${summary.lifecycleDeviations} events  (handover findings: one import_lifecycle_deviation each)`,
    `  rows ahead of time    ${summary.rowsAheadOfTime}  (a time later than the row's update: recorded when it falls due)`,
    `  events                ${summary.events}`,
  ];
  const priorities = countBy(imported.priorityDeviations, (d) => `impact ${d.impact} / urgency ${d.urgency}: source priority ${d.sourcePriority}, ${matrixName} gives ${d.matrixPriority}`);
  if (priorities.length > 0) lines.push("priority deviations, in rows (kept as the source recorded them):", ...priorities.map(([what, count]) => `  ${String(count).padStart(5)}  ${what}`));
  const lifecycle = countBy(imported.lifecycleDeviations, (d) => `${d.from} → ${d.eventType}`);
  if (lifecycle.length > 0) lines.push("lifecycle deviations, in events (imported as facts of history):", ...lifecycle.map(([what, count]) => `  ${String(count).padStart(5)}  ${what}`));
  return `${lines.join("\n")}\n`;
}

/** `handover import servicenow`: a ServiceNow incident audit log (CSV) into a chained JSONL log. */
export const importServiceNowCommand: CliCommand = {
  path: ["import", "servicenow"],
  summary: "Import a ServiceNow incident audit log (CSV) into a hash-chained Handover log (JSONL).",
  usage: USAGE,
  details: [
    "  <csv>              the ServiceNow export: one row per audited update of an incident",
    "  --out <log.jsonl>  the log to write, whole or not at all (nothing is written on an error); an existing file is refused",
    "  --force            overwrite an existing --out file",
    "  --matrix <m>       the priority matrix deviations are measured against: itil (default) or a JSON file {name, cells}",
    "  --json             print the summary as JSON",
  ],
  example: "handover import servicenow incident_event_log.csv --out history.jsonl --matrix itil",
  options: { out: { type: "string" }, matrix: { type: "string", default: "itil" }, force: { type: "boolean", default: false }, json: { type: "boolean", default: false } },
  async run({ positionals, values }, io) {
    const [csv, extra] = positionals;
    if (csv === undefined) return left(usageError(`missing the CSV file; usage: ${USAGE}`));
    if (extra !== undefined) return left(usageError(`unexpected argument "${extra}"; usage: ${USAGE}`));
    const out = values.out;
    if (typeof out !== "string" || out === "") return left(usageError(`missing --out <log.jsonl>; usage: ${USAGE}`));
    if (resolve(out) === resolve(csv)) return left(usageError(`--out ${out} is the CSV itself; give the log another file name`));
    const matrixName = typeof values.matrix === "string" ? values.matrix : "itil";
    const force = values.force === true;
    const checks = [await existingFile(csv), await newFileTarget(out, force)];
    for (const check of checks) if (check._tag === "Left") return check;
    const matrix = await resolveMatrix(matrixName);
    if (matrix._tag === "Left") return matrix;
    const imported = await importServiceNowFile(csv, { matrix: matrix.right, recordedAt: io.now() });
    if (imported._tag === "Left") return left(inputError(imported.left.message));
    const written = await writeNewLog(out, imported.right.events, force);
    if (written._tag === "Left") return written;
    io.stdout(values.json === true ? renderJson(imported.right.summary) : describeImport(imported.right, csv, out, matrix.right.name));
    return right(undefined);
  },
};
