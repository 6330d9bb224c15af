import { left, right } from "fp-ts/lib/Either.js";
import { usageError, type CliCommand } from "../command.js";
import { ciGraph } from "../graph/ci-graph.js";
import { renderDot } from "../graph/dot.js";
import { renderMermaid } from "../graph/mermaid.js";
import { renderJson } from "../output/table.js";
import { LOG_DETAILS, LOG_OPTIONS, logJson, positionalArgs, withLog } from "../sources/with-log.js";
import { readCmdb } from "../views/cmdb-view.js";
import { describeView } from "../views/view.js";

const USAGE = "handover graph <src> [--format mermaid|dot] [--as-of <time>] [--known-at <time>] [--json]";
const FORMATS = ["mermaid", "dot"] as const;

/** `handover graph`: the CI graph of the CMDB as Mermaid or Graphviz DOT source. */
export const graphCommand: CliCommand = {
  path: ["graph"],
  summary: "Print the CI graph (CIs and their relationships) as Mermaid or Graphviz DOT source; the view is named in a comment line.",
  usage: USAGE,
  details: [...LOG_DETAILS.map((line) => (line.startsWith("  --json") ? "  --json            the nodes and edges as JSON" : line)), "  --format <f>      mermaid (default) or dot"],
  example: "handover graph crm.jsonl --format dot | dot -Tsvg > cmdb.svg",
  options: { ...LOG_OPTIONS, format: { type: "string", default: "mermaid" } },
  async run({ positionals, values }, io) {
    const args = positionalArgs(positionals, ["<src>"], USAGE);
    if (args._tag === "Left") return args;
    const format = typeof values.format === "string" ? values.format : "mermaid";
    if (!(FORMATS as readonly string[]).includes(format)) return left(usageError(`--format ${format}: expected ${FORMATS.join(" or ")}`));
    return withLog(args.right[0] ?? "", values, io, async (log) => {
      const cmdb = await readCmdb(log);
      const graph = ciGraph(cmdb);
      const about = `CI graph of ${log.source.spec.label} at position ${cmdb.position}; ${describeView(log.view)}`;
      if (values.json === true) io.stdout(renderJson({ ...logJson(log), position: cmdb.position, ...graph }));
      else if (format === "dot") io.stdout(`// ${about}\n${renderDot(graph)}`);
      else io.stdout(`%% ${about}\n${renderMermaid(graph)}`);
      return right(undefined);
    });
  },
};
