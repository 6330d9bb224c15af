import { deepFreeze } from "../freeze.js";
import type { CmdbCi } from "./types.js";

function freezeEach<T>(items: readonly T[]): readonly T[] {
  if (Object.isFrozen(items)) return items;
  for (let index = 0; index < items.length; index++) Object.freeze(items[index]);
  return Object.freeze(items);
}

function freezeAttributes(attributes: CmdbCi["attributes"]): void {
  if (Object.isFrozen(attributes)) return;
  for (const name in attributes) deepFreeze(attributes[name]);
  Object.freeze(attributes);
}

/**
 * Freezes a CI record and those of its parts that are not frozen yet (a record copied on
 * write shares its untouched parts, frozen, with the record it was copied from); parts
 * already frozen are not walked again. Returns the record.
 */
export function freezeCi<T extends CmdbCi>(record: T): T {
  if (Object.isFrozen(record)) return record;
  freezeAttributes(record.attributes);
  freezeEach(record.relationships);
  freezeEach(record.inverses);
  Object.freeze(record.registered);
  Object.freeze(record.lastChange);
  if (record.productionSince !== null) Object.freeze(record.productionSince);
  return Object.freeze(record);
}
