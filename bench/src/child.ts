import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { measureVariant } from "./harness/measure.js";
import { TRIAL_WINDOW_FILE } from "./harness/profile-summary.js";
import type { TrialReply, TrialRequest } from "./harness/protocol.js";
import { loadWorkload } from "./workloads/loaders.js";

/** Entry of a child process: measures one variant of one workload and reports to the parent over IPC. */
async function main(): Promise<TrialReply> {
  const request = JSON.parse(process.argv[2] ?? "{}") as TrialRequest;
  const workload = await loadWorkload(request.workload);
  const variant = workload?.variants.find((candidate) => candidate.id === request.variant);
  if (workload === undefined || variant === undefined) return { ok: false, error: `no variant ${request.workload}/${request.variant}` };
  const measurement = await measureVariant(variant, { size: request.size, warmUp: request.warmUp ?? undefined, seed: request.seed });
  if (request.profileTo !== null) await writeFile(join(request.profileTo, TRIAL_WINDOW_FILE), JSON.stringify(measurement.trialMicros));
  return { ok: true, measurement };
}

const report = (reply: TrialReply): void => {
  if (process.send === undefined) {
    console.log(JSON.stringify(reply));
    return;
  }
  process.send(reply, () => process.exit(0));
};

main().then(report, (error: unknown) => report({ ok: false, error: error instanceof Error ? (error.stack ?? error.message) : String(error) }));
