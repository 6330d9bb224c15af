import type { IncomingMessage, ServerResponse } from "node:http";
import type { Handover } from "@handover/engine";
import type { Credentials } from "./credentials.js";
import { problem, type JsonResponse } from "./http-response.js";
import { readJsonBody } from "./request-body.js";
import { getCmdb } from "./routes/cmdb.js";
import { postCommand } from "./routes/commands.js";
import { getReadiness } from "./routes/readiness.js";

type Route = (handover: Handover, request: IncomingMessage, url: URL, actor: string) => Promise<JsonResponse>;

/** The service's routes: path, then method. */
const routes: Readonly<Record<string, Readonly<Record<string, Route>>>> = {
  "/commands": {
    POST: async (handover, request, _url, actor) => {
      const body = await readJsonBody(request);
      return body._tag === "Left" ? body.left : postCommand(handover, body.right, actor);
    },
  },
  "/cmdb": { GET: (handover, _request, url) => getCmdb(handover, url.searchParams) },
  "/readiness": { GET: (handover, _request, url) => getReadiness(handover, url.searchParams) },
};

/** The answer to a request without a valid credential: 401, saying how to present one. */
const unauthenticated = (): JsonResponse => ({
  ...problem(401, "unauthenticated", "present your token: Authorization: Bearer <token>; every request, reads included, needs one"),
  headers: { "www-authenticate": 'Bearer realm="handover"' },
});

/** Authenticates the caller (401 without a valid bearer token, reads included), then finds the route: 404 for an unknown path, 405 (with `Allow`) for a method the path does not take. */
async function route(handover: Handover, credentials: Credentials, request: IncomingMessage): Promise<JsonResponse> {
  const actor = credentials.actorOf(request);
  if (actor === undefined) return unauthenticated();
  const url = new URL(request.url ?? "/", "http://localhost");
  const methods = routes[url.pathname];
  if (methods === undefined) return problem(404, "not_found", `no resource at ${url.pathname}; try POST /commands, GET /cmdb or GET /readiness`);
  const handler = methods[request.method ?? "GET"];
  if (handler === undefined) {
    const allowed = Object.keys(methods).join(", ");
    return { ...problem(405, "method_not_allowed", `${request.method ?? "?"} ${url.pathname}: use ${allowed}`), headers: { allow: allowed } };
  }
  return handler(handover, request, url, actor);
}

function send(response: ServerResponse, answer: JsonResponse): void {
  const text = JSON.stringify(answer.body);
  response.writeHead(answer.status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), ...answer.headers });
  response.end(text);
}

/**
 * The request handler of the service over one Handover, for the callers the credentials
 * name (the actor of every command is the caller). Every answer is JSON; an error the
 * routes did not expect (a broken store) answers 500 with its message and is reported.
 */
export function createRequestHandler(handover: Handover, credentials: Credentials, report: (error: unknown) => void = () => undefined) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    route(handover, credentials, request).then(
      (answer) => send(response, answer),
      (error: unknown) => {
        report(error);
        send(response, problem(500, "internal_error", error instanceof Error ? error.message : String(error)));
      },
    );
  };
}
