import { left, right, type Either } from "fp-ts/lib/Either.js";

/** What `pnpm bench` was asked to do. */
export interface BenchOptions {
  /** Every workload at a tiny size, one run: checks the harness and the workloads, measures nothing worth quoting. */
  readonly quick: boolean;
  /** Fraction of each workload's full number of streams (1 = the sizes the issues set). */
  readonly scale: number;
  readonly runs: number;
  readonly seed: number;
  /** Workload ids to run; empty = all. */
  readonly only: readonly string[];
  /** Variant ids to run in each selected workload (its comparisons between them); empty = all. */
  readonly variants: readonly string[];
  /** Run every child under `--cpu-prof` into results/profiles (with the trial's time window beside each profile). */
  readonly profile: boolean;
  readonly warmUp: boolean;
  readonly help: boolean;
}

/** The usage text of `pnpm bench`. */
export const usage = `pnpm bench [-- options]
  --quick          every workload at a tiny size, 1 run (smoke check, not a measurement)
  --runs=N         runs per variant, each in a fresh process (default 5; fewer is not a quotable figure)
  --scale=F        fraction of the full number of streams (default 1)
  --only=a,b       only these workloads (ids: fold, append, append-path, w1, w2, w3, w4, w4-stored,
                   w5-sqlite-command, w5-sqlite-bulk, w5-sqlite-read, w5-pg-command, w5-pg-bulk, w5-pg-read,
                   w6-1m, w6-2m, w6-5m, w6-10m; --only=w6 runs all four)
  --variants=a,b   only these variants of each workload, and the comparisons between them
                   (e.g. --only=w6 --variants=jsonl-spill-1g,sqlite-spill-1g)
  --seed=N         generator seed (default 20260301)
  --profile        run each child under --cpu-prof into bench/results/profiles/<workload>-<variant>-run<N>/
                   (the timed trial's hot functions: pnpm --filter @handover/bench profile:top <that dir>)
  --no-warmup      skip the warm-up trial`;

type Mutable = { -readonly [K in keyof BenchOptions]: BenchOptions[K] };
/** Each flag applies its value to the options, or answers false when the value is not acceptable. */
const flags: Readonly<Record<string, (options: Mutable, value: string | undefined) => boolean>> = {
  "--quick": (options) => (options.quick = true),
  "--profile": (options) => (options.profile = true),
  "--no-warmup": (options) => !(options.warmUp = false),
  "--help": (options) => (options.help = true),
  "--only": (options, value) => value !== undefined && (options.only = value.split(",").filter((id) => id !== "")).length > 0,
  "--variants": (options, value) => value !== undefined && (options.variants = value.split(",").filter((id) => id !== "")).length > 0,
  "--runs": (options, value) => Number.isInteger(Number(value)) && (options.runs = Number(value)) >= 1,
  "--scale": (options, value) => (options.scale = Number(value)) > 0 && options.scale <= 1,
  "--seed": (options, value) => value !== undefined && Number.isInteger((options.seed = Number(value))),
};

/** Reads `--flag` and `--flag=value` arguments. */
export function parseOptions(argv: readonly string[]): Either<string, BenchOptions> {
  const options: Mutable = { quick: false, scale: 1, runs: 5, seed: 20_260_301, only: [], variants: [], profile: false, warmUp: true, help: false };
  for (const argument of argv) {
    if (argument === "--") continue;
    const [flag, value] = argument.split("=", 2) as [string, string | undefined];
    const apply = flags[flag];
    if (apply === undefined || !apply(options, value)) return left(`unknown or invalid option "${argument}"\n${usage}`);
  }
  if (options.quick && !argv.some((argument) => argument.startsWith("--runs="))) options.runs = 1;
  return right(options);
}
