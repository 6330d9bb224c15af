import { auditFindings, FINDING_KINDS, type AuditFinding, type AuditFindings } from "@handover/projections";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { inputError, usageError, type CliCommand, type CliFailure, type CliIo, type CommandArgs } from "../command.js";
import { writeJoined } from "../output/joined-writes.js";
import { cellsOf, headingLine, renderJson, renderTable, tableLine } from "../output/table.js";
import { columnDetails, type ColumnGroup, type ExplainedColumn } from "../views/columns.js";
import { createFindingsSpool, type FindingsSpool } from "../views/findings-spool.js";
import { loadPolicy, POLICY_DETAIL, POLICY_OPTION } from "../sources/policy.js";
import { scratchRefused, SPILL_OPTION, spillDetail, withSpill } from "../sources/spill.js";
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

/** With `--spill`: the scratch file the findings go to as they are found; a folder that cannot hold one is an input error. */
function openSpool(kinds: ReadonlySet<string> | undefined): Either<CliFailure, FindingsSpool> {
  try {
    return right(createFindingsSpool(kinds, COLUMNS));
  } catch (error) {
    return left(scratchRefused(error));
  }
}

/**
 * Reads the findings of a log in a view; a project the log never started is an input error
 * naming the ones it did. With `onFinding`, each finding is handed to it as it is found and
 * the answer's list is empty (its counts hold them all).
 */
export async function readFindings(log: OpenedLog, values: CommandArgs["values"], onFinding?: (finding: AuditFinding) => void): Promise<Either<CliFailure, AuditFindings>> {
  const policy = await loadPolicy(values);
  if (policy._tag === "Left") return policy;
  const projectId = typeof values.project === "string" ? values.project : undefined;
  const facts = createLogFacts(log.view);
  const options = { ...log.view, ...(projectId === undefined ? {} : { projectId }), ...(onFinding === undefined ? {} : { onFinding }) };
  const found = await withSpill(values, (spill) => auditFindings(tapFacts(log.events(), facts), policy.right, spill === undefined ? options : { ...options, spill }));
  if (found._tag === "Left") return found;
  if (projectId !== undefined && !facts.projects.has(projectId)) return left(inputError(missingProject(projectId, facts)));
  return found;
}

/** Counts by kind in the order each kind was first found. */
function countByKind(findings: readonly AuditFinding[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const finding of findings) counts.set(finding.kind, (counts.get(finding.kind) ?? 0) + 1);
  return counts;
}

/** How many findings the view holds in all, before the kinds' filter. */
function totalOf(found: AuditFindings): number {
  return Object.values(found.counts).reduce((sum: number, count) => sum + (count ?? 0), 0);
}

/** The heading of the findings as a person reads them: what is shown, counted by kind (and, filtered, how many the view holds in all), the view and the notes, then a blank line. */
function findingsHeading(found: AuditFindings, shown: number, counts: ReadonlyMap<string, number>, kinds: ReadonlySet<string> | undefined, label: string, log: OpenedLog): string {
  const countsText = [...counts].map(([kind, count]) => `${count} ${kind}`).join(", ");
  const filter = kinds === undefined ? "" : ` of kind ${[...kinds].join(", ")}, of ${totalOf(found)} in the view`;
  return [`audit findings of ${label} at position ${found.position}: ${shown} finding(s)${filter}${countsText === "" ? "" : ` (${countsText})`}`, describeView(log.view), ...found.notes.map((note) => `note: ${note}`), ""].join("\n") + "\n";
}

/** What is printed in place of the table when nothing is shown. */
const noFindings = (kinds: ReadonlySet<string> | undefined): string => `no findings${kinds === undefined ? "" : ` of kind ${[...kinds].join(", ")}`}\n`;

/** The findings as a person reads them: the heading, then the table. */
function describeFindings(found: AuditFindings, shown: readonly AuditFinding[], kinds: ReadonlySet<string> | undefined, label: string, log: OpenedLog): string {
  const heading = findingsHeading(found, shown.length, countByKind(shown), kinds, label, log);
  return `${heading}${shown.length === 0 ? noFindings(kinds) : renderTable(shown, COLUMNS)}`;
}

/** The findings as machine output, but for the list itself: the kinds asked (null for all), the counts of what is shown, and how many the view holds before the filter. */
function findingsJsonHead(found: AuditFindings, counts: ReadonlyMap<string, number>, kinds: ReadonlySet<string> | undefined, log: OpenedLog): Record<string, unknown> {
  return { ...logJson(log), position: found.position, kinds: kinds === undefined ? null : [...kinds], total: totalOf(found), counts: Object.fromEntries(counts), notes: found.notes };
}

/**
 * Prints the findings kept in a spool, as `describeFindings` and `renderJson` print the same
 * findings kept in memory, byte for byte, a thousand rows a write: the list is never whole
 * in memory, neither as findings nor as text.
 */
async function printSpooled(found: AuditFindings, spool: FindingsSpool, kinds: ReadonlySet<string> | undefined, log: OpenedLog, json: boolean, io: CliIo): Promise<void> {
  if (json) {
    const head = renderJson({ ...findingsJsonHead(found, spool.counts(), kinds, log), findings: [] });
    if (spool.shown() === 0) return io.stdout(head);
    // The head as renderJson prints it with an empty list, the list opened instead; each finding indented as it is in a list.
    io.stdout(`${head.slice(0, -"[]\n}\n".length)}[\n`);
    await writeJoined(mapAsync(spool.findings(), (finding) => JSON.stringify(finding, null, 2).replace(/^/gm, "    ")), ",\n", io.stdout);
    return io.stdout("\n  ]\n}\n");
  }
  io.stdout(findingsHeading(found, spool.shown(), spool.counts(), kinds, log.source.spec.label, log));
  if (spool.shown() === 0) return io.stdout(noFindings(kinds));
  const widths = spool.widths();
  io.stdout(`${headingLine(widths, COLUMNS)}\n`);
  await writeJoined(mapAsync(spool.findings(), (finding) => `${tableLine(cellsOf(finding, COLUMNS), widths, COLUMNS)}\n`), "", io.stdout);
}

async function* mapAsync<T, U>(items: AsyncIterable<T>, map: (item: T) => U): AsyncIterable<U> {
  for await (const item of items) yield map(item);
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
    spillDetail(", and the findings in a scratch file there, printed from it, both", "the output is the same"),
    ...columnDetails(FINDINGS_TABLES),
  ],
  example: "handover findings crm.jsonl --policy org-policy.json --kind ci_change_unauthorised",
  options: { ...LOG_OPTIONS, ...POLICY_OPTION, project: { type: "string" }, kind: { type: "string" }, ...SPILL_OPTION },
  async run({ positionals, values }, io) {
    const args = positionalArgs(positionals, ["<src>"], USAGE);
    if (args._tag === "Left") return args;
    const kinds = parseKinds(values);
    if (kinds._tag === "Left") return kinds;
    return withLog(args.right[0] ?? "", values, io, async (log) => {
      if (values.spill === true) {
        // With --spill the findings go to a scratch file as they are found, and are printed from it: memory holds none of them.
        const opened = openSpool(kinds.right);
        if (opened._tag === "Left") return opened;
        const spool = opened.right;
        try {
          const found = await readFindings(log, values, spool.add);
          if (found._tag === "Left") return found;
          await printSpooled(found.right, spool, kinds.right, log, values.json === true, io);
          return right(undefined);
        } finally {
          spool.close();
        }
      }
      const found = await readFindings(log, values);
      if (found._tag === "Left") return found;
      const shown = kinds.right === undefined ? found.right.findings : found.right.findings.filter((finding) => kinds.right?.has(finding.kind) === true);
      const label = log.source.spec.label;
      io.stdout(values.json === true ? renderJson({ ...findingsJsonHead(found.right, countByKind(shown), kinds.right, log), findings: shown }) : describeFindings(found.right, shown, kinds.right, label, log));
      return right(undefined);
    });
  },
};
