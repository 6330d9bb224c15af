import { createHash, timingSafeEqual } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { z } from "zod";

/**
 * Who may call the service: each actor's bearer token, kept as its SHA-256 (hex), never the
 * token itself. The file is `{ "actors": { "ana": "<sha256 of ana's token>", ... } }`. A real
 * deployment puts an identity provider here instead (OIDC access tokens checked against the
 * issuer's keys, or mTLS client certificates); what stays is that the actor comes from the
 * credential, never from the request body.
 */
export interface Credentials {
  /** The actor a request's `Authorization: Bearer <token>` names, or undefined when it names none. */
  actorOf(request: IncomingMessage): string | undefined;
}

const CredentialsFile = z.strictObject({
  actors: z.record(z.string().trim().min(1), z.string().regex(/^[0-9a-f]{64}$/, "a token's SHA-256 as 64 lowercase hex digits")),
});

/** The SHA-256 (hex) of a token, as the credentials file keeps it. */
export const tokenDigest = (token: string): string => createHash("sha256").update(token, "utf8").digest("hex");

/** Credentials from actor → token digest; the lookup compares digests in constant time. */
export function credentialsOf(digests: Readonly<Record<string, string>>): Credentials {
  const entries = Object.entries(digests).map(([actor, digest]) => [actor, Buffer.from(digest, "hex")] as const);
  return {
    actorOf(request) {
      const header = request.headers.authorization;
      const match = header === undefined ? null : /^Bearer ([\x21-\x7e]{16,512})$/.exec(header);
      if (match === null) return undefined;
      const presented = Buffer.from(tokenDigest(match[1] ?? ""), "hex");
      let found: string | undefined;
      for (const [actor, digest] of entries) if (timingSafeEqual(digest, presented)) found = actor;
      return found;
    },
  };
}

/** Reads a credentials file; a missing file or one of the wrong shape is an error naming the file and the field. */
export async function loadCredentials(path: string): Promise<Credentials> {
  const text = await readFile(path, "utf8").catch((error: unknown) => {
    throw new Error(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not JSON (${error instanceof Error ? error.message : String(error)})`);
  }
  const parsed = CredentialsFile.safeParse(json);
  if (!parsed.success) throw new Error(`${path}: ${parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`).join("; ")}`);
  return credentialsOf(parsed.data.actors);
}
