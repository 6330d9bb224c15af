import type { CliIo } from "../command.js";
import { terminalControl } from "./terminal-text.js";

/** A log longer than this many events shows a progress bar while it is read (on a terminal). */
export const PROGRESS_THRESHOLD = 5000;

/** Where a read is: advanced with each event's position, finished when the read ends. */
export interface Progress {
  advance(done: number): void;
  finish(): void;
}

/** A carriage return the bar redraws itself with: this program's own control sequence, so output keeps it. */
const RETURN = terminalControl("\r");

const silent: Progress = { advance: () => undefined, finish: () => undefined };
const WIDTH = 28;
const REDRAW_EVERY = 250;

/** The line a progress bar shows: what is read, a bar, the percentage and the counts. */
export function progressLine(label: string, done: number, total: number): string {
  const share = total === 0 ? 1 : Math.min(1, done / total);
  const filled = Math.round(share * WIDTH);
  const percent = `${Math.floor(share * 100)}%`.padStart(4);
  return `reading ${label} [${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}] ${percent} ${done.toLocaleString("en")}/${total.toLocaleString("en")} events`;
}

/**
 * A progress bar on stderr for a read of `total` events: drawn only when stderr is a
 * terminal and the read is longer than `PROGRESS_THRESHOLD`, redrawn every few hundred
 * events in place, and erased when the read ends, so output piped or captured never holds it.
 */
export function startProgress(io: CliIo, label: string, total: number): Progress {
  if (io.terminal?.stderr !== true || total <= PROGRESS_THRESHOLD) return silent;
  let drawn = "";
  let next = 0;
  const draw = (done: number): void => {
    drawn = progressLine(label, done, total);
    io.stderr(`${RETURN}${drawn}`);
  };
  draw(0);
  return {
    advance(done) {
      if (done < next && done < total) return;
      next = done + REDRAW_EVERY;
      draw(done);
    },
    finish() {
      if (drawn === "") return;
      io.stderr(`${RETURN}${" ".repeat(drawn.length)}${RETURN}`);
      drawn = "";
    },
  };
}
