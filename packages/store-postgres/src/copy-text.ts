import { storedEventValues, type RecordedEvent } from "@handover/core";

const SPECIAL = /[\\\t\n\r]/g;
const ESCAPES: Readonly<Record<string, string>> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** One value in COPY's text format: `\N` for null, with backslash, tab and line breaks escaped. */
function copyValue(value: string | number | null): string {
  if (value === null) return "\\N";
  if (typeof value === "number") return String(value);
  return value.replace(SPECIAL, (character) => ESCAPES[character] ?? character);
}

/** The lines of `COPY events (STORED_EVENT_INSERT_COLUMNS) FROM STDIN` (text format) for a run of events. */
export function copyLines(events: readonly RecordedEvent[]): string {
  let text = "";
  for (const event of events) text += `${storedEventValues(event).map(copyValue).join("\t")}\n`;
  return text;
}
