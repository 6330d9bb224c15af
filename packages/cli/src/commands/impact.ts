import { RELATIONSHIP_PAIRS, type RelationshipType } from "@handover/itil";
import { impactOf, type Cmdb, type Impact, type ImpactDirection } from "@handover/projections";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { inputError, usageError, type CliCommand, type CliFailure, type CommandArgs } from "../command.js";
import { renderJson, renderTable } from "../output/table.js";
import { LOG_DETAILS, LOG_OPTIONS, logJson, positionalArgs, withLog } from "../sources/with-log.js";
import { readCmdb } from "../views/cmdb-view.js";
import { columnDetails, type ColumnGroup, type ExplainedColumn } from "../views/columns.js";
import { describeView } from "../views/view.js";

const USAGE = "handover impact <src> <ciId> [--depth <n>] [--direction upstream|downstream|both] [--types <t,...>] [--as-of <time>] [--known-at <time>] [--json]";
const DIRECTIONS = ["upstream", "downstream", "both"] as const;
const TYPES = Object.keys(RELATIONSHIP_PAIRS) as RelationshipType[];

/** What `impact` was asked: how far, which way, along which relationship types. */
interface ImpactQuery {
  readonly depth?: number;
  readonly directions: readonly ImpactDirection[];
  readonly types?: readonly RelationshipType[];
}

function parseQuery(values: CommandArgs["values"]): Either<CliFailure, ImpactQuery> {
  const depthText = values.depth;
  const depth = typeof depthText === "string" ? Number(depthText) : undefined;
  if (depth !== undefined && (!Number.isInteger(depth) || depth < 1)) return left(usageError(`--depth ${String(depthText)}: expected a whole number of hops, 1 or more`));
  const direction = typeof values.direction === "string" ? values.direction : "upstream";
  if (!(DIRECTIONS as readonly string[]).includes(direction)) return left(usageError(`--direction ${direction}: expected ${DIRECTIONS.join(", ")}`));
  const directions: ImpactDirection[] = direction === "both" ? ["upstream", "downstream"] : [direction as ImpactDirection];
  if (typeof values.types !== "string") return right({ ...(depth === undefined ? {} : { depth }), directions });
  const types = values.types.split(",").map((type) => type.trim());
  const unknown = types.find((type) => !(TYPES as string[]).includes(type));
  if (unknown !== undefined) return left(usageError(`--types: "${unknown}" is not a relationship type; known: ${TYPES.join(", ")}`));
  return right({ ...(depth === undefined ? {} : { depth }), directions, types: types as RelationshipType[] });
}

const SENSES: Record<ImpactDirection, string> = { upstream: "the CIs that depend on it", downstream: "the CIs it depends on" };

const impactColumns = (ciId: string): readonly ExplainedColumn<Impact["cis"][number]>[] => [
  { heading: "hops", cell: (ci) => String(ci.distance), align: "right", meaning: "how many relationships away it is" },
  { heading: "CI", cell: (ci) => (ci.known ? ci.ciId : `${ci.ciId} (not in the CMDB)`), meaning: "the CI reached (a relationship may name one the CMDB does not hold)" },
  { heading: "path", cell: (ci) => [ciId, ...ci.path.map((step) => `${step.type} ${step.to}`)].join(" "), meaning: "a shortest path to it from the CI asked about, each step a relationship as read in that direction" },
];

/** The table `impact` prints, as its help and the guide explain it. */
export const IMPACT_TABLES: readonly ColumnGroup[] = [{ table: "each direction", columns: impactColumns("<ciId>") }];

function describeImpact(impact: Impact): string {
  const heading = `${impact.direction} of ${impact.ciId} (${SENSES[impact.direction]}), depth ${Number.isFinite(impact.depth) ? impact.depth : "all"}: ${impact.cis.length} CI(s)`;
  if (impact.cis.length === 0) return `${heading}\n`;
  return `${heading}\n${renderTable(impact.cis, impactColumns(impact.ciId))}`;
}

function impactsOf(cmdb: Cmdb, ciId: string, query: ImpactQuery): Either<CliFailure, Impact[]> {
  const impacts: Impact[] = [];
  for (const direction of query.directions) {
    const impact = impactOf(cmdb, ciId, { direction, ...(query.depth === undefined ? {} : { depth: query.depth }), ...(query.types === undefined ? {} : { relationshipTypes: query.types }) });
    if (impact._tag === "Left") return left(inputError(`${impact.left.message}; the CMDB holds ${cmdb.cis.length} CI(s)${cmdb.cis.length > 0 ? `: ${cmdb.cis.slice(0, 8).map((ci) => ci.ciId).join(", ")}${cmdb.cis.length > 8 ? ", ..." : ""}` : ""}`));
    impacts.push(impact.right);
  }
  return right(impacts);
}

/** `handover impact`: which CIs a CI's change or failure reaches, by the shortest path along dependency relationships. */
export const impactCommand: CliCommand = {
  path: ["impact"],
  summary: "Impact analysis of a CI: the CIs that depend on it (upstream) or that it depends on (downstream), nearest first, each with its shortest path.",
  usage: USAGE,
  details: [
    ...LOG_DETAILS,
    "  <ciId>            the CI to start from",
    "  --depth <n>       follow at most n hops (default: all)",
    "  --direction <d>   upstream (default: who is affected when it changes or fails), downstream (what it needs), or both",
    `  --types <t,...>   the relationship types impact travels along (default: depends_on, runs_on, hosted_on, connects_to; known: ${TYPES.join(", ")})`,
    ...columnDetails(IMPACT_TABLES),
  ],
  example: "handover impact crm.jsonl crm-db --depth 2",
  options: { ...LOG_OPTIONS, depth: { type: "string" }, direction: { type: "string" }, types: { type: "string" } },
  async run({ positionals, values }, io) {
    const args = positionalArgs(positionals, ["<src>", "<ciId>"], USAGE);
    if (args._tag === "Left") return args;
    const [source = "", ciId = ""] = args.right;
    const query = parseQuery(values);
    if (query._tag === "Left") return query;
    return withLog(source, values, io, async (log) => {
      const cmdb = await readCmdb(log);
      const impacts = impactsOf(cmdb, ciId, query.right);
      if (impacts._tag === "Left") return impacts;
      if (values.json === true) io.stdout(renderJson({ ...logJson(log), position: cmdb.position, impacts: impacts.right.map((impact) => ({ ...impact, depth: Number.isFinite(impact.depth) ? impact.depth : null })) }));
      else io.stdout(`impact in ${log.source.spec.label} at position ${cmdb.position}\n${describeView(log.view)}\n\n${impacts.right.map(describeImpact).join("\n")}`);
      return right(undefined);
    });
  },
};
