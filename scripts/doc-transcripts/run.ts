import { spawn } from "node:child_process";
import { randomUUID } from "node:crypto";

/** What one command of a transcript printed (standard output and error, interleaved as a terminal shows them) and its exit status. */
export interface CommandRun {
  readonly command: string;
  readonly output: readonly string[];
  readonly status: number;
}

/**
 * Runs a transcript's commands in order in one bash session in `cwd` (so `echo $?` sees the
 * command before it), as a reader would type them; colour off, no terminal. Resolves with
 * what each printed; rejects when bash itself cannot run.
 */
export function runCommands(commands: readonly string[], cwd: string): Promise<CommandRun[]> {
  const marker = `@@transcript-${randomUUID()}`;
  const script = commands.map((command, index) => `__status=$?\necho "${marker} start ${index}"\n(exit $__status)\n{ ${command}\n} 2>&1\n__status=$?\necho "${marker} end ${index} $__status"\n(exit $__status)`).join("\n");
  return new Promise((resolve, reject) => {
    const child = spawn("bash", ["--noprofile", "--norc", "-c", `exec 2>&1\n${script}`], { cwd, env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0", CI: "true" }, stdio: ["ignore", "pipe", "pipe"] });
    let text = "";
    child.stdout.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (text += chunk.toString("utf8")));
    child.on("error", reject);
    child.on("close", () => resolve(parseRuns(text, commands, marker)));
  });
}

function parseRuns(text: string, commands: readonly string[], marker: string): CommandRun[] {
  const runs: CommandRun[] = [];
  let current: { index: number; lines: string[] } | undefined;
  for (const line of text.split("\n")) {
    if (line.startsWith(`${marker} start `)) {
      current = { index: Number(line.slice(marker.length + 7)), lines: [] };
      continue;
    }
    if (line.startsWith(`${marker} end `) && current !== undefined) {
      const status = Number(line.split(" ").at(-1));
      runs.push({ command: commands[current.index] ?? "", output: current.lines, status });
      current = undefined;
      continue;
    }
    current?.lines.push(line);
  }
  return runs;
}
