import { fold } from "@handover/core";
import type { RecordedBreach } from "@handover/core";
import { decideWithRules, rolesOf, type Risk, type Role } from "@handover/itil";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { changeDecider } from "./decide.js";
import { changeProcess } from "./descriptor.js";
import type { ChangeEvent } from "./events.js";
import { at, cmd, ev, factsFor, policyWith } from "./fixtures/change-fixtures.js";
import type { ChangeState } from "./state.js";

const ACTORS = ["u-0", "u-1", "u-2", "u-3", "u-4", "u-5", "u-6"];

interface Board {
  readonly changeType: "normal" | "emergency";
  readonly risk: Risk;
  readonly quorumByRisk: { low: number; medium: number; high: number };
  readonly ecabQuorum: number;
  readonly rejection: "any" | "majority";
  readonly roles: Record<string, Role[]>;
  readonly requester: string;
  readonly assessor: string;
  readonly votes: readonly { readonly actor: string; readonly vote: "approve" | "reject" }[];
}

const quorum = fc.integer({ min: 1, max: 4 });
const arbitraryBoard: fc.Arbitrary<Board> = fc.record({
  changeType: fc.constantFrom("normal", "emergency"),
  risk: fc.constantFrom("low", "medium", "high"),
  quorumByRisk: fc.record({ low: quorum, medium: quorum, high: quorum }),
  ecabQuorum: fc.integer({ min: 1, max: 3 }),
  rejection: fc.constantFrom("any", "majority"),
  roles: fc.record(Object.fromEntries(ACTORS.map((actor) => [actor, fc.subarray<Role>(["cab_member", "ecab_member", "developer"])]))),
  requester: fc.constantFrom(...ACTORS),
  assessor: fc.constantFrom(...ACTORS),
  votes: fc.array(fc.record({ actor: fc.constantFrom(...ACTORS), vote: fc.constantFrom("approve", "reject") }), { maxLength: 16 }),
});

interface Run {
  readonly state: ChangeState;
  readonly accepted: readonly ChangeEvent[];
  /** The breaches of rules in record mode each accepted event keeps, in step with `accepted`. */
  readonly breaches: readonly (readonly RecordedBreach[])[];
  readonly refusals: readonly string[];
}

/** Casts the board's votes one by one through the decider and change management's rules, as the engine would. */
function castVotes(board: Board, rules: Record<string, "enforce" | "record"> = {}): Run {
  const policy = policyWith({
    roles: board.roles,
    rules,
    change: { quorumByRisk: board.quorumByRisk, ecabQuorum: board.ecabQuorum, rejection: board.rejection },
  });
  let state = fold(changeDecider, [
    ev.raised({ changeType: board.changeType, by: board.requester }),
    ev.assessed(board.risk, { by: board.assessor }),
  ]);
  const accepted: ChangeEvent[] = [];
  const breaches: (readonly RecordedBreach[])[] = [];
  const refusals: string[] = [];
  for (const { actor, vote } of board.votes) {
    const facts = factsFor(actor, at("11:00"), { policy, roles: rolesOf(policy.roles, actor) });
    const decision = decideWithRules(changeProcess, cmd.vote(vote), state, facts, () => facts);
    if (decision._tag === "Left") {
      refusals.push(decision.left.code);
      continue;
    }
    accepted.push(...decision.right.events);
    breaches.push(...decision.right.breaches);
    state = fold(changeDecider, decision.right.events, state);
  }
  return { state, accepted, breaches, refusals };
}

/**
 * The quorum rule, said independently of the decider: keep each eligible member's first
 * vote; the change is authorised when some prefix reaches the quorum before any prefix
 * meets the rejection rule.
 */
function ruleSays(board: Board): "approved" | "rejected" | "pending" {
  const role: Role = board.changeType === "emergency" ? "ecab_member" : "cab_member";
  const needed = board.changeType === "emergency" ? board.ecabQuorum : board.quorumByRisk[board.risk];
  const counted = board.votes.filter(
    ({ actor }, index) =>
      (board.roles[actor] ?? []).includes(role) &&
      actor !== board.requester &&
      actor !== board.assessor &&
      board.votes.findIndex((earlier) => earlier.actor === actor) === index,
  );
  const prefixes = counted.map((_, index) => {
    const prefix = counted.slice(0, index + 1);
    return { approvals: prefix.filter((each) => each.vote === "approve").length, rejections: prefix.filter((each) => each.vote === "reject").length };
  });
  const approvedAt = prefixes.findIndex(({ approvals }) => approvals >= needed);
  const rejectedAt = prefixes.findIndex(({ approvals, rejections }) =>
    board.rejection === "any" ? rejections > 0 : approvals + rejections >= needed && rejections > approvals,
  );
  if (approvedAt >= 0 && (rejectedAt < 0 || approvedAt < rejectedAt)) return "approved";
  return rejectedAt >= 0 ? "rejected" : "pending";
}

const approvals = (events: readonly ChangeEvent[]) => events.filter((event) => event.type === "change.vote_cast" && event.data.vote === "approve");

describe("CAB and ECAB votes, for random vote sequences", () => {
  it("authorise a change exactly when the quorum rule says so, and reject it exactly when the rejection rule does", () => {
    fc.assert(
      fc.property(arbitraryBoard, (board) => {
        const { state } = castVotes(board);
        const says = ruleSays(board);
        expect(state.authorisation !== undefined, `rule says ${says}`).toBe(says === "approved");
        expect(state.status === "rejected", `rule says ${says}`).toBe(says === "rejected");
        if (says === "pending") expect(state.status).toBe("assessed");
      }),
      { numRuns: 2000 },
    );
  });

  it("never let anyone approve their own change: no vote, authorisation or retrospective verdict counts the requester or assessor", () => {
    fc.assert(
      fc.property(arbitraryBoard, (board) => {
        const { state, accepted } = castVotes(board);
        const own = new Set([board.requester, board.assessor]);
        for (const event of approvals(accepted)) expect(own.has(event.data.by)).toBe(false);
        for (const approver of state.authorisation?.approvers ?? []) expect(own.has(approver)).toBe(false);
        for (const approver of state.retrospectiveReview?.approvers ?? []) expect(own.has(approver)).toBe(false);
        const voters = [...state.votes, ...state.retrospectiveVotes].map((vote) => vote.approver);
        expect(state.votes.length).toBe(new Set(state.votes.map((vote) => vote.approver)).size);
        expect(voters.every((voter) => !own.has(voter))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it("in record mode, never let a self-approval through without a segregation-of-duties finding", () => {
    fc.assert(
      fc.property(arbitraryBoard, (board) => {
        const { accepted, breaches } = castVotes(board, { segregation_of_duties: "record" });
        accepted.forEach((event, index) => {
          if (event.type !== "change.vote_cast" || event.data.vote !== "approve" || (event.data.by !== board.requester && event.data.by !== board.assessor)) return;
          expect(breaches[index]?.map((breach) => breach.rule)).toContain("segregation_of_duties");
        });
      }),
      { numRuns: 1000 },
    );
  });

  it("reach every outcome (the properties are not vacuous)", () => {
    const outcomes = new Set<string>();
    fc.assert(
      fc.property(arbitraryBoard, (board) => {
        outcomes.add(`${board.changeType} ${ruleSays(board)}`);
      }),
      { numRuns: 2000, seed: 17 },
    );
    expect([...outcomes].sort()).toEqual(["emergency approved", "emergency pending", "emergency rejected", "normal approved", "normal pending", "normal rejected"]);
  });
});
