/** Lines written per write by `writeJoined` unless told otherwise. */
export const LINES_PER_WRITE = 1000;

/**
 * Writes lines joined by a separator, as one `join` of them would read, `perWrite` lines a
 * write: output as long as a log's findings without ever holding more than a batch of it.
 * Answers how many lines were written.
 */
export async function writeJoined(lines: AsyncIterable<string> | Iterable<string>, separator: string, write: (text: string) => void, perWrite = LINES_PER_WRITE): Promise<number> {
  if (!Number.isSafeInteger(perWrite) || perWrite < 1) throw new RangeError(`perWrite: expected a whole number of lines from 1 up, got ${String(perWrite)}`);
  let batch: string[] = [];
  let written = 0;
  const flush = (): void => {
    write(`${written === 0 ? "" : separator}${batch.join(separator)}`);
    written += batch.length;
    batch = [];
  };
  for await (const line of lines) {
    batch.push(line);
    if (batch.length === perWrite) flush();
  }
  if (batch.length > 0) flush();
  return written;
}
