import type { Snapshot } from "./snapshot.js";

/** One incident's rows in the order its history is replayed, and how its file order differed. */
export interface IncidentRows {
  readonly number: string;
  readonly rows: readonly Snapshot[];
  readonly duplicateRows: number;
  readonly outOfOrderRows: number;
}

/** `sys_mod_count` first; ties by `sys_updated_at`, then by file order. */
function compareRows(a: Snapshot, b: Snapshot): number {
  return a.modCount - b.modCount || Date.parse(a.updatedAt) - Date.parse(b.updatedAt) || a.fileIndex - b.fileIndex;
}

/** Length of the longest increasing run (not necessarily contiguous) of the values: patience sorting. */
function longestIncreasing(values: readonly number[]): number {
  const tails: number[] = [];
  for (const value of values) {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((tails[middle] ?? 0) < value) low = middle + 1;
      else high = middle;
    }
    tails[low] = value;
  }
  return tails.length;
}

/**
 * Orders one incident's rows: drops exact duplicate rows (every field equal; the first
 * in the file stays), sorts the rest, and counts the rows out of order: the fewest rows
 * that would have to move to put the file's order right (rows minus the longest run
 * already in order).
 */
export function orderIncidentRows(number: string, rowsInFileOrder: readonly Snapshot[]): IncidentRows {
  const seen = new Set<string>();
  const kept = rowsInFileOrder.filter((row) => (seen.has(row.fingerprint) ? false : (seen.add(row.fingerprint), true)));
  const rows = [...kept].sort(compareRows);
  const rank = new Map(rows.map((row, index) => [row, index] as const));
  const fileRanks = kept.map((row) => rank.get(row) ?? 0);
  return { number, rows, duplicateRows: rowsInFileOrder.length - kept.length, outOfOrderRows: kept.length - longestIncreasing(fileRanks) };
}

/** Groups snapshots by incident `number`, in order of each incident's first row in the file, and orders each. */
export function groupIncidents(snapshots: readonly Snapshot[]): IncidentRows[] {
  const groups = new Map<string, Snapshot[]>();
  for (const snapshot of snapshots) {
    const group = groups.get(snapshot.number);
    if (group === undefined) groups.set(snapshot.number, [snapshot]);
    else group.push(snapshot);
  }
  return [...groups].map(([number, rows]) => orderIncidentRows(number, rows));
}
