import { describe, it } from "vitest";

/** Something a group of tests needs from the machine (a database server, a browser), and whether it is there. */
export interface MachineRequirement {
  /** What is needed, as the messages name it: "PostgreSQL at postgres://…", "/usr/bin/chromium". */
  readonly what: string;
  /** Why it is not usable ("is unreachable (ECONNREFUSED)", "is missing"), or undefined when it is. */
  readonly problem: string | undefined;
  /** How to provide it, as an instruction. */
  readonly howTo: string;
}

/**
 * Describes tests that need something on the machine. When it is not there, under CI=true
 * they fail with one test that says what is missing and how to provide it (CI must run
 * them); elsewhere they are skipped with a warning that says the same.
 */
export function describeRequiring(requirement: MachineRequirement, name: string, body: () => void): void {
  const { what, problem, howTo } = requirement;
  if (problem === undefined) {
    describe(name, body);
    return;
  }
  if (process.env.CI === "true") {
    describe(name, () => {
      it(`needs ${what}`, () => {
        throw new Error(`${what} ${problem}; CI must run these tests: ${howTo}`);
      });
    });
    return;
  }
  console.warn(`skipping "${name}": ${what} ${problem}; to run these tests, ${howTo}.`);
  describe.skip(name, body);
}
