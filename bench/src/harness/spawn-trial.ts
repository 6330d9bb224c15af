import { fork } from "node:child_process";
import { mkdirSync } from "node:fs";
import { benchRoot } from "./bench-root.js";
import type { TrialReply, TrialRequest } from "./protocol.js";
import { buildTrialBundle } from "./trial-bundle.js";

let bundle: Promise<string> | undefined;

/**
 * Measures one variant in a fresh Node process running the trial bundle (compiled
 * JavaScript, no TypeScript loader; built from the sources once per bench run), with
 * `--expose-gc`, optionally `--cpu-prof`, and the variant's own Node options, and waits
 * for its reply.
 */
export async function spawnTrial(request: TrialRequest): Promise<TrialReply> {
  let trialBundle: string;
  try {
    trialBundle = await (bundle ??= buildTrialBundle());
  } catch (error) {
    return { ok: false, error: `could not bundle the trial child: ${error instanceof Error ? error.message : String(error)}` };
  }
  const to = request.profileTo;
  if (to !== null) mkdirSync(to, { recursive: true });
  const profile = to === null ? [] : ["--cpu-prof", `--cpu-prof-dir=${to}`, "--cpu-prof-interval=250"];
  const child = fork(trialBundle, [JSON.stringify(request)], {
    cwd: benchRoot,
    execArgv: ["--expose-gc", ...profile, ...(request.nodeOptions ?? [])],
    stdio: ["ignore", "inherit", "pipe", "ipc"],
  });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString("utf8");
  });
  return await new Promise((resolve) => {
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
