/**
 * Transcript blocks in Markdown: a fenced `console` block right after an HTML comment
 * `<!-- transcript -->` (with options), holding shell commands as `$ command` lines, each
 * followed by what it printed. `pnpm docs:transcripts` runs the commands and writes their
 * output back, so no figure, hash or excerpt in the docs can go stale.
 */

/** How a block shows what its commands printed. */
export interface TranscriptOptions {
  /** Output lines kept per command (1-based, inclusive ranges: `1-3,7`); the rest is replaced by a line saying how many were left out. */
  readonly keep?: readonly (readonly [number, number])[];
  /** Lines longer than this many characters end in `…`. */
  readonly cut?: number;
}

/** One command of a block and the output the docs show for it. */
export interface TranscriptStep {
  readonly command: string;
  readonly output: readonly string[];
}

/** A transcript block found in a Markdown text: where its body is, its options and its steps. */
export interface TranscriptBlock {
  /** Offsets of the block's body (between the fences) in the text. */
  readonly start: number;
  readonly end: number;
  /** The line the block's opening fence is on (1-based), for messages. */
  readonly line: number;
  readonly options: TranscriptOptions;
  readonly steps: readonly TranscriptStep[];
}

const BLOCK = /<!-- transcript((?:\s+[a-z]+="[^"]*")*)\s*-->\n```console\n([\s\S]*?)\n?```/g;
const OPTION = /([a-z]+)="([^"]*)"/g;

function parseRanges(text: string, line: number): [number, number][] {
  return text.split(",").map((part) => {
    const [from, to] = part.split("-").map((bound) => Number(bound.trim()));
    if (from === undefined || !Number.isInteger(from) || from < 1 || (to !== undefined && (!Number.isInteger(to) || to < from))) {
      throw new RangeError(`transcript at line ${line}: keep="${text}" is not a list of line ranges such as 1-3,7`);
    }
    return [from, to ?? from];
  });
}

function parseOptions(text: string, line: number): TranscriptOptions {
  const options: { keep?: [number, number][]; cut?: number } = {};
  for (const [, name, value] of text.matchAll(OPTION)) {
    if (name === "keep") options.keep = parseRanges(value ?? "", line);
    else if (name === "cut" && Number.isInteger(Number(value)) && Number(value) > 10) options.cut = Number(value);
    else throw new RangeError(`transcript at line ${line}: unknown option ${name}="${value ?? ""}" (known: keep="1-3,7", cut="120")`);
  }
  return options;
}

function parseSteps(body: string): TranscriptStep[] {
  const steps: { command: string; output: string[] }[] = [];
  for (const line of body.split("\n")) {
    if (line.startsWith("$ ")) steps.push({ command: line.slice(2), output: [] });
    else steps.at(-1)?.output.push(line);
  }
  return steps;
}

/** Every transcript block of a Markdown text, in order. */
export function findTranscripts(markdown: string): TranscriptBlock[] {
  const blocks: TranscriptBlock[] = [];
  for (const match of markdown.matchAll(BLOCK)) {
    const index = match.index;
    const header = match[1] ?? "";
    const body = match[2] ?? "";
    const bodyStart = markdown.indexOf("```console\n", index) + "```console\n".length;
    const line = markdown.slice(0, bodyStart).split("\n").length - 1;
    blocks.push({ start: bodyStart, end: bodyStart + body.length, line, options: parseOptions(header, line), steps: parseSteps(body) });
  }
  return blocks;
}

/** A command's output as a transcript shows it: the kept lines (and one line per gap saying how many were left out), long lines cut. */
export function shownOutput(output: readonly string[], options: TranscriptOptions): string[] {
  const cut = (line: string): string => (options.cut !== undefined && line.length > options.cut ? `${line.slice(0, options.cut - 1)}…` : line);
  if (options.keep === undefined) return output.map(cut);
  const shown: string[] = [];
  let next = 1;
  const skipped = (count: number): void => {
    if (count > 0) shown.push(`… (${count} line${count === 1 ? "" : "s"} not shown)`);
  };
  for (const [from, to] of options.keep) {
    if (from > output.length) break;
    skipped(from - next);
    for (let line = from; line <= Math.min(to, output.length); line++) shown.push(cut(output[line - 1] ?? ""));
    next = Math.min(to, output.length) + 1;
  }
  skipped(output.length - next + 1);
  return shown;
}

/** The body of a block with each command's output as it should be shown. */
export function renderSteps(steps: readonly TranscriptStep[]): string {
  return steps.map((step) => [`$ ${step.command}`, ...step.output].join("\n")).join("\n");
}

/** The text with each block's body replaced, in order (bodies given by the caller, one per block). */
export function replaceBodies(markdown: string, blocks: readonly TranscriptBlock[], bodies: readonly string[]): string {
  let result = "";
  let from = 0;
  blocks.forEach((block, index) => {
    result += markdown.slice(from, block.start) + (bodies[index] ?? "");
    from = block.end;
  });
  return result + markdown.slice(from);
}
