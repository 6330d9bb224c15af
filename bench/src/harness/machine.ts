import * as os from "node:os";

/** The machine a run was measured on. */
export interface Machine {
  readonly node: string;
  readonly v8: string;
  readonly platform: string;
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGb: number;
  readonly date: string;
}

/** Describes this machine and the time of the run. */
export function describeMachine(now: Date = new Date()): Machine {
  const cpus = os.cpus();
  return {
    node: process.version,
    v8: process.versions.v8,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model.trim() ?? "unknown",
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    date: now.toISOString(),
  };
}
