/** How many characters of a value an error message shows before it cuts the rest off. */
const SHOWN_CHARACTERS = 60;

/**
 * A value as an error message shows it: JSON where the value has a JSON form (cut after
 * about 60 characters), else its kind (`a bigint`, `an object with no prototype`, `a
 * cycle`). Total: it never throws, whatever it is given (a proxy, a getter that throws, a
 * BigInt deep inside, an object without a prototype), and never calls the value's own code
 * except through JSON's `toJSON`, inside a guard.
 */
export function describeValue(value: unknown): string {
  const json = kindOf(value) === undefined ? jsonOf(value) : undefined;
  if (json === undefined) return kindOf(value) ?? describeObject(value);
  return json.length > SHOWN_CHARACTERS ? `${json.slice(0, SHOWN_CHARACTERS - 3)}...` : json;
}

/** The description of values that JSON cannot show, or undefined for those it may. */
function kindOf(value: unknown): string | undefined {
  switch (typeof value) {
    case "undefined":
      return "nothing";
    case "bigint":
      return `a bigint (${value.toString()}n)`;
    case "symbol":
      return "a symbol";
    case "function":
      return "a function";
    case "number":
      return Number.isFinite(value) ? undefined : String(value);
    default:
      return undefined;
  }
}

function jsonOf(value: unknown): string | undefined {
  try {
    const text: unknown = JSON.stringify(value);
    return typeof text === "string" ? text : undefined;
  } catch {
    return undefined;
  }
}

/** An object JSON could not write (a cycle, a BigInt inside, a getter that throws): named by its shape, never by calling it. */
function describeObject(value: unknown): string {
  try {
    if (Array.isArray(value)) return `an array of ${value.length} item(s) that JSON cannot write`;
    const prototype: unknown = Object.getPrototypeOf(value);
    const kind = prototype === null ? "an object with no prototype" : prototype === Object.prototype ? "an object" : `an object of class ${className(prototype)}`;
    return `${kind} that JSON cannot write`;
  } catch {
    return "a value that cannot be read";
  }
}

function className(prototype: unknown): string {
  const constructor: unknown = (prototype as { constructor?: unknown }).constructor;
  const name: unknown = typeof constructor === "function" ? constructor.name : undefined;
  return typeof name === "string" && name !== "" ? name : "(anonymous)";
}
