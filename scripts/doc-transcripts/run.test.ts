import { tmpdir } from "node:os";
import { describe, expect, it } from "vitest";
import { runCommands } from "./run.js";

describe("runCommands", () => {
  it("runs commands in one session, keeping each one's output and status, so echo $? sees the command before it", async () => {
    const runs = await runCommands(["echo one; echo two >&2", "false", "echo $?", "no-such-command-here"], tmpdir());
    expect(runs.map((run) => [run.output, run.status])).toEqual([
      [["one", "two"], 0],
      [[], 1],
      [["1"], 0],
      [[expect.stringContaining("no-such-command-here")], 127],
    ]);
  });
});
