import { describeZodError } from "@handover/core";
import type { ExecuteOptions, Handover, HandoverError } from "@handover/engine";
import { z } from "zod";
import { ok, problem, type JsonResponse } from "../http-response.js";
import { statusOfRefusal } from "../refusal-status.js";

/** What `POST /commands` accepts: the command (checked by the engine against its process's schema), who issues it, and optional ids and business time. */
export const CommandRequest = z.strictObject({
  command: z.unknown(),
  actor: z.string().trim().min(1, "every command needs the actor who issues it"),
  commandId: z.string().trim().min(1).max(200).optional(),
  correlationId: z.string().trim().min(1).max(200).optional(),
  causationId: z.string().trim().min(1).max(200).optional(),
  /** Business time when recording history late; ISO-8601 with a zone. */
  occurredAt: z.string().optional(),
});

type CommandRequest = z.output<typeof CommandRequest>;

function executeOptionsOf(request: CommandRequest): ExecuteOptions {
  const { actor, commandId, correlationId, causationId, occurredAt } = request;
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
 * Runs one command through the engine. 201 with the recorded events and their positions;
 * 200 when the command id was handled before (nothing new appended); 400 for a request or
 * command that cannot be read, with the field's path; 409 when it conflicts with the log's
 * current state; 422 when a rule refuses it.
 */
export async function postCommand(handover: Handover, body: unknown): Promise<JsonResponse> {
  const parsed = CommandRequest.safeParse(body, { reportInput: true });
  if (!parsed.success) {
    const described = describeZodError(parsed.error, "");
    const path = described.path === "(root)" ? "body" : described.path;
    return problem(400, "invalid_request", described.message.replace("(root)", "body"), path);
  }
  const result = await handover.executeUnknown(parsed.data.command, executeOptionsOf(parsed.data));
  if (result._tag === "Left") return refusalAnswer(result.left);
  const { events, positions, duplicate } = result.right;
  return ok({ events, positions, duplicate }, duplicate ? 200 : 201);
}
