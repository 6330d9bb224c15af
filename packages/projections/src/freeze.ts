/**
 * Deep-freezes plain data (objects, arrays, Maps, Sets) in place and returns it; stops at
 * objects already frozen, so freezing a result that shares frozen parts costs only the new parts.
 */
export function deepFreeze<T>(value: T): T {
  if (typeof value !== "object" || value === null || Object.isFrozen(value)) return value;
  if (value instanceof Map) return freezeMap(value) as T;
  if (value instanceof Set) return freezeSet(value) as T;
  Object.freeze(value);
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) deepFreeze(value[index] as unknown);
    return value;
  }
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) deepFreeze(record[key]);
  return value;
}

function refuse(): never {
  throw new TypeError("this collection is frozen: read models are immutable");
}

function freezeMap<K, V>(map: Map<K, V>): Map<K, V> {
  for (const item of map.values()) deepFreeze(item);
  Object.assign(map, { set: refuse, delete: refuse, clear: refuse });
  return Object.freeze(map);
}

function freezeSet<V>(set: Set<V>): Set<V> {
  for (const item of set) deepFreeze(item);
  Object.assign(set, { add: refuse, delete: refuse, clear: refuse });
  return Object.freeze(set);
}

/** Freezes a Map whose values are frozen already: its own methods refuse changes, its values are not walked. */
export function freezeShallow<K, V>(map: Map<K, V>): ReadonlyMap<K, V> {
  Object.assign(map, { set: refuse, delete: refuse, clear: refuse });
  return Object.freeze(map);
}
