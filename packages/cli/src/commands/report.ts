import { basename, extname } from "node:path";
import { createHash, type KeyObject } from "node:crypto";
import { formatCheckpoint, isKeyName, signNote, type Checkpoint, type RecordedEvent } from "@handover/core";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { originOf, readPrivateKeyFile } from "../sources/checkpoint-file.js";
import { inputError, usageError, type CliCommand, type CliFailure } from "../command.js";
import { renderJson } from "../output/table.js";
import { renderHtmlReport } from "../report/html/page.js";
import { citedPositions } from "../report/html/parts.js";
import { renderMarkdownReport } from "../report/markdown.js";
import { readReportData, type ReportData } from "../report/report-data.js";
import { CONTROLS_DETAILS, CONTROLS_OPTIONS, readFramework } from "../sources/controls-option.js";
import { CRITERIA_DETAIL, CRITERIA_OPTION } from "../sources/criteria.js";
import { newFileTarget, writeNewFile } from "../sources/files.js";
import { POLICY_DETAIL, POLICY_OPTION } from "../sources/policy.js";
import { LOG_DETAILS, LOG_OPTIONS, logJson, positionalArgs, withLog, type LogCheckpoint, type OpenedLog } from "../sources/with-log.js";
import { createLogFacts, missingProject, tapFacts } from "../views/log-facts.js";
import { describeView } from "../views/view.js";
import { tally } from "../views/readiness-text.js";
import { readinessOptions } from "./readiness.js";

const USAGE = "handover report <src> <projectId> --out <report.html|report.md> [--sign <key.pem>] [--criteria <file>] [--policy <file>] [--as-of <time>] [--known-at <time>] [--json]";

/** The HTML pack with its provenance: the checkpoint of the log read on the first page, and the events its evidence cites (read again from the log, chain verified) in its trail. */
async function htmlPack(opened: OpenedLog, data: ReportData, checkpoint: LogCheckpoint): Promise<string> {
  const cited = new Set(citedPositions(renderHtmlReport(data, { checkpoint })));
  const trail: RecordedEvent[] = [];
  if (cited.size > 0) for await (const event of opened.events()) if (cited.has(event.position)) trail.push(event);
  return renderHtmlReport(data, { checkpoint, trail });
}

/**
 * Writes the pack's detached signature beside it (`<out>.sig`): a checkpoint of the log the
 * pack was computed from, with a line naming the pack's SHA-256, signed with the key.
 */
async function signPack(out: string, text: string, key: KeyObject, checkpoint: Checkpoint, force: boolean): Promise<Either<CliFailure, string>> {
  const digest = createHash("sha256").update(text).digest("hex");
  const body = `${formatCheckpoint(checkpoint)}pack ${basename(out)} sha256:${digest}\n`;
  return writeNewFile(`${out}.sig`, signNote(body, isKeyName(checkpoint.origin) ? checkpoint.origin : "handover", key), force);
}
const FORMATS: Readonly<Record<string, "html" | "markdown">> = { ".html": "html", ".htm": "html", ".md": "markdown", ".markdown": "markdown" };

/** `handover report`: the handover pack of a project, as one self-contained HTML file or GitHub Markdown. */
export const reportCommand: CliCommand = {
  path: ["report"],
  summary: "Write the handover pack of a project: readiness checklist with evidence, readiness timeline, CI graph, CMDB baseline with drift and diff, audit findings, the controls of a framework, process metrics with weekly charts, open incidents with the SLA summary, and known errors; as self-contained HTML (readable printed) or Markdown.",
  usage: USAGE,
  details: [
    ...LOG_DETAILS.map((line) => (line.startsWith("  --json") ? "  --json            print a summary of what was written as JSON" : line)),
    "  <projectId>       the project (project.start's projectId)",
    "  --out <file>      where to write it: .html (one file, inline CSS and SVG, nothing fetched when viewed) or .md (GitHub Markdown with a Mermaid graph)",
    "  --sign <key.pem>  also write <out>.sig: the log's checkpoint (size, root, head) and the pack's SHA-256, signed with this Ed25519 key (check it: handover check-proof <out>.sig --key pub.pem)",
    "  --force           overwrite an existing pack (and signature); without it, an existing file is refused and nothing is written",
    CRITERIA_DETAIL,
    POLICY_DETAIL,
    ...CONTROLS_DETAILS.map((line) => `${line} (the pack's controls section)`),
  ],
  example: "handover report crm.jsonl crm --out handover-pack.html --as-of 2026-03-31",
  options: { ...LOG_OPTIONS, ...CRITERIA_OPTION, ...POLICY_OPTION, ...CONTROLS_OPTIONS, out: { type: "string" }, sign: { type: "string" }, force: { type: "boolean", default: false } },
  async run({ positionals, values }, io) {
    const args = positionalArgs(positionals, ["<src>", "<projectId>"], USAGE);
    if (args._tag === "Left") return args;
    const [source = "", projectId = ""] = args.right;
    const out = values.out;
    if (typeof out !== "string" || out === "") return left(usageError(`missing --out <report.html|report.md>; usage: ${USAGE}`));
    const format = FORMATS[extname(out).toLowerCase()];
    if (format === undefined) return left(usageError(`--out ${out}: name a .html or a .md file`));
    const force = values.force === true;
    for (const file of typeof values.sign === "string" ? [out, `${out}.sig`] : [out]) {
      const target = await newFileTarget(file, force);
      if (target._tag === "Left") return target;
    }
    const key = typeof values.sign === "string" ? await readPrivateKeyFile(values.sign) : undefined;
    if (key?._tag === "Left") return key;
    const framework = await readFramework(values);
    if (framework._tag === "Left") return framework;
    return withLog(source, values, io, async (opened) => {
      const options = await readinessOptions(opened, values);
      if (options._tag === "Left") return options;
      const facts = createLogFacts(opened.view);
      const log = { ...opened, events: () => tapFacts(opened.events(), facts) };
      const data = await readReportData(log, projectId, options.right, io.now(), framework.right);
      if (data === undefined) {
        return left(inputError(missingProject(projectId, facts)));
      }
      const read = opened.checkpoint();
      const text = format === "html" ? await htmlPack(opened, data, read) : renderMarkdownReport(data);
      const written = await writeNewFile(out, text, force);
      if (written._tag === "Left") return written;
      const checkpoint = { origin: originOf(projectId), ...read, time: io.now() };
      const signature = key === undefined ? undefined : await signPack(out, text, key.right, checkpoint, force);
      if (signature?._tag === "Left") return signature;
      const verdict = `${data.readiness.ready ? "READY" : "NOT READY"} (${tally(data.readiness)})`;
      if (values.json === true) io.stdout(renderJson({ out, format, ...logJson(opened), source: data.source, projectId, position: data.summary.position, ready: data.readiness.ready, findings: data.findings.findings.length, signature: signature?.right ?? null }));
      else io.stdout(`wrote ${out}: the handover pack of project ${projectId}, ${format}, from checkpoint size ${checkpoint.size} root ${checkpoint.root}${signature === undefined ? "" : `; signed in ${signature.right}`}\nreadiness: ${verdict}; ${data.findings.findings.length} finding(s); ${data.summary.openIncidents.length} open incident(s)\n${describeView(opened.view)}\n`);
      return right(undefined);
    });
  },
};
