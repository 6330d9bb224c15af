import { createEventCatalogue, defineEvent, LogError, toArray, verifyChain, type EventCatalogue } from "@handover/core";
import { changes, conformanceCatalogue, metaAt } from "@handover/testing";
import { expect, it } from "vitest";
import { postgresFixture } from "./test-support/fixture.js";
import { describePostgres } from "./test-support/postgres.js";

const fixture = postgresFixture("checked");

const changed = conformanceCatalogue.definitions.get("thing.changed");
if (changed === undefined) throw new Error("the conformance catalogue defines thing.changed");
/** The same events with one more type: another fingerprint, so nothing checked under the first counts for it. */
const widerCatalogue = createEventCatalogue(conformanceCatalogue, defineEvent("thing.resized", changed.schema));

async function appended(schema: string, catalogue: EventCatalogue | undefined): Promise<void> {
  const store = await fixture.open({ schema, ...(catalogue === undefined ? {} : { catalogue }) });
  for (let index = 0; index < 4; index++) await store.appendToStream(`thing-${index % 2}`, changes(1), { expectedVersion: "any", meta: metaAt(index) });
  await store.close();
}

async function readAllWith(schema: string, catalogue: EventCatalogue | undefined) {
  const store = await fixture.open({ schema, ...(catalogue === undefined ? {} : { catalogue }) });
  try {
    return await toArray(store.readAll());
  } finally {
    await store.close();
  }
}

const markOf = async (schema: string): Promise<number[]> => (await fixture.pool.query(`SELECT through FROM "${schema}".checked_reads`)).rows.map((row: { through: string }) => Number(row.through));
const breakRowTwo = (schema: string) => fixture.pool.query(`UPDATE "${schema}".events SET data = '{"size":9}' WHERE position = 2`);

describePostgres("PostgreSQL rows checked once under a catalogue", () => {
  it("marks the rows a whole read checked in order, and an import checked with the catalogue", async () => {
    const schema = fixture.schema();
    await appended(schema, conformanceCatalogue);
    expect(await markOf(schema)).toEqual([]);
    const events = await readAllWith(schema, conformanceCatalogue);
    expect(await markOf(schema)).toEqual([4]);
    const imported = fixture.schema();
    const store = await fixture.open({ schema: imported, catalogue: conformanceCatalogue });
    expect((await store.importLog(events))._tag).toBe("Right");
    await store.close();
    expect(await markOf(imported)).toEqual([4]);
  });

  it("leaves an edit made outside the store to the chain: a read under the mark hands it out, and verifying the chain names its position", async () => {
    const schema = fixture.schema();
    await appended(schema, conformanceCatalogue);
    await readAllWith(schema, conformanceCatalogue);
    await breakRowTwo(schema);
    const events = await readAllWith(schema, conformanceCatalogue);
    expect(events.find((event) => event.position === 2)?.data).toEqual({ size: 9 });
    expect(verifyChain(events)).toMatchObject({ ok: false, position: 2, reason: "hash_mismatch" });
  });

  it("checks every row again under another catalogue, and rows nobody checked yet", async () => {
    const schema = fixture.schema();
    await appended(schema, conformanceCatalogue);
    await readAllWith(schema, conformanceCatalogue);
    await breakRowTwo(schema);
    await expect(readAllWith(schema, widerCatalogue)).rejects.toMatchObject({ name: "LogError", position: 2 });
    const unread = fixture.schema();
    await appended(unread, undefined);
    await breakRowTwo(unread);
    const failure = await readAllWith(unread, conformanceCatalogue).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(LogError);
    expect(await markOf(unread)).toEqual([]);
  });
});
