import { describe, expect, it } from "vitest";
import { findTranscripts, renderSteps, replaceBodies, shownOutput } from "./blocks.js";

const markdown = [
  "# Guide",
  "",
  '<!-- transcript keep="1,3" cut="20" -->',
  "```console",
  "$ handover verify log.jsonl",
  "old output",
  "$ echo $?",
  "0",
  "```",
  "",
  "```console",
  "$ not a transcript",
  "```",
].join("\n");

describe("transcript blocks", () => {
  it("finds the blocks after a transcript comment, with their options and steps, and leaves other console blocks alone", () => {
    const [block, ...others] = findTranscripts(markdown);
    expect(others).toEqual([]);
    expect(block?.line).toBe(4);
    expect(block?.options).toEqual({ keep: [[1, 1], [3, 3]], cut: 20 });
    expect(block?.steps).toEqual([
      { command: "handover verify log.jsonl", output: ["old output"] },
      { command: "echo $?", output: ["0"] },
    ]);
  });

  it("shows the kept lines and says how many were left out, cutting long lines", () => {
    const output = ["one", "two", "three is a rather long line indeed", "four", "five"];
    expect(shownOutput(output, { keep: [[1, 1], [3, 3]], cut: 20 })).toEqual(["one", "… (1 line not shown)", "three is a rather l…", "… (2 lines not shown)"]);
    expect(shownOutput(output, {})).toEqual(output);
  });

  it("replaces each block's body and nothing else", () => {
    const blocks = findTranscripts(markdown);
    const body = renderSteps([{ command: "handover verify log.jsonl", output: ["verified"] }]);
    const replaced = replaceBodies(markdown, blocks, [body]);
    expect(replaced).toContain("```console\n$ handover verify log.jsonl\nverified\n```");
    expect(replaced).toContain("```console\n$ not a transcript\n```");
    expect(findTranscripts(replaced)[0]?.steps).toEqual([{ command: "handover verify log.jsonl", output: ["verified"] }]);
  });

  it("refuses options it does not know, naming the line", () => {
    expect(() => findTranscripts('<!-- transcript keep="x" -->\n```console\n$ a\n```')).toThrow(/line 2: keep="x"/);
    expect(() => findTranscripts('<!-- transcript width="3" -->\n```console\n$ a\n```')).toThrow(/unknown option width/);
  });
});
