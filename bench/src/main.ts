import { machineLine, figuresTable, pendingTable, scalingTable, targetsTable } from "./harness/report.js";
import { parseOptions, usage } from "./harness/options.js";
import { writeResults } from "./harness/results-file.js";
import { runBench } from "./harness/run-bench.js";
import { ensureSqlite3Built, SQLITE3_WORKLOADS } from "./peers/sqlite3-native.js";

/** `pnpm bench`: runs the workloads, prints the tables, writes JSON. Exits non-zero only on a crash or wrong results, never on slowness. */
async function main(): Promise<number> {
  const parsed = parseOptions(process.argv.slice(2));
  if (parsed._tag === "Left") {
    console.error(parsed.left);
    return 2;
  }
  const options = parsed.right;
  if (options.help) {
    console.log(usage);
    return 0;
  }
  if (!options.quick && options.runs < 5) console.log(`note: ${options.runs} run(s) per figure; quotable figures take at least 5`);
  if (options.only.length === 0 || options.only.some((id) => SQLITE3_WORKLOADS.includes(id))) ensureSqlite3Built((line) => console.log(line));
  const { report, problems } = await runBench(options, { log: (line) => console.log(line) });
  console.log(`\n${machineLine(report.machine, options.runs, report.results)}\n`);
  console.log(`${figuresTable(report.results)}\n\n${targetsTable(report.results)}\n\n${scalingTable(report.scaling)}\n\n${pendingTable(report.pending)}\n`);
  console.log(`results: ${await writeResults(report)}`);
  for (const problem of problems) console.error(`PROBLEM: ${problem}`);
  return problems.length === 0 ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
