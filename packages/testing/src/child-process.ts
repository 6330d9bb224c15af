import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Starts a TypeScript file in a child Node process that reads workspace packages from
 * source (the `source` condition, tsx), for tests that need other processes: contention
 * and crash tests of stores. `script` is a `file:` URL or an absolute path.
 */
export function spawnTypeScript(script: URL | string, args: readonly string[]): ChildProcessWithoutNullStreams {
  const path = script instanceof URL ? fileURLToPath(script) : script;
  return spawn(process.execPath, ["--conditions=source", "--import", "tsx", path, ...args], { cwd: dirname(path), stdio: "pipe" });
}

/** Resolves with the first line the child prints that passes the test; rejects when it exits first. */
export function waitForLine(child: ChildProcessWithoutNullStreams, test: (line: string) => boolean): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    let buffered = "";
    let errors = "";
    const onData = (chunk: Buffer): void => {
      buffered += chunk.toString("utf8");
      const lines = buffered.split("\n");
      buffered = lines.pop() ?? "";
      const found = lines.find(test);
      if (found === undefined) return;
      child.stdout.off("data", onData);
      resolvePromise(found);
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString("utf8")));
    child.once("exit", (code, signal) => reject(new Error(`child exited (${code ?? signal}) before printing the line; stderr: ${errors}`)));
  });
}

/** Resolves when the child has exited, with its exit code or signal. */
export function waitForExit(child: ChildProcessWithoutNullStreams): Promise<{ readonly code: number | null; readonly signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolvePromise) => child.once("exit", (code, signal) => resolvePromise({ code, signal })));
}
