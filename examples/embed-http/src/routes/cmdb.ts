import { ciStates, scopeOfCi, type Handover } from "@handover/engine";
import { cmdbAsOf } from "@handover/projections";
import { ok, type JsonResponse } from "../http-response.js";
import { timeQueryOf } from "./time-query.js";

/** One CI as the service shows it, the same whether it comes from the engine's view or a replay of the log. */
export interface CiView {
  readonly ciId: string;
  readonly ciType: string;
  readonly name: string;
  readonly owner: string;
  readonly status: string;
  readonly scope: "project" | "production";
  readonly attributes: Readonly<Record<string, unknown>>;
  readonly relationships: readonly { readonly type: string; readonly targetCiId: string }[];
}

function ciView(ci: Omit<CiView, "scope">, scope: CiView["scope"]): CiView {
  const { ciId, ciType, name, owner, status, attributes, relationships } = ci;
  return { ciId, ciType, name, owner, status, scope, attributes, relationships: relationships.map(({ type, targetCiId }) => ({ type, targetCiId })) };
}

/**
 * `GET /cmdb`: every CI now, from the engine's inline view; with `asOf` (what was true
 * then) or `knownAt` (what the log knew then), the log is replayed into the projections'
 * CMDB as of that point. 400 when a time does not parse.
 */
export async function getCmdb(handover: Handover, query: URLSearchParams): Promise<JsonResponse> {
  const times = timeQueryOf(query);
  if (times._tag === "Left") return times.left;
  const { asOf, knownAt } = times.right;
  if (asOf === undefined && knownAt === undefined) {
    const view = await handover.view();
    const cis = [...ciStates(view).values()].map((ci) => ciView(ci, scopeOfCi(view, ci.ciId)));
    return ok({ view: "current", position: view.position, cis });
  }
  const cmdb = await cmdbAsOf(handover.log(), { ...(asOf === undefined ? {} : { asOf }), ...(knownAt === undefined ? {} : { knownAt }) });
  return ok({ view: "replayed", ...times.right, position: cmdb.position, cis: cmdb.cis.map((ci) => ciView(ci, ci.scope)) });
}
