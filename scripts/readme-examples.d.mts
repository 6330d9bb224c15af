/** The example of a package README: a program, a vitest test file or handover commands, and the output it prints. */
export interface ReadmeExample {
  readonly kind: "program" | "test" | "shell";
  readonly code: string;
  readonly output: string | undefined;
}

/** The example of packages/<folder>/README.md; throws naming the README when it has none. */
export function readmeExample(folder: string, root?: string): ReadmeExample;

/** Output as examples compare it: trailing spaces and final newlines dropped, line endings LF. */
export function normaliseOutput(text: string): string;
