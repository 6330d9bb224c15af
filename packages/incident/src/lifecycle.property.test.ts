import { defaultPolicy, defaultSlaPolicy, ON_HOLD_REASONS, type SlaPolicy } from "@handover/itil";
import { arbitraryCommandSequence } from "@handover/testing";
import fc from "fast-check";
import { produce } from "immer";
import { describe, expect, it } from "vitest";
import { incidentDecider } from "./decider.js";
import { incidentCatalogue, type IncidentEvent } from "./events.js";
import { command, minute } from "./fixtures/incident-fixtures.js";
import { INCIDENT_STATUSES } from "./lifecycle.js";
import { slaStatus } from "./sla.js";
import type { IncidentState } from "./state.js";

const group = fc.constantFrom("Service Desk", "Mail Team", "Network");
const person = fc.option(fc.constantFrom("u-ann", "u-bob"), { nil: undefined });
const level = fc.integer({ min: 1, max: 3 });
const reason = fc.constantFrom(...ON_HOLD_REASONS);
const text = fc.constantFrom("restarted the relay", "replaced the disk", " ");

const progress = 5;
const anyCommand = fc.oneof(
  { weight: progress, arbitrary: fc.record({ title: fc.constantFrom("Mail is down", "VPN slow"), impact: level, urgency: level }).map((fields) => command("incident.log", fields)) },
  { weight: progress, arbitrary: fc.record({ group, assignee: person }).map(({ group: g, assignee }) => command("incident.assign", { group: g, ...(assignee === undefined ? {} : { assignee }) })) },
  { weight: 2, arbitrary: fc.record({ group, assignee: person }).map(({ group: g, assignee }) => command("incident.reassign", { group: g, reason: "moved", ...(assignee === undefined ? {} : { assignee }) })) },
  { weight: progress, arbitrary: fc.constant(command("incident.start_work")) },
  { weight: 2, arbitrary: reason.map((why) => command("incident.put_on_hold", { reason: why })) },
  { weight: progress, arbitrary: fc.constant(command("incident.resume")) },
  { weight: progress, arbitrary: fc.record({ resolutionCode: fc.constantFrom("fixed", "fixed", ""), resolutionNotes: text }).map((fields) => command("incident.resolve", fields)) },
  { weight: 2, arbitrary: fc.constant(command("incident.reopen", { reason: "again" })) },
  { weight: progress, arbitrary: fc.constant(command("incident.close")) },
  { weight: 1, arbitrary: fc.constant(command("incident.cancel", { reason: "duplicate" })) },
  { weight: 1, arbitrary: fc.record({ impact: level, urgency: level }).map((fields) => command("incident.reprioritise", { ...fields, reason: "new facts" })) },
  { weight: 1, arbitrary: fc.record({ level: fc.constantFrom("functional", "hierarchical"), to: group }).map((fields) => command("incident.escalate", { ...fields, reason: "stuck" })) },
  { weight: 1, arbitrary: fc.constantFrom("mail-relay", "dns").map((ciId) => command("incident.link_ci", { ciId })) },
  { weight: 1, arbitrary: fc.constant(command("incident.link_problem", { problemId: "PRB-7" })) },
);
/** A command and how many minutes after the previous one it is issued (sometimes before). */
const step = fc.tuple(anyCommand, fc.integer({ min: -5, max: 120 }));
const policies: fc.Arbitrary<SlaPolicy> = fc.subarray([...ON_HOLD_REASONS]).map((pausingReasons) => ({ ...defaultSlaPolicy, pausingReasons }));

const counts = (state: IncidentState) => [state.reopenCount, state.reassignmentCount, state.escalationCount];

function expectSlaSane(state: IncidentState, policy: SlaPolicy, now: string): void {
  const sla = slaStatus(state, policy, now);
  expect(sla.resolution.pausedMinutes).toBeGreaterThanOrEqual(0);
  expect(sla.resolution.elapsedMinutes).toBeGreaterThanOrEqual(0);
  expect(sla.response.elapsedMinutes).toBeGreaterThanOrEqual(0);
}

describe("incident invariants under random command sequences", () => {
  it("no closed incident without a resolution; counts never fall; SLA pause never negative; every event passes its schema", () => {
    let runsReachingClosed = 0;
    fc.assert(
      fc.property(arbitraryCommandSequence([step], { minLength: 30, maxLength: 120 }), policies, (steps, policy) => {
        let state = incidentDecider.initialState;
        let clock = 0;
        for (const [next, gap] of steps) {
          clock += gap;
          const decision = incidentDecider.decide(next, state, { actor: "u-1", at: minute(clock), roles: [], policy: defaultPolicy });
          if (decision._tag === "Left") continue;
          for (const event of decision.right) expect(incidentCatalogue.validate(event)._tag).toBe("Right");
          const before = counts(state);
          state = produce(state, (draft) => {
            for (const event of decision.right) incidentDecider.evolve(draft, event);
          });
          counts(state).forEach((count, index) => expect(count).toBeGreaterThanOrEqual(before[index] ?? 0));
          if (state.status === "closed") {
            if (decision.right.some((event) => event.type === "incident.closed")) runsReachingClosed += 1;
            expect(state.resolution).not.toBeNull();
            expect(state.resolution?.code.trim()).not.toBe("");
            expect(state.resolution?.notes.trim()).not.toBe("");
          }
          expectSlaSane(state, policy, minute(clock + 30));
        }
      }),
      { numRuns: 200 },
    );
    expect(runsReachingClosed, "the generator must reach closed incidents, or the invariant is never tested").toBeGreaterThan(10);
  });
});

const at = fc.integer({ min: 0, max: 500 }).map(minute);
const base = { incidentId: fc.constant("INC-1"), at, by: fc.constant("u-1") };
const anyHistoricEvent: fc.Arbitrary<IncidentEvent> = fc.oneof(
  fc.record({ ...base, impact: level, urgency: level, priority: level, major: fc.boolean() }).map((data) => ({ type: "incident.logged", data }) as IncidentEvent),
  fc.record({ ...base, group: fc.option(group, { nil: null }), assignee: fc.constant(null) }).map((data) => ({ type: "incident.reassigned", data }) as IncidentEvent),
  fc.record({ ...base, reason }).map((data) => ({ type: "incident.put_on_hold", data }) as IncidentEvent),
  fc
    .tuple(fc.constantFrom("incident.resumed", "incident.work_started", "incident.closed", "incident.returned_to_new"), fc.record(base))
    .map(([type, data]) => ({ type, data }) as IncidentEvent),
  fc.record({ ...base, resolutionCode: fc.constant(""), resolutionNotes: fc.constant("") }).map((data) => ({ type: "incident.resolved", data }) as IncidentEvent),
  fc.record({ ...base, reason: fc.constant("") }).map((data) => ({ type: "incident.reopened", data }) as IncidentEvent),
);

describe("incident invariants under any imported history", () => {
  it("keeps a known state, counts that never fall and a pause that is never negative, whatever order and times", () => {
    fc.assert(
      fc.property(fc.array(anyHistoricEvent, { minLength: 5, maxLength: 40 }), policies, at, (events, policy, now) => {
        let state = incidentDecider.initialState;
        for (const event of events) {
          const before = counts(state);
          state = produce(state, (draft) => incidentDecider.evolve(draft, event));
          expect(INCIDENT_STATUSES).toContain(state.status);
          counts(state).forEach((count, index) => expect(count).toBeGreaterThanOrEqual(before[index] ?? 0));
          for (const stop of state.clockStops) if (stop.to !== null) expect(Date.parse(stop.to)).toBeGreaterThanOrEqual(Date.parse(stop.from));
          expectSlaSane(state, policy, now);
        }
      }),
      { numRuns: 200 },
    );
  });
});
