import { fold, lifecycleTable, reachableStates } from "@handover/core";
import { describe, expect, it } from "vitest";
import type { ChangeCommand } from "./commands.js";
import { changeDecider } from "./decide.js";
import type { ChangeEvent } from "./events.js";
import { at, C17, cmd, emergencyAuthorised, ev, factsFor, history, onDatabase, people, spec, standardAuthorised, window } from "./fixtures/change-fixtures.js";
import { changeLifecycles, stimulusOf, type ChangeStatus, type ChangeStimulus } from "./lifecycle.js";
import type { ChangeType } from "./values.js";

const closed = (): ChangeEvent => ({ type: "change.closed", data: { changeId: C17, at: at("11:00", 3), by: people.assessor } });
const cancelled = (): ChangeEvent => ({ type: "change.cancelled", data: { changeId: C17, at: at("09:30"), by: people.requester, reason: "no longer needed" } });
const emergencyRaised = () => ev.raised({ changeType: "emergency" });
const emergencyReviewed = (): ChangeEvent[] => [...emergencyAuthorised(), ev.started(at("22:00")), ev.implemented(), ev.reviewed(), ev.retrospective("endorsed", [people.cab1, people.cab2])];
const standardScheduled = (): ChangeEvent[] => [...standardAuthorised(), ev.scheduled(window.start, window.end)];

/** A history that brings C-17 to each reachable state, per type of change. */
const histories: Readonly<Record<ChangeType, Partial<Record<ChangeStatus, ChangeEvent[]>>>> = {
  normal: { none: [], ...Object.fromEntries(Object.entries(history).map(([status, events]) => [status, events()])) },
  standard: {
    none: [],
    authorised: standardAuthorised(),
    scheduled: standardScheduled(),
    implementing: [...standardScheduled(), ev.started()],
    implemented: [...standardScheduled(), ev.started(), ev.implemented()],
    reviewed: [...standardScheduled(), ev.started(), ev.implemented(), ev.reviewed()],
    closed: [...standardScheduled(), ev.started(), ev.implemented(), ev.reviewed(), closed()],
    cancelled: [...standardAuthorised(), cancelled()],
  },
  emergency: {
    none: [],
    raised: [emergencyRaised()],
    assessed: [emergencyRaised(), ev.assessed("medium")],
    rejected: [emergencyRaised(), ev.assessed("medium"), ev.vote(people.ecab, "reject", "ecab"), ev.rejected(people.ecab, [], [people.ecab], "ecab")],
    authorised: emergencyAuthorised(),
    scheduled: [...emergencyAuthorised(), ev.scheduled(window.start, window.end)],
    implementing: [...emergencyAuthorised(), ev.started()],
    implemented: [...emergencyAuthorised(), ev.started(), ev.implemented()],
    reviewed: emergencyReviewed(),
    closed: [...emergencyReviewed(), closed()],
    cancelled: [emergencyRaised(), cancelled()],
  },
};

/** A valid command of each kind for C-17 of the given type, with facts that meet every rule. */
function commandFor(stimulus: ChangeStimulus, changeType: ChangeType, status: ChangeStatus): [ChangeCommand, ReturnType<typeof factsFor>] | undefined {
  const voter = changeType === "emergency" && status === "assessed" ? people.ecab : people.cab3;
  const commands: Partial<Record<ChangeStimulus, [ChangeCommand, ReturnType<typeof factsFor>]>> = {
    raise: [{ type: "change.raise", changeId: C17, changeType, scope: onDatabase, title: "t", ...(changeType === "standard" ? { templateId: "rotate-cert" } : {}) }, factsFor(people.requester)],
    assess: [cmd.assess(), factsFor(people.assessor)],
    vote: [cmd.vote(), factsFor(voter, at("11:00"))],
    revise: [cmd.revise(), factsFor(people.requester)],
    schedule: [cmd.schedule(window.start, window.end), factsFor(people.assessor, at("12:00"))],
    start: [cmd.start(), factsFor(people.developer, at("22:00"))],
    complete: [cmd.complete(), factsFor(people.developer, at("23:00"))],
    review: [cmd.review(), factsFor(people.assessor)],
    close: [cmd.close(), factsFor(people.assessor)],
    cancel: [cmd.cancel(), factsFor(people.requester)],
    answer: [{ type: "change.answer_rejection", changeId: C17, acceptedReason: "the CAB's point is taken" }, factsFor(people.assessor)],
  };
  return commands[stimulus];
}

/** Refusals that say more than the table: raising twice, and asking an unauthorised change to be scheduled or started. */
function expectedRefusal(stimulus: ChangeStimulus, status: ChangeStatus): string {
  if (stimulus === "raise") return "change_exists";
  if (status === "none") return "change_not_found";
  if (status === "assessed" && (stimulus === "schedule" || stimulus === "start")) return "not_authorised";
  return "invalid_transition";
}

const commandStimuli = Object.values(stimulusOf);
const emergencyVoteConcluded = (changeType: ChangeType, status: ChangeStatus, stimulus: ChangeStimulus) =>
  changeType === "emergency" && status === "reviewed" && stimulus === "vote";

describe("the change lifecycle tables", () => {
  for (const changeType of ["normal", "standard", "emergency"] as const) {
    const table = changeLifecycles[changeType];
    const reachable = [...reachableStates(table, "none")];

    it(`${changeType}: has a history for every reachable state, and closed and cancelled are final (a closed emergency still answers a retrospective rejection)`, () => {
      expect(reachable.filter((status) => histories[changeType][status] === undefined)).toEqual([]);
      expect(table.closed).toEqual(changeType === "emergency" ? { answer: "closed" } : {});
      expect(table.cancelled).toEqual({});
    });

    for (const status of reachable) {
      it(`${changeType} ${status}: accepts exactly the commands its row names, and each leads where the row says`, () => {
        const given = histories[changeType][status] ?? [];
        for (const stimulus of commandStimuli) {
          const [command, facts] = commandFor(stimulus, changeType, status) ?? [];
          if (command === undefined || facts === undefined) throw new Error(`no command for ${stimulus}`);
          const next = table[status][stimulus];
          const outcome = spec.given(given).when(command, facts);
          if (next === undefined) {
            outcome.thenError(expectedRefusal(stimulus, status));
            continue;
          }
          if (emergencyVoteConcluded(changeType, status, stimulus)) {
            outcome.thenError("retrospective_review_concluded");
            continue;
          }
          if (stimulus === "answer") {
            // None of these histories holds a retrospective rejection: the table lets the command through, the decider says why not.
            outcome.thenError("not_rejected");
            continue;
          }
          const decided = changeDeciderDecide(given, command, facts);
          const outcomes = stimulus === "vote" ? [next, table[status].authorise, table[status].reject] : [next];
          expect(outcomes, `${changeType} ${status} ${stimulus}`).toContain(decided);
        }
      });
    }
  }

  it("are the lifecycle of the issue, edge for edge", () => {
    const edges = (changeType: ChangeType) =>
      Object.entries(changeLifecycles[changeType]).flatMap(([from, row]) => Object.entries(row).map(([stimulus, to]) => `${from} -${stimulus}-> ${to}`));
    const tail = ["implementing -complete-> implemented", "implemented -review-> reviewed", "reviewed -close-> closed"];
    const authorisedOn = ["authorised -schedule-> scheduled", "authorised -cancel-> cancelled", "scheduled -schedule-> scheduled", "scheduled -start-> implementing", "scheduled -cancel-> cancelled"];
    const beforeAuthorisation = [
      "none -raise-> raised",
      "raised -assess-> assessed",
      "raised -cancel-> cancelled",
      "assessed -vote-> assessed",
      "assessed -authorise-> authorised",
      "assessed -reject-> rejected",
      "assessed -cancel-> cancelled",
      "rejected -revise-> raised",
      "rejected -cancel-> cancelled",
    ];
    expect(edges("normal")).toEqual([...beforeAuthorisation, ...authorisedOn, ...tail]);
    expect(edges("standard")).toEqual(["none -raise-> authorised", ...authorisedOn, ...tail]);
    expect(edges("emergency")).toEqual([
      ...beforeAuthorisation,
      "authorised -vote-> authorised",
      "authorised -answer-> authorised",
      "authorised -schedule-> scheduled",
      "authorised -start-> implementing",
      "authorised -cancel-> cancelled",
      "scheduled -vote-> scheduled",
      "scheduled -answer-> scheduled",
      "scheduled -schedule-> scheduled",
      "scheduled -start-> implementing",
      "scheduled -cancel-> cancelled",
      "implementing -vote-> implementing",
      "implementing -answer-> implementing",
      "implementing -complete-> implemented",
      "implemented -vote-> implemented",
      "implemented -answer-> implemented",
      "implemented -review-> reviewed",
      "reviewed -vote-> reviewed",
      "reviewed -answer-> reviewed",
      "reviewed -close-> closed",
      "closed -answer-> closed",
    ]);
  });

  it("prints each table for the docs", () => {
    expect(lifecycleTable(changeLifecycles.normal)).toContain("| assessed | authorise | authorised |");
    expect(lifecycleTable(changeLifecycles.standard)).toContain("| none | raise | authorised |");
    expect(lifecycleTable(changeLifecycles.emergency)).toContain("| authorised | start | implementing |");
  });
});

/** Decides the command on the history and returns the status the new events lead to (fails the test on a refusal). */
function changeDeciderDecide(given: readonly ChangeEvent[], command: ChangeCommand, facts: ReturnType<typeof factsFor>): ChangeStatus {
  const state = fold(changeDecider, given);
  const decision = changeDecider.decide(command, state, facts);
  if (decision._tag === "Left") throw new Error(`${command.type} was refused: ${decision.left.message}`);
  return fold(changeDecider, decision.right, state).status;
}
