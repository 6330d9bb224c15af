import { createEventCatalogue, defineEvent, domainError, type Decider, type EventOf } from "@handover/core";
import { left, right } from "fp-ts/lib/Either.js";
import { z } from "zod";

/** The events of a tiny access-request process, each with a zod schema. */
export const accessEvents = [
  defineEvent("access.requested", z.object({ requester: z.string(), system: z.string() })),
  defineEvent("access.approved", z.object({ approver: z.string() })),
  defineEvent("access.revoked", z.object({ reason: z.string().min(1) })),
] as const;

/** The catalogue the store validates appends against. */
export const accessCatalogue = createEventCatalogue(accessEvents);

/** One access-request event. */
export type AccessEvent = EventOf<(typeof accessEvents)[number]>;

/** An access request's state. */
export interface AccessState {
  readonly status: "none" | "requested" | "approved" | "revoked";
  readonly requester: string;
}

/** What a person can ask of an access request. */
export type AccessCommand =
  | { readonly type: "request"; readonly requester: string; readonly system: string }
  | { readonly type: "approve"; readonly approver: string }
  | { readonly type: "revoke"; readonly reason: string };

/** The access-request decider: nobody approves their own request. */
export const accessDecider: Decider<AccessCommand, AccessState, AccessEvent> = {
  initialState: { status: "none", requester: "" },
  decide(command, state) {
    switch (command.type) {
      case "request":
        if (state.status !== "none") return left(domainError("already_requested", "access was requested already"));
        return right([{ type: "access.requested", data: { requester: command.requester, system: command.system } }]);
      case "approve":
        if (state.status !== "requested") return left(domainError("not_requested", `cannot approve while ${state.status}`));
        if (command.approver === state.requester) return left(domainError("self_approval", `${command.approver} cannot approve their own request`));
        return right([{ type: "access.approved", data: { approver: command.approver } }]);
      case "revoke":
        if (state.status !== "approved") return left(domainError("not_approved", `cannot revoke while ${state.status}`));
        return right([{ type: "access.revoked", data: { reason: command.reason } }]);
    }
  },
  evolve(draft, event) {
    if (event.type === "access.requested") {
      draft.status = "requested";
      draft.requester = event.data.requester;
    } else if (event.type === "access.approved") draft.status = "approved";
    else draft.status = "revoked";
  },
};
