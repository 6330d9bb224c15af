import { lstat, mkdtemp, readdir, readFile, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { FileExistsError, writeFileAtomically } from "./write-file.js";

let folder = "";
let victim = "";
beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), "handover-write-"));
  victim = join(await mkdtemp(join(tmpdir(), "handover-victim-")), "victim.txt");
  await writeFile(victim, "precious");
});

describe("writeFileAtomically", () => {
  it("writes the whole text and leaves nothing else in the folder", async () => {
    await writeFileAtomically(join(folder, "pack.md"), "# pack\n");
    expect(await readFile(join(folder, "pack.md"), "utf8")).toBe("# pack\n");
    expect(await readdir(folder)).toEqual(["pack.md"]);
  });

  it("streams chunks of text as they come", async () => {
    async function* chunks(): AsyncGenerator<string> {
      for (let index = 0; index < 3; index++) yield `line ${index}\n`;
    }
    await writeFileAtomically(join(folder, "log.jsonl"), chunks());
    expect(await readFile(join(folder, "log.jsonl"), "utf8")).toBe("line 0\nline 1\nline 2\n");
  });

  it("refuses a file that exists, unless told to replace it, and leaves it as it was until then", async () => {
    const target = join(folder, "report.html");
    await writeFile(target, "old");
    await expect(writeFileAtomically(target, "new")).rejects.toBeInstanceOf(FileExistsError);
    expect(await readFile(target, "utf8")).toBe("old");
    await writeFileAtomically(target, "new", { replace: true });
    expect(await readFile(target, "utf8")).toBe("new");
    expect(await readdir(folder)).toEqual(["report.html"]);
  });

  it("never follows a link planted at the old predictable temporary names", async () => {
    const target = join(folder, "report.html");
    for (const name of [`.report.html.${process.pid}.tmp`, ...Array.from({ length: 20 }, (_, index) => `.report.html.${process.pid}.${index + 1}.tmp`)]) await symlink(victim, join(folder, name));
    await writeFileAtomically(target, "report", { replace: true });
    expect(await readFile(victim, "utf8")).toBe("precious");
    expect(await readFile(target, "utf8")).toBe("report");
  });

  it("replaces a link at the target itself instead of writing through it, and refuses it without replace", async () => {
    const target = join(folder, "out.jsonl");
    await symlink(victim, target);
    await expect(writeFileAtomically(target, "log")).rejects.toMatchObject({ code: "EEXIST", path: target });
    await writeFileAtomically(target, "log", { replace: true });
    expect((await lstat(target)).isSymbolicLink()).toBe(false);
    expect(await readFile(target, "utf8")).toBe("log");
    expect(await readFile(victim, "utf8")).toBe("precious");
  });

  it("leaves the target as it was and no temporary file when the content fails while it is read", async () => {
    const target = join(folder, "log.jsonl");
    await writeFile(target, "old log");
    async function* failing(): AsyncGenerator<string> {
      yield "first line\n";
      throw new Error("the source stopped verifying");
    }
    await expect(writeFileAtomically(target, failing(), { replace: true })).rejects.toThrow("the source stopped verifying");
    expect(await readFile(target, "utf8")).toBe("old log");
    expect(await readdir(folder)).toEqual(["log.jsonl"]);
  });

  it("lets exactly one of several racing writers create a new file", async () => {
    const target = join(folder, "checkpoint.txt");
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, (_, index) => writeFileAtomically(target, `writer ${index}`)));
    expect(outcomes.filter((outcome) => outcome.status === "fulfilled")).toHaveLength(1);
    expect(outcomes.filter((outcome) => outcome.status === "rejected" && outcome.reason instanceof FileExistsError)).toHaveLength(7);
    expect(await readdir(folder)).toEqual(["checkpoint.txt"]);
  });
});
