import { readFile, writeFile } from "node:fs/promises";

/** What a doc generator hands `writeOrCheckGeneratedDoc`. */
export interface GeneratedDoc {
  /** The command line's arguments: `--file <path>` overrides `defaultFile`; `--check` compares instead of writing. */
  readonly args: readonly string[];
  /** The file the doc is written to when no `--file` is given. */
  readonly defaultFile: string;
  /** The doc's text as the code now generates it. */
  readonly generated: string;
  /** What the doc is generated from and the command that regenerates it, for the message when it is stale. */
  readonly staleBecause: string;
}

/**
 * Writes a generated doc, or with `--check` compares the file with what the code
 * generates now and says which command brings it up to date; returns the exit code
 * (1 when the file is stale).
 */
export async function writeOrCheckGeneratedDoc(doc: GeneratedDoc): Promise<number> {
  const fileIndex = doc.args.indexOf("--file");
  const file = fileIndex === -1 ? doc.defaultFile : (doc.args[fileIndex + 1] ?? "");
  if (!doc.args.includes("--check")) {
    await writeFile(file, doc.generated);
    console.log(`wrote ${file}`);
    return 0;
  }
  const current = await readFile(file, "utf8").catch(() => "");
  if (current === doc.generated) {
    console.log(`${file} is up to date`);
    return 0;
  }
  console.error(`${file} is out of date with ${doc.staleBecause} and commit it`);
  return 1;
}
