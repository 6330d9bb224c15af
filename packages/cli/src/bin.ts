#!/usr/bin/env node
import { runCli } from "./run.js";

// A reader that stops early (`handover incidents log.jsonl | head`) is not an error.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});

// The `handover` binary: runs the command its arguments name and exits with its code.
void runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  now: () => new Date().toISOString(),
  terminal: { stdout: process.stdout.isTTY === true, stderr: process.stderr.isTTY === true },
  env: process.env,
}).then((code) => {
  process.exitCode = code;
});
