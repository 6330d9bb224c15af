import { afterAll, describe, expect, it, vi } from "vitest";
import { describeRequiring } from "./describe-requiring.js";

// Collection-time behaviour: the groups below are registered while this file is collected.
const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
const ran: string[] = [];
vi.stubEnv("CI", "false");
describeRequiring({ what: "the frobnicator", problem: "is missing", howTo: "install the frobnicator" }, "frobnicating outside CI", () => {
  it("is skipped, never run", () => {
    ran.push("skipped group");
  });
});
vi.unstubAllEnvs();
describeRequiring({ what: "the frobnicator", problem: undefined, howTo: "install the frobnicator" }, "frobnicating with it there", () => {
  it("runs", () => {
    ran.push("present group");
  });
});
const collectedWarnings = warn.mock.calls.map((call) => String(call[0]));
warn.mockRestore();

describe("describeRequiring", () => {
  afterAll(() => expect(ran).toEqual(["present group"]));

  it("outside CI, skips the group with a warning that names what is missing and how to provide it", () => {
    expect(collectedWarnings).toEqual(['skipping "frobnicating outside CI": the frobnicator is missing; to run these tests, install the frobnicator.']);
  });
});
