import { auditTrail, type AuditEntry, type AuditTrailOptions } from "@handover/projections";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { inputError, type CliCommand, type CliFailure, type CommandArgs } from "../command.js";
import { renderJson, renderTable } from "../output/table.js";
import { columnDetails, type ColumnGroup, type ExplainedColumn } from "../views/columns.js";
import { durationText } from "../views/duration.js";
import { LOG_DETAILS, LOG_OPTIONS, logJson, positionalArgs, withLog } from "../sources/with-log.js";
import { createLogFacts, holding, narrowsLog, tapFacts, type LogFacts } from "../views/log-facts.js";
import { START_FORMS, TIME_FORMS, readTimeOption } from "../views/time-input.js";
import { describeView } from "../views/view.js";

const USAGE = "handover trail <src> [--entity <id>] [--actor <a>] [--from <time>] [--to <time>] [--type <t,...>] [--as-of <time>] [--known-at <time>] [--json]";

/** A line of the trail: the data in short, so one event is one line. */
function summary(data: unknown): string {
  const text = JSON.stringify(data, (key, value: unknown) => (key === "at" || key === "by" ? undefined : value)) ?? "";
  return text.length > 100 ? `${text.slice(0, 99)}…` : text;
}

const minute = (at: string): string => at.slice(0, 16).replace("T", " ");

/** When the log learnt of an event, to the minute, with how much later than it occurred when that is six minutes (0.1 h) or more. */
function recordedText(entry: AuditEntry): string {
  const lateMinutes = (Date.parse(entry.recordedAt) - Date.parse(entry.at)) / 60_000;
  return lateMinutes >= 6 ? `${minute(entry.recordedAt)} (${durationText(lateMinutes)} later)` : minute(entry.recordedAt);
}

/** The columns of the trail; with `--entity`, an event of another entity that names it says so. */
const columns = (entityAsked: string | undefined): readonly ExplainedColumn<AuditEntry>[] => [
  { heading: "pos", cell: (entry) => String(entry.position), align: "right", meaning: "the event's log position" },
  { heading: "when (UTC)", cell: (entry) => minute(entry.at), meaning: "when it occurred (business time)" },
  { heading: "recorded (UTC)", cell: recordedText, meaning: "when the log learnt of it, with how much later than it occurred when 0.1 h or more (late-recorded or imported history)" },
  { heading: "actor", cell: (entry) => entry.actor, meaning: "who did it" },
  { heading: "event", cell: (entry) => entry.type, meaning: "the event type (docs/events.md describes each)" },
  { heading: "entity", cell: (entry) => (entry.relation === "mentioned" ? `${entry.entityId}, naming ${entityAsked ?? "it"}` : entry.entityId), meaning: "whose event it is; with --entity, another entity's event that names it says so" },
  { heading: "data", cell: (entry) => summary(entry.data), meaning: "the event's data in short (--json prints it whole)" },
];

/** The table `trail` prints, as its help and the guide explain it. */
export const TRAIL_TABLES: readonly ColumnGroup[] = [{ table: "the trail", columns: columns(undefined) }];

function windowTime(values: CommandArgs["values"], flag: "from" | "to"): Either<CliFailure, string | undefined> {
  const text = values[flag];
  if (typeof text !== "string") return right(undefined);
  const read = readTimeOption(flag, text, flag === "from" ? START_FORMS : TIME_FORMS);
  return read._tag === "Left" ? left(inputError(read.left)) : right(text);
}

function trailOptions(values: CommandArgs["values"]): Either<CliFailure, AuditTrailOptions> {
  const from = windowTime(values, "from");
  if (from._tag === "Left") return from;
  const to = windowTime(values, "to");
  if (to._tag === "Left") return to;
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const entityId = text("entity");
  const actor = text("actor");
  const types = text("type")?.split(",").map((type) => type.trim());
  return right({
    ...(entityId === undefined ? {} : { entityId }),
    ...(actor === undefined ? {} : { actor }),
    ...(from.right === undefined ? {} : { from: from.right }),
    ...(to.right === undefined ? {} : { to: to.right }),
    ...(types === undefined ? {} : { types }),
  });
}

/** What the trail was asked about that the read did not see: an entity no stream holds, an actor who never acted. */
function unseen(options: AuditTrailOptions, facts: LogFacts): string | undefined {
  const entity = options.entityId;
  if (entity !== undefined && !facts.entities.has(entity) && !facts.entities.has(entity.replace(/^(ci|change|incident|problem|release|project)-/, ""))) {
    return `unknown entity "${entity}": no stream of the ${narrowsLog(facts.view) ? "view" : "log"} holds it; ${holding("entities", facts.entities, facts.view)}`;
  }
  if (options.actor !== undefined && !facts.actors.has(options.actor)) return `unknown actor "${options.actor}"; ${holding("actor(s)", facts.actors, facts.view)}`;
  return undefined;
}

/** `handover trail`: who did what and when, in log order, for an entity, an actor or everything. */
export const trailCommand: CliCommand = {
  path: ["trail"],
  summary: "Print the audit trail: who did what and when, in log order, with the command, correlation and causation ids; by entity (its own events and those naming it), actor, business-time window or event type.",
  usage: USAGE,
  details: [
    ...LOG_DETAILS,
    "  --entity <id>     an aggregate id (C-17, crm-db, INC-1) or stream id (change-C-17): its events and the events that name it",
    "  --actor <a>       only what this actor did",
    `  --from <time>     only events that occurred from then: ${START_FORMS}`,
    `  --to <time>       only events that occurred until then: ${TIME_FORMS}`,
    "  --type <t,...>    only these event types (change.authorised, ...)",
    ...columnDetails(TRAIL_TABLES),
  ],
  example: "handover trail crm.jsonl --entity C-17 --json",
  options: { ...LOG_OPTIONS, entity: { type: "string" }, actor: { type: "string" }, from: { type: "string" }, to: { type: "string" }, type: { type: "string" } },
  async run({ positionals, values }, io) {
    const args = positionalArgs(positionals, ["<src>"], USAGE);
    if (args._tag === "Left") return args;
    const options = trailOptions(values);
    if (options._tag === "Left") return options;
    return withLog(args.right[0] ?? "", values, io, async (log) => {
      const facts = createLogFacts(log.view);
      const entries = await auditTrail(tapFacts(log.events(), facts), { ...options.right, ...log.view });
      const missing = unseen(options.right, facts);
      if (missing !== undefined && !narrowsLog(log.view)) return left(inputError(missing));
      const label = log.source.spec.label;
      if (values.json === true) io.stdout(renderJson({ ...logJson(log), entries }));
      else io.stdout(`audit trail of ${label}: ${entries.length} event(s)\n${describeView(log.view)}\n\n${entries.length === 0 ? `no events match${missing === undefined ? "" : ` (${missing})`}\n` : renderTable(entries, columns(options.right.entityId))}`);
      return right(undefined);
    });
  },
};
