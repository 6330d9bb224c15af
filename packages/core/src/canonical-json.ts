/**
 * Canonical JSON: object keys sorted by UTF-16 code units, no whitespace, `undefined`
 * members left out, numbers and strings as `JSON.stringify` writes them. For the JSON
 * values events carry this equals RFC 8785 (JCS), so a hash can be recomputed anywhere.
 */
export function canonicalJson(value: unknown): string {
  const text = writeValue(value, "$");
  if (text === undefined) throw new TypeError("canonicalJson: the value at $ is not JSON (undefined)");
  return text;
}

const quotedKeys = new Map<string, string>();

function quoteKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < 10_000) quotedKeys.set(key, quoted);
  }
  return quoted;
}

function writeValue(value: unknown, path: string): string | undefined {
  switch (typeof value) {
    case "string":
      return JSON.stringify(value);
    case "number":
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: ${path} is ${value}, not a JSON number`);
      return Object.is(value, -0) ? "0" : String(value);
    case "boolean":
      return value ? "true" : "false";
    case "undefined":
      return undefined;
    case "object":
      if (value === null) return "null";
      return writeObject(value, path);
    default:
      throw new TypeError(`canonicalJson: ${path} is a ${typeof value}, not a JSON value`);
  }
}

function writeObject(value: object, path: string): string {
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === "function") return writeValue(withJson.toJSON(), path) ?? "null";
  if (Array.isArray(value)) return writeArray(value, path);
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let text = "{";
  let first = true;
  for (const key of keys) {
    const member = writeValue(record[key], `${path}.${key}`);
    if (member === undefined) continue;
    text += first ? `${quoteKey(key)}:${member}` : `,${quoteKey(key)}:${member}`;
    first = false;
  }
  return `${text}}`;
}

function writeArray(items: readonly unknown[], path: string): string {
  let text = "[";
  for (let index = 0; index < items.length; index++) {
    if (index > 0) text += ",";
    text += writeValue(items[index], `${path}[${index}]`) ?? "null";
  }
  return `${text}]`;
}
