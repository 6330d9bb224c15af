import { sequentialIds, steppingClock, toArray, verifyChain } from "@handover/core";
import { bareObjectWithBigInt, cyclicObject, nestedArrays } from "@handover/testing";
import { isRight } from "fp-ts/lib/Either.js";
import { describe, expect, it } from "vitest";
import { createHandover, type Handover } from "./create-handover.js";
import type { ExecuteOptions } from "./execute.js";

async function startedProject(): Promise<Handover> {
  const handover = createHandover({
    clock: steppingClock("2026-03-02T09:00:00Z", 60_000),
    ids: sequentialIds("evt"),
    policy: { roles: { "cm-ben": ["configuration_manager"], "José Ñúñez": ["configuration_manager"] } },
    readiness: async () => ({ ready: true, failing: [] }),
  });
  const started = await handover.execute({ type: "project.start", projectId: "crm", name: "CRM", manager: "pm-ana" }, { actor: "pm-ana" });
  expect(isRight(started)).toBe(true);
  return handover;
}

const register = (fields: Record<string, unknown> = {}): Record<string, unknown> => ({ type: "ci.register", ciId: "crm-db", ciType: "database", name: "CRM DB", owner: "cm-ben", ...fields });

/** Runs a command on a started project; it must be refused with the path, throw nothing, and leave the log as it was. */
async function expectRefused(command: unknown, options: unknown, path: string): Promise<string> {
  const handover = await startedProject();
  const result = await handover.executeUnknown(command, options as ExecuteOptions);
  expect(result).toMatchObject({ _tag: "Left", left: { code: "invalid_command", details: { path } } });
  const log = await toArray(handover.store.readAll());
  expect(log).toHaveLength(1);
  expect(verifyChain(log).ok).toBe(true);
  return result._tag === "Left" ? result.left.message : "";
}

describe("execute refuses every malformed command or options with a value naming the field", () => {
  it.each([
    ["a string", "ana"],
    ["null", null],
    ["undefined", undefined],
    ["a number", 42],
    ["a list", ["ana"]],
  ])("options that are %s", async (_, options) => {
    expect(await expectRefused(register(), options, "options")).toMatch(/^options: expected \{ actor/);
  });

  it.each([
    ["an object", {}],
    ["a number", 7],
    ["a NUL inside", "cmd-\u0000"],
    ["a lone surrogate", "cmd-\ud800"],
  ])("a command id that is %s", async (_, commandId) => {
    expect(await expectRefused(register(), { actor: "cm-ben", commandId }, "commandId")).toMatch(/^commandId: /);
  });

  it.each([
    ["a zero-width space", "\u200b"],
    ["a NUL", "\u0000"],
    ["blank", " \t "],
    ["an escape sequence", "\u001b[31mroot"],
  ])("an actor that is %s", async (_, actor) => {
    expect(await expectRefused(register(), { actor }, "actor")).toMatch(/^actor: /);
  });

  it("an option it does not know (a misspelt commandID)", async () => {
    expect(await expectRefused(register(), { actor: "cm-ben", commandID: "c-1" }, "options.commandID")).toContain("unknown option");
  });

  it("an attribute value nested 2,000 deep (which overflowed the JSON schema's stack)", async () => {
    const message = await expectRefused({ type: "ci.set_attribute", ciId: "crm-db", name: "tree", value: nestedArrays(2000) }, { actor: "cm-ben" }, `command.value${"[0]".repeat(63)}`);
    expect(message).toContain("nested deeper than 64 levels");
  });

  it("a field holding an object without prototype with a BigInt inside, or a cycle (which threw from describing it)", async () => {
    expect(await expectRefused(register({ name: bareObjectWithBigInt() }), { actor: "cm-ben" }, "command.name.amount")).toContain("bigint");
    expect(await expectRefused(register({ name: cyclicObject() }), { actor: "cm-ben" }, "command.name.self")).toContain("cycle");
  });

  it("a CI id with a lone surrogate (stored as U+FFFD by SQLite and PostgreSQL, breaking the chain) or a control character", async () => {
    expect(await expectRefused(register({ ciId: "x\ud800" }), { actor: "cm-ben" }, "command.ciId")).toContain("lone surrogate");
    expect(await expectRefused(register({ ciId: "x\u0000" }), { actor: "cm-ben" }, "command.ciId")).toContain("U+0000");
    expect(await expectRefused(register({ owner: "cm\u200bben" }), { actor: "cm-ben" }, "command.owner")).toContain("U+200B");
  });

  it("still takes awkward but well-formed text in free-text fields, exactly", async () => {
    const handover = await startedProject();
    const name = "CRM DB \t tab, é, 😀, \u0007 bell";
    expect(isRight(await handover.executeUnknown(register({ name }), { actor: "José Ñúñez" }))).toBe(true);
    const [, registered] = await toArray(handover.store.readAll());
    expect(registered).toMatchObject({ data: { name }, meta: { actor: "José Ñúñez" } });
  });
});
