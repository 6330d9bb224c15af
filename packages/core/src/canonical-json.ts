/** How deep a value may nest (objects and arrays) before canonical JSON refuses it: deeper input is refused, never recursed into. */
export const MAX_JSON_DEPTH = 64;

/** Why a value has no canonical JSON: nested too deep, a number outside the safe integer range, or not a JSON value at all. */
export type CanonicalJsonProblem = "too_deep" | "unsafe_number" | "not_json";

/** Thrown by `canonicalJson` for a value it refuses; `path` names the value (`$.a[1]`). */
export class CanonicalJsonError extends TypeError {
  override readonly name = "CanonicalJsonError";
  readonly problem: CanonicalJsonProblem;
  readonly path: string;

  constructor(problem: CanonicalJsonProblem, path: string, message: string) {
    super(`canonicalJson: ${message}`);
    this.problem = problem;
    this.path = path;
  }
}

/**
 * Canonical JSON (RFC 8785, JCS): object keys sorted by UTF-16 code units, no whitespace,
 * `undefined` members left out, numbers and strings as ECMAScript's `JSON.stringify`
 * writes them, so a hash can be recomputed anywhere. Refuses (with a `CanonicalJsonError`)
 * values nested deeper than `MAX_JSON_DEPTH`, integers beyond ±(2^53 − 1), which JSON
 * readers do not all read back exactly, and anything that is not JSON.
 */
export function canonicalJson(value: unknown): string {
  const text = writeValue(value, []);
  if (text === undefined) throw new CanonicalJsonError("not_json", "$", "the value at $ is not JSON (undefined)");
  return text;
}

/**
 * `canonicalJson` of a value `JSON.parse` gave, the fast way: when every object's keys
 * already enumerate in canonical order (sorted by UTF-16 code units; integer-like keys,
 * which objects enumerate first, may break that), every number is safe and nothing nests
 * too deep, `JSON.stringify` writes exactly the canonical text, natively. Anything else
 * goes to `canonicalJson`, which writes it or throws as it would. Parsed values only: no
 * `undefined`, `toJSON` or non-JSON values are looked for.
 */
export function canonicalJsonOfParsed(value: unknown): string {
  return inCanonicalOrder(value, 0) ? JSON.stringify(value) : canonicalJson(value);
}

/** Whether `JSON.stringify` of a parsed value is its canonical JSON (see `canonicalJsonOfParsed`). */
function inCanonicalOrder(value: unknown, depth: number): boolean {
  if (typeof value === "number") return Number.isFinite(value) && (Number.isSafeInteger(value) || !Number.isInteger(value));
  if (typeof value !== "object" || value === null) return true;
  if (depth >= MAX_JSON_DEPTH) return false;
  return Array.isArray(value) ? itemsInCanonicalOrder(value, depth + 1) : membersInCanonicalOrder(value as Record<string, unknown>, depth + 1);
}

function itemsInCanonicalOrder(items: readonly unknown[], depth: number): boolean {
  for (let index = 0; index < items.length; index++) if (!inCanonicalOrder(items[index], depth)) return false;
  return true;
}

function membersInCanonicalOrder(record: Record<string, unknown>, depth: number): boolean {
  let previous: string | undefined;
  for (const key in record) {
    if ((previous !== undefined && !(previous < key)) || !inCanonicalOrder(record[key], depth)) return false;
    previous = key;
  }
  return true;
}

/**
 * The keys walked from the root to the value being written. Kept as a stack and turned
 * into a `$.a[1]` path only for an error message: building a path string for every value
 * cost more than writing the value.
 */
type Trail = (string | number)[];

/** Characters `JSON.stringify` escapes in a string (quote, backslash, controls), and surrogates, which it escapes when unpaired. */
// eslint-disable-next-line no-control-regex -- these control characters are exactly the ones JSON escapes
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/**
 * A string as `JSON.stringify` writes it. Most strings need no escaping and are just
 * wrapped in quotes, which costs half of calling `JSON.stringify`; the rest go to it.
 */
export function quoteJsonString(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

const quotedKeys = new Map<string, string>();

function quoteKey(key: string): string {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = quoteJsonString(key);
    if (quotedKeys.size < 10_000) quotedKeys.set(key, quoted);
  }
  return quoted;
}

function pathOf(trail: Trail): string {
  let path = "$";
  for (const step of trail) path += typeof step === "number" ? `[${step}]` : `.${step}`;
  return path;
}

function writeValue(value: unknown, trail: Trail): string | undefined {
  switch (typeof value) {
    case "string":
      return quoteJsonString(value);
    case "number":
      if (!Number.isFinite(value)) throw new CanonicalJsonError("not_json", pathOf(trail), `${pathOf(trail)} is ${value}, not a JSON number`);
      if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
        throw new CanonicalJsonError("unsafe_number", pathOf(trail), `${pathOf(trail)} is ${value}, beyond the safe integer range (±9007199254740991) that every JSON reader reads back exactly`);
      }
      return Object.is(value, -0) ? "0" : String(value);
    case "boolean":
      return value ? "true" : "false";
    case "undefined":
      return undefined;
    case "object":
      if (value === null) return "null";
      if (trail.length >= MAX_JSON_DEPTH) throw new CanonicalJsonError("too_deep", pathOf(trail), `${pathOf(trail)} is nested deeper than ${MAX_JSON_DEPTH} levels`);
      return writeObject(value, trail);
    default:
      throw new CanonicalJsonError("not_json", pathOf(trail), `${pathOf(trail)} is a ${typeof value}, not a JSON value`);
  }
}

function writeObject(value: object, trail: Trail): string {
  const withJson = value as { toJSON?: () => unknown };
  if (typeof withJson.toJSON === "function") return writeValue(withJson.toJSON(), trail) ?? "null";
  if (Array.isArray(value)) return writeArray(value, trail);
  const record = value as Record<string, unknown>;
  const keys = sortKeys(Object.keys(record));
  let text = "{";
  let first = true;
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index] as string;
    trail.push(key);
    const member = writeValue(record[key], trail);
    trail.pop();
    if (member === undefined) continue;
    text += first ? `${quoteKey(key)}:${member}` : `,${quoteKey(key)}:${member}`;
    first = false;
  }
  return `${text}}`;
}

function writeArray(items: readonly unknown[], trail: Trail): string {
  let text = "[";
  for (let index = 0; index < items.length; index++) {
    if (index > 0) text += ",";
    trail.push(index);
    text += writeValue(items[index], trail) ?? "null";
    trail.pop();
  }
  return `${text}]`;
}

/**
 * Sorts keys by UTF-16 code units, as `Array.prototype.sort()` does. The few keys of an
 * event's data sort several times faster by insertion in place than through `sort()`;
 * large objects (read models) still go to `sort()`.
 */
function sortKeys(keys: string[]): string[] {
  if (keys.length > 16) return keys.sort();
  for (let index = 1; index < keys.length; index++) {
    const key = keys[index] as string;
    let at = index - 1;
    while (at >= 0 && (keys[at] as string) > key) {
      keys[at + 1] = keys[at] as string;
      at--;
    }
    keys[at + 1] = key;
  }
  return keys;
}
