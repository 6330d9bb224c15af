/**
 * Says why a line is not the canonical form of the event it parses to, for the error a
 * reader reports: the first column where the bytes differ and what differs there. Only
 * called for a line already refused, so it may take its time.
 */
export function describeNonCanonical(line: string, canonical: string): { readonly column: number; readonly reason: string } {
  const duplicate = firstDuplicateKey(line);
  let at = 0;
  while (at < line.length && at < canonical.length && line.charCodeAt(at) === canonical.charCodeAt(at)) at++;
  const column = at + 1;
  if (duplicate !== undefined) return { column: duplicate.column, reason: `the key "${duplicate.key}" appears twice in one object (a reader keeping either copy would see another event)` };
  const found = line.charAt(at);
  const expected = canonical.charAt(at);
  if (found === "") return { column, reason: `the line ends where the canonical form goes on with ${JSON.stringify(canonical.slice(at, at + 12))}` };
  if (/\s/.test(found)) return { column, reason: `whitespace (${JSON.stringify(found)}) where the canonical form has none` };
  if (found === "\\" || expected === "\\") return { column, reason: "a string is escaped differently from the canonical form (only quote, backslash and control characters are escaped, as \\n, \\\" or \\u001f)" };
  if (/[-+.\deE]/.test(found) && /[-+.\deE,}\]]/.test(expected)) return { column, reason: `a number is spelt ${JSON.stringify(numberAt(line, at))}; its canonical spelling is ${JSON.stringify(numberAt(canonical, at))}` };
  const keyStart = line.lastIndexOf('"', at);
  if (keyStart > 0 && "{,".includes(line.charAt(keyStart - 1)) && canonical.charAt(keyStart) === '"') {
    return { column: keyStart + 1, reason: `keys are not in canonical order (sorted by UTF-16 code units): found ${JSON.stringify(stringAt(line, keyStart))} where ${JSON.stringify(stringAt(canonical, keyStart))} comes first` };
  }
  return { column, reason: `found ${JSON.stringify(line.slice(at, at + 12))} where the canonical form has ${JSON.stringify(canonical.slice(at, at + 12))}` };
}

function numberAt(text: string, at: number): string {
  let start = at;
  while (start > 0 && /[-+.\deE]/.test(text.charAt(start - 1))) start--;
  let end = at;
  while (end < text.length && /[-+.\deE]/.test(text.charAt(end))) end++;
  return text.slice(start, end);
}

function stringAt(text: string, at: number): string {
  const end = text.indexOf('"', at + 1);
  return text.slice(at + 1, end === -1 ? text.length : end);
}

/**
 * The first key that appears twice in one object of a JSON text, with its 1-based column:
 * a scan of the text, since `JSON.parse` keeps only one of the copies.
 */
export function firstDuplicateKey(text: string): { readonly key: string; readonly column: number } | undefined {
  const objects: (Set<string> | undefined)[] = [];
  let expectKey = false;
  for (let at = 0; at < text.length; at++) {
    const char = text.charAt(at);
    if (char === "{") {
      objects.push(new Set());
      expectKey = true;
    } else if (char === "[") {
      objects.push(undefined);
    } else if (char === "}" || char === "]") {
      objects.pop();
    } else if (char === ",") {
      expectKey = objects[objects.length - 1] !== undefined;
    } else if (char === '"') {
      const end = stringEnd(text, at);
      if (expectKey) {
        const keys = objects[objects.length - 1];
        const key = decodeString(text.slice(at, end + 1));
        if (keys !== undefined && key !== undefined) {
          if (keys.has(key)) return { key, column: at + 1 };
          keys.add(key);
        }
        expectKey = false;
      }
      at = end;
    }
  }
  return undefined;
}

function stringEnd(text: string, start: number): number {
  for (let at = start + 1; at < text.length; at++) {
    const char = text.charAt(at);
    if (char === "\\") at++;
    else if (char === '"') return at;
  }
  return text.length - 1;
}

function decodeString(quoted: string): string | undefined {
  try {
    const value: unknown = JSON.parse(quoted);
    return typeof value === "string" ? value : undefined;
  } catch {
    return undefined;
  }
}
