import { fork } from "node:child_process";
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { TrialReply, TrialRequest } from "./protocol.js";

const childScript = fileURLToPath(new URL("../child.ts", import.meta.url));
const benchRoot = fileURLToPath(new URL("../..", import.meta.url));

/** Measures one variant in a fresh Node process (sources through tsx, `--expose-gc`, optionally `--cpu-prof`, and the variant's own Node options), and waits for its reply. */
export function spawnTrial(request: TrialRequest): Promise<TrialReply> {
  const to = request.profileTo;
  if (to !== null) mkdirSync(to, { recursive: true });
  const profile = to === null ? [] : ["--cpu-prof", `--cpu-prof-dir=${to}`, "--cpu-prof-interval=250"];
  const child = fork(childScript, [JSON.stringify(request)], {
    cwd: benchRoot,
    execArgv: ["--conditions=source", "--import", "tsx", "--expose-gc", ...profile, ...(request.nodeOptions ?? [])],
    stdio: ["ignore", "inherit", "pipe", "ipc"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  return new Promise((resolve) => {
    let reply: TrialReply | undefined;
    child.on("message", (message) => {
      reply = message as TrialReply;
    });
    child.on("error", (error) => resolve({ ok: false, error: error.message }));
    child.on("exit", (code, signal) => {
      resolve(reply ?? { ok: false, error: `child exited with ${signal ?? code} before replying; stderr: ${stderr.trim().slice(-2000)}` });
    });
  });
}
