import { describeValue } from "./describe-value.js";
import { INPUT_LIMITS, isWellFormedText, textProblem, type InputProblem } from "./input-rules.js";

/**
 * The walk's state: where it is (the root and the keys and indexes below it, joined into a
 * path only when something is refused), the objects above the current value (for cycles),
 * and the size budget spent so far.
 */
interface Walk {
  readonly root: string;
  readonly at: (string | number)[];
  readonly ancestors: object[];
  size: number;
}

/** Thrown inside the walk to stop at the first problem; caught by `jsonValueProblem`. */
class Refusal {
  constructor(readonly problem: InputProblem) {}
}

/**
 * The first problem of a value that is meant to be JSON data (a command, an event's data
 * or meta), or undefined. The value must be plain JSON: strings well-formed Unicode (keys
 * too), numbers finite and, when whole, safe integers, only plain objects and arrays (no
 * `Date`, `Map`, class instance, bigint, symbol or function; `undefined` only as an object
 * member, which JSON leaves out), no cycle, nested at most `INPUT_LIMITS.depth` levels and
 * about `INPUT_LIMITS.eventBytes` in size. Never throws and never recurses past the depth
 * limit: a getter or proxy that throws is a problem like any other.
 */
export function jsonValueProblem(value: unknown, root: string): InputProblem | undefined {
  const walk: Walk = { root, at: [], ancestors: [], size: 0 };
  try {
    checkValue(value, walk, false);
    return undefined;
  } catch (error) {
    if (error instanceof Refusal) return error.problem;
    return { path: pathOf(walk), message: `${pathOf(walk)}: could not be read (${describeError(error)})` };
  }
}

function checkValue(value: unknown, walk: Walk, member: boolean): void {
  switch (typeof value) {
    case "string": {
      spend(walk, value.length + 2);
      if (isWellFormedText(value)) return;
      throw new Refusal(textProblem(value, pathOf(walk)) as InputProblem);
    }
    case "number":
      spend(walk, 1);
      if (!Number.isFinite(value)) throw refusal(walk, `${String(value)} is not a JSON number; numbers are finite`);
      if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
        throw refusal(walk, `${value} is beyond the safe integer range (±${Number.MAX_SAFE_INTEGER}) that every JSON reader reads back exactly`);
      }
      return;
    case "boolean":
      spend(walk, 4);
      return;
    case "undefined":
      if (member) return;
      throw refusal(walk, "is undefined, which JSON cannot hold here");
    case "object":
      if (value === null) {
        spend(walk, 4);
        return;
      }
      checkContainer(value, walk);
      return;
    default:
      throw refusal(walk, `is ${describeValue(value)}, not a JSON value`);
  }
}

function checkContainer(value: object, walk: Walk): void {
  const cycleAt = walk.ancestors.indexOf(value);
  if (cycleAt !== -1) throw refusal(walk, "refers back to an object that holds it (a cycle), which JSON cannot hold");
  if (walk.ancestors.length >= INPUT_LIMITS.depth) throw refusal(walk, `is nested deeper than ${INPUT_LIMITS.depth} levels`);
  walk.ancestors.push(value);
  if (Array.isArray(value)) {
    spend(walk, value.length + 1);
    for (let index = 0; index < value.length; index++) {
      walk.at.push(index);
      checkValue(value[index], walk, false);
      walk.at.pop();
    }
  } else {
    const prototype: unknown = Object.getPrototypeOf(value);
    if (prototype !== Object.prototype && prototype !== null) throw refusal(walk, `is ${describeValue(value)}: only plain objects and arrays are JSON data`);
    spend(walk, 1);
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      walk.at.push(key);
      const member = record[key];
      if (member !== undefined) spend(walk, key.length + 4);
      if (!isWellFormedText(key)) throw keyRefusal(key, pathOf(walk));
      checkValue(member, walk, true);
      walk.at.pop();
    }
  }
  walk.ancestors.pop();
}

/** The refusal of a key that is not well-formed Unicode, at the member's path. */
function keyRefusal(key: string, keyPath: string): Refusal {
  const malformed = textProblem(key, keyPath) as InputProblem;
  return new Refusal({ path: keyPath, message: `${keyPath}: the key ${malformed.message.slice(keyPath.length + 2)}` });
}

/** Where the walk is, as a path: `data.items[2]`, `data["two words"]`. */
function pathOf(walk: Walk): string {
  let path = walk.root;
  for (const segment of walk.at) path = typeof segment === "number" ? `${path}[${segment}]` : memberPath(path, segment);
  return path;
}

/**
 * Counts the size of what was walked: a lower bound of its canonical JSON's length in
 * bytes (a number counts one, a string its UTF-16 length and quotes), so nothing is
 * refused here that would fit in a line; past the limit, refuses the whole value.
 */
function spend(walk: Walk, amount: number): void {
  walk.size += amount;
  if (walk.size > INPUT_LIMITS.eventBytes) {
    throw refusal(walk, `makes the value larger than the ${INPUT_LIMITS.eventBytes} bytes (1 MiB) one event may take`);
  }
}

/** `data.name`, or `data["two words"]` for a key that is not a plain name (quoted as JSON, so nothing unprintable shows raw). */
export function memberPath(path: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function refusal(walk: Walk, sentence: string): Refusal {
  const path = pathOf(walk);
  return new Refusal({ path, message: `${path}: ${sentence}` });
}

function describeError(error: unknown): string {
  try {
    return error instanceof Error ? error.message : describeValue(error);
  } catch {
    return "an error that cannot be read";
  }
}
