import { hotFunctions, readProfile } from "./harness/profile-summary.js";

/** `pnpm --filter @handover/bench profile:top <profile dir or file> [N]`: the hot functions of a profile, by self time. */
async function main(): Promise<void> {
  const [path, count] = process.argv.slice(2);
  if (path === undefined) throw new Error("usage: profile:top <profile dir or .cpuprofile> [top N]");
  const { profile, window } = await readProfile(path);
  console.log(window === undefined ? "whole process (no trial window found)" : `timed trial only: ${((window.end - window.start) / 1e6).toFixed(2)} s`);
  const rows = hotFunctions(profile, Number(count ?? 25), window);
  console.log("| self % | total % | function |\n|---:|---:|---|");
  for (const row of rows) console.log(`| ${row.selfPercent} | ${row.totalPercent} | ${row.name} |`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
