import { describeZodError } from "@handover/core";
import type { ExecuteOptions, Handover, HandoverError } from "@handover/engine";
import { z } from "zod";
import { ok, problem, type JsonResponse } from "../http-response.js";
import { statusOfRefusal } from "../refusal-status.js";

/** What `POST /commands` accepts: the command (checked by the engine against its process's schema) and optional ids and business time. Who issues it is the caller's credential, never the body: a body naming an `actor` is refused. */
export const CommandRequest = z.strictObject({
  command: z.unknown(),
  commandId: z.string().trim().min(1).max(200).optional(),
  correlationId: z.string().trim().min(1).max(200).optional(),
  causationId: z.string().trim().min(1).max(200).optional(),
  /** Business time when recording history late; ISO-8601 with a zone. */
  occurredAt: z.string().optional(),
});

type CommandRequest = z.output<typeof CommandRequest>;

function executeOptionsOf(request: CommandRequest, actor: string): ExecuteOptions {
  const { commandId, correlationId, causationId, occurredAt } = request;
  return {
    actor,
    ...(commandId === undefined ? {} : { commandId }),
    ...(correlationId === undefined ? {} : { correlationId }),
    ...(causationId === undefined ? {} : { causationId }),
    ...(occurredAt === undefined ? {} : { occurredAt }),
  };
}

function refusalAnswer(refusal: HandoverError): JsonResponse {
  const details = "details" in refusal ? refusal.details : undefined;
  const path = "path" in refusal ? refusal.path : details?.["path"];
  return problem(statusOfRefusal(refusal.code), refusal.code, refusal.message, typeof path === "string" ? path : undefined);
}

/**
 * Runs one command through the engine, issued by the authenticated caller. 201 with the recorded events and their positions;
 * 200 when the command id was handled before (nothing new appended); 400 for a request or
 * command that cannot be read, with the field's path; 409 when it conflicts with the log's
 * current state; 422 when a rule refuses it.
 */
export async function postCommand(handover: Handover, body: unknown, actor: string): Promise<JsonResponse> {
  const parsed = CommandRequest.safeParse(body, { reportInput: true });
  if (typeof body === "object" && body !== null && "actor" in body) {
    return problem(400, "invalid_request", "actor: the actor is the caller's credential (Authorization: Bearer), never a field of the body; remove it", "actor");
  }
  if (!parsed.success) {
    const described = describeZodError(parsed.error, "");
    const path = described.path === "(root)" ? "body" : described.path;
    return problem(400, "invalid_request", described.message.replace("(root)", "body"), path);
  }
  const result = await handover.executeUnknown(parsed.data.command, executeOptionsOf(parsed.data, actor));
  if (result._tag === "Left") return refusalAnswer(result.left);
  const { events, positions, duplicate } = result.right;
  return ok({ events, positions, duplicate }, duplicate ? 200 : 201);
}
