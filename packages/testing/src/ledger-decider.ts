import { createEventCatalogue, defineEvent, domainError, type Decider, type EventOf } from "@handover/core";
import { left, right } from "fp-ts/lib/Either.js";
import { z } from "zod";

/** Test fixture: the events of a ledger, a small process with refusals that depend on its state. */
export const ledgerEvents = {
  opened: defineEvent("ledger.opened", z.object({ owner: z.string().min(1) })),
  credited: defineEvent("ledger.credited", z.object({ amount: z.number().int().positive() })),
  debited: defineEvent("ledger.debited", z.object({ amount: z.number().int().positive() })),
  closed: defineEvent("ledger.closed", z.object({ balance: z.number().int() })),
};

/** Test fixture: the ledger's catalogue. */
export const ledgerCatalogue = createEventCatalogue(Object.values(ledgerEvents));

/** Test fixture: a ledger event. */
export type LedgerEvent = EventOf<(typeof ledgerEvents)[keyof typeof ledgerEvents]>;

/** Test fixture: a ledger's state: its status, balance, and every amount it saw. */
export interface LedgerState {
  readonly status: "none" | "open" | "closed";
  readonly balance: number;
  readonly movements: readonly number[];
}

/** Test fixture: a ledger command. */
export type LedgerCommand =
  | { readonly type: "open"; readonly owner: string }
  | { readonly type: "credit"; readonly amount: number }
  | { readonly type: "debit"; readonly amount: number }
  | { readonly type: "close" };

/** Test fixture: the ledger decider: a debit beyond the balance, and anything on a ledger not open, are refused. */
export const ledgerDecider: Decider<LedgerCommand, LedgerState, LedgerEvent, undefined> = {
  initialState: { status: "none", balance: 0, movements: [] },
  decide(command, state) {
    if (command.type === "open") return state.status === "none" ? right([{ type: "ledger.opened", data: { owner: command.owner } }]) : left(domainError("already_open", "the ledger exists"));
    if (state.status !== "open") return left(domainError("not_open", `cannot ${command.type} a ledger that is ${state.status}`));
    switch (command.type) {
      case "credit":
        return right([{ type: "ledger.credited", data: { amount: command.amount } }]);
      case "debit":
        return command.amount > state.balance ? left(domainError("insufficient", `balance ${state.balance} < ${command.amount}`)) : right([{ type: "ledger.debited", data: { amount: command.amount } }]);
      case "close":
        return right([{ type: "ledger.closed", data: { balance: state.balance } }]);
    }
  },
  evolve(draft, event) {
    switch (event.type) {
      case "ledger.opened":
        draft.status = "open";
        return;
      case "ledger.credited":
        draft.balance += event.data.amount;
        draft.movements.push(event.data.amount);
        return;
      case "ledger.debited":
        draft.balance -= event.data.amount;
        draft.movements.push(-event.data.amount);
        return;
      case "ledger.closed":
        draft.status = "closed";
        return;
    }
  },
};
