import { readdir, readFile, stat } from "node:fs/promises";
import { join } from "node:path";

/** The file, beside a child's profiles, that says when its timed trial ran. */
export const TRIAL_WINDOW_FILE = "trial-window.json";

interface ProfileNode {
  readonly id: number;
  readonly callFrame: { readonly functionName: string; readonly url: string; readonly lineNumber: number };
  readonly children?: readonly number[];
}

/** A V8 `.cpuprofile` as `node --cpu-prof` writes it. */
export interface CpuProfile {
  readonly startTime: number;
  readonly nodes: readonly ProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

/** One function's share of the profile: time spent in its own code, and in it and what it called. */
export interface HotFunction {
  readonly name: string;
  readonly selfPercent: number;
  readonly totalPercent: number;
}

const where = (node: ProfileNode): string => {
  const file = node.callFrame.url.replace(/^.*\/(packages|bench|node_modules)\//, "$1/");
  return `${node.callFrame.functionName || "(anonymous)"} ${file}:${node.callFrame.lineNumber + 1}`;
};

/** A time window on the profiler's clock (microseconds), such as when the timed trial ran. */
export interface Window {
  readonly start: number;
  readonly end: number;
}

/** The functions with the most self time within a window, with their inclusive time (recursion counted once). */
export function hotFunctions(profile: CpuProfile, top = 25, window?: Window): HotFunction[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let all = 0;
  let now = profile.startTime;
  profile.samples.forEach((id, index) => {
    const delta = profile.timeDeltas[index] ?? 0;
    now += delta;
    const node = byId.get(id);
    if (node === undefined || (window !== undefined && (now < window.start || now > window.end))) return;
    all += delta;
    self.set(where(node), (self.get(where(node)) ?? 0) + delta);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const frame = byId.get(at);
      if (frame !== undefined) seen.add(where(frame));
    }
    for (const name of seen) total.set(name, (total.get(name) ?? 0) + delta);
  });
  const percent = (value: number): number => Math.round((1000 * value) / Math.max(all, 1)) / 10;
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, value]) => ({ name, selfPercent: percent(value), totalPercent: percent(total.get(name) ?? 0) }));
}

/**
 * Reads a `.cpuprofile`, or from a child's profile directory the profile of its main thread
 * (the busiest one; tsx's loader thread writes another, mostly idle), with the trial window.
 */
export async function readProfile(path: string): Promise<{ profile: CpuProfile; window: Window | undefined }> {
  const isDirectory = (await stat(path)).isDirectory();
  const files = isDirectory ? (await readdir(path)).filter((name) => name.endsWith(".cpuprofile")).map((name) => join(path, name)) : [path];
  const profiles = await Promise.all(files.map(async (file) => JSON.parse(await readFile(file, "utf8")) as CpuProfile));
  const profile = profiles.sort((a, b) => busySamples(b) - busySamples(a))[0];
  if (profile === undefined) throw new Error(`no .cpuprofile in ${path}`);
  const windowFile = join(isDirectory ? path : join(path, ".."), TRIAL_WINDOW_FILE);
  const window = await readFile(windowFile, "utf8").then((text) => JSON.parse(text) as Window, () => undefined);
  return { profile, window };
}

function busySamples(profile: CpuProfile): number {
  const idle = new Set(profile.nodes.filter((node) => node.callFrame.functionName === "(idle)").map((node) => node.id));
  return profile.samples.filter((id) => !idle.has(id)).length;
}
