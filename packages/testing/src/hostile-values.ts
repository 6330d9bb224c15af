import fc from "fast-check";

/** A value nested `depth` arrays deep: past the 64 levels of the input rules, and deep enough to overflow a recursive schema. */
export function nestedArrays(depth: number): unknown {
  let value: unknown = 1;
  for (let level = 0; level < depth; level++) value = [value];
  return value;
}

/** An object without a prototype holding a BigInt: neither JSON nor printable by `String()`. */
export function bareObjectWithBigInt(): unknown {
  const bare = Object.create(null) as Record<string, unknown>;
  bare.amount = 10n;
  return bare;
}

/** An object that holds itself. */
export function cyclicObject(): unknown {
  const cyclic: Record<string, unknown> = { name: "loop" };
  cyclic.self = cyclic;
  return cyclic;
}

/** How fast-check prints a hostile value in a counterexample (reading the value itself would throw). */
const printedAs = (name: string) => ({ [fc.toStringMethod]: () => name });

/** An object whose getter throws when anything reads it. */
export const throwingGetter = (): unknown =>
  Object.defineProperty(Object.defineProperty({}, fc.toStringMethod, { value: printedAs("<a getter that throws>")[fc.toStringMethod] }), "title", {
    enumerable: true,
    get: () => {
      throw new Error("getter exploded");
    },
  });

/** A proxy that throws on every trap (but the one fast-check prints it with). */
export const hostileProxy = (): unknown =>
  new Proxy(printedAs("<a proxy that throws>"), {
    get: (target, key) => {
      if (key === fc.toStringMethod) return target[fc.toStringMethod];
      throw new Error("trap");
    },
    ownKeys: () => {
      throw new Error("trap");
    },
    getPrototypeOf: () => {
      throw new Error("trap");
    },
  });
/** Keys that pollute `Object.prototype` when code merges them carelessly. */
export const pollution = (): unknown => JSON.parse('{"__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}');

/** Strings a store or a terminal chokes on, and awkward ones every store must keep exactly. */
export const hostileString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("x\ud800", "\udc00y", "a\u0000b", "\u0000", "\u001b[2J", "\u200b", " ", "", "\t", "eve\u202e", "a\u2028b", "__proto__", "constructor", "toString", "é😀", "山田", "a".repeat(257), "x".repeat(1_100_000)),
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.string({ unit: "grapheme", maxLength: 12 }),
);

/** Any value at all, weighted to the ones that broke stores and messages: lone surrogates, NUL, deep nesting, cycles, BigInt, objects without prototype, getters and proxies that throw. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: hostileString, weight: 4 },
  { arbitrary: fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 2 ** 60, 1e308, 1.5, 3, 0, 10n, null, undefined, true), weight: 2 },
  { arbitrary: fc.constantFrom(nestedArrays(2000), nestedArrays(64), { a: nestedArrays(63) }), weight: 1 },
  { arbitrary: fc.constant(null).map(() => cyclicObject()), weight: 1 },
  { arbitrary: fc.constant(null).map(() => bareObjectWithBigInt()), weight: 1 },
  { arbitrary: fc.constant(null).map(() => throwingGetter()), weight: 1 },
  { arbitrary: fc.constant(null).map(() => hostileProxy()), weight: 1 },
  { arbitrary: fc.constant(null).map(() => pollution()), weight: 1 },
  { arbitrary: fc.constantFrom(new Date(0), new Map([[1, 2]]), Symbol("s"), () => 1, [1, , 3]), weight: 1 }, // eslint-disable-line no-sparse-arrays -- a hole is a hostile value
  { arbitrary: fc.anything({ withBigInt: true, withNullPrototype: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withSparseArray: true, withTypedArray: true, withUnicodeString: true, maxDepth: 3 }), weight: 3 },
);

