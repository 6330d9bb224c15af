import type { IncomingMessage } from "node:http";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import { problem, type JsonResponse } from "./http-response.js";

/** The largest request body the service reads (1 MiB); a command is a few hundred bytes. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Reads a request's JSON body: 415 for another content type, 413 past the limit, 400 for text that is not JSON. */
export async function readJsonBody(request: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Either<JsonResponse, unknown>> {
  const type = request.headers["content-type"];
  if (type !== undefined && !/^application\/(.+\+)?json\b/i.test(type)) {
    return left(problem(415, "unsupported_media_type", `content-type ${type}: send the command as application/json`, "content-type"));
  }
  const chunks: Buffer[] = [];
  let size = 0;
  // Past the limit the rest is read and dropped, so the client gets the 413 rather than a reset connection.
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size <= limit) chunks.push(chunk);
  }
  if (size > limit) return left(problem(413, "body_too_large", `the body is ${size} bytes, more than ${limit}; a command is a small JSON object`, "body"));
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return left(problem(400, "invalid_json", "the body is empty; send { command, actor }", "body"));
  try {
    return right(JSON.parse(text) as unknown);
  } catch (error) {
    return left(problem(400, "invalid_json", `the body is not JSON: ${error instanceof Error ? error.message : String(error)}`, "body"));
  }
}
