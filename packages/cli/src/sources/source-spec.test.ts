import { describe, expect, it } from "vitest";
import { cli } from "../fixtures/cli-harness.js";
import { parseSourceSpec, sameLog } from "./source-spec.js";

const parsed = (text: string, schema?: string) => {
  const spec = parseSourceSpec(text, schema);
  return spec._tag === "Right" ? spec.right : spec.left.message;
};

describe("where a log is, as a person writes it", () => {
  it("reads a PostgreSQL URL with the schema from ?schema= or --schema (default handover), the password hidden", () => {
    expect(parsed("postgres://audit:s3cret@db:5432/crm?schema=project_crm&sslmode=disable")).toEqual({
      kind: "postgres",
      connectionString: "postgres://audit:s3cret@db:5432/crm?sslmode=disable",
      schema: "project_crm",
      label: "postgres://audit:***@db:5432/crm?sslmode=disable&schema=project_crm",
    });
    expect(parsed("postgresql://db/crm", "project_crm")).toMatchObject({ schema: "project_crm", connectionString: "postgresql://db/crm", label: "postgresql://db/crm?schema=project_crm" });
    expect(parsed("postgres://db/crm")).toMatchObject({ schema: "handover" });
    expect(parsed("postgres://db/crm?schema=a", "a")).toMatchObject({ schema: "a" });
  });

  it("refuses a schema given twice differently, a bad schema name, and --schema on a file", () => {
    expect(parsed("postgres://db/crm?schema=a", "b")).toBe("the URL says ?schema=a but --schema says b; give one");
    expect(parsed("postgres://db/crm?schema=Project-CRM")).toMatch(/^schema "Project-CRM": a schema name is lowercase letters/);
    expect(parsed("history.jsonl", "a")).toBe("--schema applies to a postgres:// source, not history.jsonl");
  });

  it("reads sqlite:<file>, a JSONL path, and refuses a SQLite-looking path without the prefix and unknown URLs", () => {
    expect(parsed("sqlite:crm.db")).toEqual({ kind: "sqlite", path: "crm.db", label: "sqlite:crm.db" });
    expect(parsed("sqlite:///var/crm.db")).toMatchObject({ kind: "sqlite", path: "/var/crm.db" });
    expect(parsed("logs/history.jsonl")).toEqual({ kind: "jsonl", path: "logs/history.jsonl", label: "logs/history.jsonl" });
    expect(parsed("crm.sqlite")).toBe("crm.sqlite looks like a SQLite file; write sqlite:crm.sqlite to read it as one");
    expect(parsed("sqlite:")).toMatch(/^sqlite: names no file/);
    expect(parsed("mysql://db/crm")).toMatch(/^mysql:\/\/db\/crm: unknown kind of source/);
  });

  it("knows when two specs name the same log", () => {
    const spec = (text: string) => {
      const found = parseSourceSpec(text);
      if (found._tag === "Left") throw new Error(found.left.message);
      return found.right;
    };
    expect(sameLog(spec("./a.jsonl"), spec("a.jsonl"))).toBe(true);
    expect(sameLog(spec("postgres://db/x?schema=a"), spec("postgres://db/x?schema=b"))).toBe(false);
    expect(sameLog(spec("sqlite:a.db"), spec("a.jsonl"))).toBe(false);
  });
});

describe("a PostgreSQL server that cannot be reached", () => {
  it("is an input error with one line naming the source and the reason", async () => {
    const run = await cli("verify", "postgres://postgres@127.0.0.1:1/test?schema=any_log");
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^handover verify: postgres:\/\/postgres@127\.0\.0\.1:1\/test\?schema=any_log: cannot read the database \(ECONNREFUSED/);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  });
});
