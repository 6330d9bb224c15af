import { auditFindings, FINDING_KINDS, type AuditFinding, type AuditFindings } from "@handover/projections";
import type { SqliteSpillStore } from "@handover/store-sqlite";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { inputError, usageError, type CliCommand, type CliFailure, type CommandArgs } from "../command.js";
import { renderJson, renderTable } from "../output/table.js";
import { columnDetails, type ColumnGroup, type ExplainedColumn } from "../views/columns.js";
import { loadPolicy, POLICY_DETAIL, POLICY_OPTION } from "../sources/policy.js";
import { loadSqliteStore } from "../sources/open-sqlite.js";
import { LOG_DETAILS, LOG_OPTIONS, logJson, type OpenedLog, positionalArgs, withLog } from "../sources/with-log.js";
import { createLogFacts, missingProject, tapFacts } from "../views/log-facts.js";
import { describeView } from "../views/view.js";

const USAGE = "handover findings <src> [--project <id>] [--kind <k,...>] [--policy <file>] [--spill] [--as-of <time>] [--known-at <time>] [--json]";

const COLUMNS: readonly ExplainedColumn<AuditFinding>[] = [
  { heading: "pos", cell: (finding) => String(finding.position), align: "right", meaning: "the log position of the event that broke the rule" },
  { heading: "when (UTC)", cell: (finding) => finding.at.slice(0, 16).replace("T", " "), meaning: "when that event occurred (business time)" },
  { heading: "finding", cell: (finding) => finding.kind, meaning: "the kind of rule broken (--kind lists them)" },
  { heading: "entity", cell: (finding) => finding.entityId, meaning: "the CI, change, incident, release or project whose event it was" },
  { heading: "actor", cell: (finding) => finding.actor, meaning: "who did it" },
  {
    heading: "found by",
    cell: (finding) => finding.source,
    meaning: "replay: the audit judged the event against the rules and facts of its moment; recorded: the event carries the breach itself (a rule in record mode, a sign-off override, an import's deviation); both: the two agree",
  },
  { heading: "what", cell: (finding) => finding.message, meaning: "the rule, the entity and what was missing, in a sentence" },
];

/** The table `findings` prints, as its help and the guide explain it. */
export const FINDINGS_TABLES: readonly ColumnGroup[] = [{ table: "the findings", columns: COLUMNS }];

function parseKinds(values: CommandArgs["values"]): Either<CliFailure, ReadonlySet<string> | undefined> {
  if (typeof values.kind !== "string") return right(undefined);
  const kinds = values.kind.split(",").map((kind) => kind.trim());
  const unknown = kinds.find((kind) => !(FINDING_KINDS as readonly string[]).includes(kind));
  return unknown === undefined ? right(new Set(kinds)) : left(usageError(`--kind: "${unknown}" is not a kind of finding; known: ${FINDING_KINDS.join(", ")}`));
}

/**
 * With `--spill`: a scratch SQLite file in the temporary folder for the audit's finished work
 * items (removed once the audit is done), the SQLite store loaded only then; a folder that
 * cannot hold one is an input error.
 */
async function openSpill(values: CommandArgs["values"]): Promise<Either<CliFailure, SqliteSpillStore | undefined>> {
  if (values.spill !== true) return right(undefined);
  try {
    return right((await loadSqliteStore()).openSqliteSpillStore());
  } catch (error) {
    return left(inputError(`--spill: could not make a scratch file for the audit (${error instanceof Error ? error.message : String(error)}); check that the temporary folder (TMPDIR) is writable, or run without --spill`));
  }
}

/** Reads the findings of a log in a view; a project the log never started is an input error naming the ones it did. */
export async function readFindings(log: OpenedLog, values: CommandArgs["values"]): Promise<Either<CliFailure, AuditFindings>> {
  const policy = await loadPolicy(values);
  if (policy._tag === "Left") return policy;
  const spill = await openSpill(values);
  if (spill._tag === "Left") return spill;
  const projectId = typeof values.project === "string" ? values.project : undefined;
  const facts = createLogFacts(log.view);
  const options = { ...log.view, ...(projectId === undefined ? {} : { projectId }), ...(spill.right === undefined ? {} : { spill: spill.right }) };
  const found = await auditFindings(tapFacts(log.events(), facts), policy.right, options).finally(() => spill.right?.close());
  if (projectId !== undefined && !facts.projects.has(projectId)) return left(inputError(missingProject(projectId, facts)));
  return right(found);
}

/** Counts by kind, as the heading names them: `1 process_before_phase, 1 ci_change_unauthorised`. */
function countsText(findings: readonly AuditFinding[]): string {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.kind, (counts.get(finding.kind) ?? 0) + 1);
  return [...counts].map(([kind, count]) => `${count} ${kind}`).join(", ");
}

/** The findings as a person reads them: a heading that counts what is shown (and, filtered, how many the view holds in all), then the table. */
function describeFindings(found: AuditFindings, shown: readonly AuditFinding[], kinds: ReadonlySet<string> | undefined, label: string, log: OpenedLog): string {
  const counts = countsText(shown);
  const filter = kinds === undefined ? "" : ` of kind ${[...kinds].join(", ")}, of ${found.findings.length} in the view`;
  const heading = [`audit findings of ${label} at position ${found.position}: ${shown.length} finding(s)${filter}${counts === "" ? "" : ` (${counts})`}`, describeView(log.view), ...found.notes.map((note) => `note: ${note}`), ""].join("\n");
  return `${heading}\n${shown.length === 0 ? `no findings${kinds === undefined ? "" : ` of kind ${[...kinds].join(", ")}`}\n` : renderTable(shown, COLUMNS)}`;
}

/** The findings as machine output: the kinds asked (null for all), what is shown and its counts, and how many the view holds before the filter. */
function findingsJson(found: AuditFindings, shown: readonly AuditFinding[], kinds: ReadonlySet<string> | undefined, label: string, log: OpenedLog): unknown {
  const counts: Record<string, number> = {};
  for (const finding of shown) counts[finding.kind] = (counts[finding.kind] ?? 0) + 1;
  return { ...logJson(log), position: found.position, kinds: kinds === undefined ? null : [...kinds], total: found.findings.length, counts, notes: found.notes, findings: shown };
}

/** `handover findings`: the rules broken along the way, found by replaying history against the rules of each moment. */
export const findingsCommand: CliCommand = {
  path: ["findings"],
  summary: "List the audit findings: rules broken in the log's history (unauthorised CI changes, segregation of duties, untested releases, processes used early, sign-off overrides, import deviations), each with its event and evidence.",
  usage: USAGE,
  details: [
    ...LOG_DETAILS,
    "  --project <id>    the project whose phases and policy apply (default: the first one started in the log)",
    `  --kind <k,...>    only these kinds: ${FINDING_KINDS.join(", ")}`,
    POLICY_DETAIL,
    "  --spill           keep finished work items (closed incidents, changes, problems; released releases) in a scratch SQLite file in the temporary folder, removed after, instead of in memory: for logs of millions of events; the findings are the same",
    ...columnDetails(FINDINGS_TABLES),
  ],
  example: "handover findings crm.jsonl --policy org-policy.json --kind ci_change_unauthorised",
  options: { ...LOG_OPTIONS, ...POLICY_OPTION, project: { type: "string" }, kind: { type: "string" }, spill: { type: "boolean" } },
  async run({ positionals, values }, io) {
    const args = positionalArgs(positionals, ["<src>"], USAGE);
    if (args._tag === "Left") return args;
    const kinds = parseKinds(values);
    if (kinds._tag === "Left") return kinds;
    return withLog(args.right[0] ?? "", values, io, async (log) => {
      const found = await readFindings(log, values);
      if (found._tag === "Left") return found;
      const shown = kinds.right === undefined ? found.right.findings : found.right.findings.filter((finding) => kinds.right?.has(finding.kind) === true);
      const label = log.source.spec.label;
      io.stdout(values.json === true ? renderJson(findingsJson(found.right, shown, kinds.right, label, log)) : describeFindings(found.right, shown, kinds.right, label, log));
      return right(undefined);
    });
  },
};
