import type { IncomingMessage, ServerResponse } from "node:http";
import type { Handover } from "@handover/engine";
import { problem, type JsonResponse } from "./http-response.js";
import { readJsonBody } from "./request-body.js";
import { getCmdb } from "./routes/cmdb.js";
import { postCommand } from "./routes/commands.js";
import { getReadiness } from "./routes/readiness.js";

type Route = (handover: Handover, request: IncomingMessage, url: URL) => Promise<JsonResponse>;

/** The service's routes: path, then method. */
const routes: Readonly<Record<string, Readonly<Record<string, Route>>>> = {
  "/commands": {
    POST: async (handover, request) => {
      const body = await readJsonBody(request);
      return body._tag === "Left" ? body.left : postCommand(handover, body.right);
    },
  },
  "/cmdb": { GET: (handover, _request, url) => getCmdb(handover, url.searchParams) },
  "/readiness": { GET: (handover, _request, url) => getReadiness(handover, url.searchParams) },
};

/** Finds the route of a request: 404 for an unknown path, 405 (with `Allow`) for a method the path does not take. */
async function route(handover: Handover, request: IncomingMessage): Promise<JsonResponse> {
  const url = new URL(request.url ?? "/", "http://localhost");
  const methods = routes[url.pathname];
  if (methods === undefined) return problem(404, "not_found", `no resource at ${url.pathname}; try POST /commands, GET /cmdb or GET /readiness`);
  const handler = methods[request.method ?? "GET"];
  if (handler === undefined) {
    const allowed = Object.keys(methods).join(", ");
    return { ...problem(405, "method_not_allowed", `${request.method ?? "?"} ${url.pathname}: use ${allowed}`), headers: { allow: allowed } };
  }
  return handler(handover, request, url);
}

function send(response: ServerResponse, answer: JsonResponse): void {
  const text = JSON.stringify(answer.body);
  response.writeHead(answer.status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(text), ...answer.headers });
  response.end(text);
}

/**
 * The request handler of the service over one Handover. Every answer is JSON; an error the
 * routes did not expect (a broken store) answers 500 with its message and is reported.
 */
export function createRequestHandler(handover: Handover, report: (error: unknown) => void = () => undefined) {
  return (request: IncomingMessage, response: ServerResponse): void => {
    route(handover, request).then(
      (answer) => send(response, answer),
      (error: unknown) => {
        report(error);
        send(response, problem(500, "internal_error", error instanceof Error ? error.message : String(error)));
      },
    );
  };
}
