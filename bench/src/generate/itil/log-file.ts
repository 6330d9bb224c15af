import { spawnSync } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, renameSync, writeSync } from "node:fs";
import { join } from "node:path";
import { GENESIS_HASH, hashEvent, serializeRecordedEvent, type RecordedEvent } from "@handover/core";
import { benchRoot } from "../../harness/bench-root.js";
import { resultsDir } from "../../harness/results-file.js";
import type { Size } from "../../harness/size.js";
import { checkAgainstCatalogue } from "./catalogue.js";
import { itilLogEntries } from "./itil-log.js";

/** Every event up to here, then one in this many, is checked against the catalogues while the file is written. */
const CHECK_ALL_UP_TO = 5_000;
const CHECK_EVERY = 97;

/** Bump when the generator changes what it writes, so a log kept from an earlier revision is not reused (2: no solution-level change without a live CI, retirement stops at a quarter of the CIs; 3: lines in their canonical form, which readers now require; 4: a world whose size does not grow with the log: at most four relationships per CI, every problem and release closed in the end). */
const GENERATOR_REVISION = 4;

/** Where generated logs are kept between runs: `bench/results/logs/` (gitignored), by generator revision, seed and size. */
export const logsDir = join(resultsDir, "logs");

/** Where the log of a size and seed is kept between runs (generated once, read by every trial and every later run). */
export function itilLogPath(size: Size, seed: number): string {
  return join(logsDir, `itil-r${GENERATOR_REVISION}-${seed}-${size.streams}x${size.perStream}.jsonl`);
}

/**
 * Writes the seeded ITIL log as JSONL, hash-chained as `buildChainedLog` chains it (core's
 * `hashEvent`, positions, stream versions, `event-N` ids), streaming, checking a sample of
 * events against the process catalogues; atomically (a temporary file renamed into place).
 */
export function writeItilLog(path: string, size: Size, seed: number): number {
  mkdirSync(join(path, ".."), { recursive: true });
  const temporary = `${path}.${process.pid}.tmp`;
  const file = openSync(temporary, "w");
  const versions = new Map<string, number>();
  let prevHash = GENESIS_HASH;
  let position = 0;
  let buffer = "";
  for (const entry of itilLogEntries(size, seed)) {
    position++;
    if (position <= CHECK_ALL_UP_TO || position % CHECK_EVERY === 0) checkAgainstCatalogue(entry.type, entry.data, position);
    const version = (versions.get(entry.streamId) ?? 0) + 1;
    versions.set(entry.streamId, version);
    const unhashed = { position, streamId: entry.streamId, version, eventId: `event-${position}`, type: entry.type, schemaVersion: 1, data: entry.data, meta: entry.meta, recordedAt: entry.recordedAt ?? entry.meta.occurredAt, prevHash };
    const hash = hashEvent(unhashed);
    buffer += `${serializeRecordedEvent({ ...unhashed, hash } as RecordedEvent)}\n`;
    prevHash = hash;
    if (buffer.length >= 1 << 20) {
      writeSync(file, buffer);
      buffer = "";
    }
  }
  if (buffer !== "") writeSync(file, buffer);
  closeSync(file);
  renameSync(temporary, path);
  return position;
}

const writerScript = join(benchRoot, "src/generate/itil/write-log-main.ts");

/**
 * The path of the seeded log, generated first if it is not there yet: in a separate process,
 * so the generator's memory never counts in a trial's peak RSS.
 */
export function ensureItilLog(size: Size, seed: number): string {
  const path = itilLogPath(size, seed);
  if (existsSync(path)) return path;
  const written = spawnSync(process.execPath, ["--conditions=source", "--import", "tsx", writerScript, path, JSON.stringify(size), String(seed)], { cwd: benchRoot, encoding: "utf8" });
  if (written.status !== 0 || !existsSync(path)) throw new Error(`generating ${path} failed (${written.status ?? written.signal}): ${written.stderr.slice(-2000)}`);
  return path;
}
