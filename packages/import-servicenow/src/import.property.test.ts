import { verifyChain } from "@handover/core";
import { incidentCatalogue, incidentRegister } from "@handover/incident";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csvOf, type Row } from "./fixtures/csv-builder.js";
import { importServiceNow } from "./index.js";

const STATES = ["New", "Active", "Awaiting User Info", "Awaiting Problem", "Awaiting Vendor", "Awaiting Evidence", "Resolved", "Closed"] as const;
const OURS: Record<string, string[]> = {
  New: ["new", "assigned"],
  Active: ["in_progress"],
  "Awaiting User Info": ["on_hold"],
  "Awaiting Problem": ["on_hold"],
  "Awaiting Vendor": ["on_hold"],
  "Awaiting Evidence": ["on_hold"],
  Resolved: ["resolved"],
  Closed: ["closed"],
};
const LEVELS = ["1 - High", "2 - Medium", "3 - Low"];
const optional = (...values: string[]) => fc.constantFrom("?", ...values);

/** One audited update: the fields that change from update to update, and how much each count rises. */
const update = fc.record({
  incident_state: fc.constantFrom(...STATES),
  reassignmentRise: fc.constantFrom(0, 0, 0, 1, 2),
  reopenRise: fc.constantFrom(0, 0, 0, 0, 1),
  made_sla: fc.constantFrom("TRUE", "FALSE"),
  impact: fc.constantFrom(...LEVELS),
  urgency: fc.constantFrom(...LEVELS),
  priority: fc.constantFrom("1 - Critical", "2 - High", "3 - Moderate", "4 - Low"),
  assignment_group: optional("Group 1", "Group 2"),
  assigned_to: optional("Resolver 1", "Resolver 2"),
  problem_id: optional("Problem ID  1", "Problem ID  2"),
  rfc: optional("CHG1", "CHG2"),
  caused_by: optional("CHG3"),
  cmdb_ci: optional("CI 1", "CI 2"),
  resolved_at: optional("02-03-2016 10:00", "01-03-2016 09:03"),
  closed_at: optional("05-03-2016 12:00", "01-03-2016 09:05"),
});

type Update = typeof update extends fc.Arbitrary<infer U> ? U : never;

/** An incident's updates as rows: sys_mod_count in order, times one minute apart, counts that only rise. */
function rowsOf(number: string, updates: readonly Update[]): Row[] {
  let reassignments = 0;
  let reopens = 0;
  return updates.map(({ reassignmentRise, reopenRise, ...fields }, index) => {
    reassignments += reassignmentRise;
    reopens += reopenRise;
    const at = new Date(Date.UTC(2016, 2, 1, 9, index));
    const stamp = `01-03-2016 ${String(at.getUTCHours()).padStart(2, "0")}:${String(at.getUTCMinutes()).padStart(2, "0")}`;
    return { ...fields, number, sys_mod_count: String(index), sys_updated_at: stamp, reassignment_count: String(reassignments), reopen_count: String(reopens) };
  });
}

/** `DD-MM-YYYY HH:mm` as ISO UTC, the test's own reading. */
const sourceTime = (value: string | undefined): string => {
  const [date = "", clock = ""] = (value ?? "").split(" ");
  const [day, month, year] = date.split("-");
  return new Date(`${year}-${month}-${day}T${clock}:00Z`).toISOString();
};

const incidents = fc.array(fc.array(update, { minLength: 1, maxLength: 12 }), { minLength: 1, maxLength: 4 });
const fileOrder = fc.array(fc.nat(), { minLength: 60, maxLength: 60 });
const duplicated = fc.array(fc.nat(), { maxLength: 3 });

describe("importing any ServiceNow history", () => {
  it("ends every incident where its last row says, with the source's counts and links, whatever the file order and duplicates", () => {
    fc.assert(
      fc.property(incidents, fileOrder, duplicated, (histories, order, dups) => {
        const byIncident = histories.map((updates, index) => rowsOf(`INC${index}`, updates));
        const all = byIncident.flat();
        const shuffled = all.map((row, index) => ({ row, key: order[index % order.length] ?? 0, index })).sort((a, b) => a.key - b.key || a.index - b.index).map(({ row }) => row);
        const copies = dups.map((pick) => shuffled[pick % shuffled.length] as Row);
        const result = importServiceNow(csvOf([...shuffled, ...copies]), { recordedAt: "2026-06-01T00:00:00.000Z" });
        if (result._tag === "Left") throw new Error(result.left.message);
        const { events, summary, lifecycleDeviations } = result.right;
        expect(summary).toMatchObject({ incidents: byIncident.length, rows: all.length + copies.length, duplicateRows: copies.length, events: events.length });
        expect(lifecycleDeviations).toHaveLength(events.filter((event) => event.data.source?.deviation !== undefined).length);
        expect(verifyChain(events).ok).toBe(true);
        for (const event of events) expect(incidentCatalogue.validate(event)._tag).toBe("Right");
        const register = incidentRegister(events);
        byIncident.forEach((rows, index) => {
          const last = rows[rows.length - 1] as Row;
          const entry = register.find((candidate) => candidate.number === `INC${index}`);
          const distinct = (values: (string | undefined)[]) => [...new Set(values.filter((value): value is string => value !== undefined && value !== "?"))];
          expect(OURS[last.incident_state ?? ""]).toContain(entry?.state);
          expect(entry).toMatchObject({
            reassignmentCount: Number(last.reassignment_count),
            reopenCount: Number(last.reopen_count),
            impact: Number(last.impact?.[0]),
            urgency: Number(last.urgency?.[0]),
            priority: Number(last.priority?.[0]),
            madeSla: last.made_sla === "TRUE",
            resolvedAt: last.resolved_at === "?" || !["resolved", "closed"].includes(entry?.state ?? "") ? null : sourceTime(last.resolved_at),
            closedAt: last.closed_at === "?" || entry?.state !== "closed" ? null : sourceTime(last.closed_at),
            problemIds: distinct(rows.map((row) => row.problem_id)),
            changeIds: distinct(rows.flatMap((row) => [row.rfc, row.caused_by])),
            ciIds: distinct(rows.map((row) => row.cmdb_ci)),
          });
        });
      }),
      { numRuns: 100 },
    );
  });

  it("carries no source time in an event before it falls due, and ends each incident with every time its last row gives", () => {
    fc.assert(
      fc.property(incidents, (histories) => {
        const byIncident = histories.map((updates, index) => rowsOf(`INC${index}`, updates));
        const result = importServiceNow(csvOf(byIncident.flat()), { recordedAt: "2026-06-01T00:00:00.000Z" });
        if (result._tag === "Left") throw new Error(result.left.message);
        for (const event of result.right.events) {
          const { openedAt = null, resolvedAt = null, closedAt = null } = event.data.source ?? {};
          for (const value of [openedAt, resolvedAt, closedAt]) if (value !== null) expect(value <= event.data.at).toBe(true);
        }
        byIncident.forEach((rows, index) => {
          const last = rows[rows.length - 1] as Row;
          const final = result.right.events.filter((event) => event.data.incidentId === `INC${index}`).at(-1)?.data.source;
          expect(final).toMatchObject({
            resolvedAt: last.resolved_at === "?" ? null : sourceTime(last.resolved_at),
            closedAt: last.closed_at === "?" ? null : sourceTime(last.closed_at),
          });
        });
      }),
      { numRuns: 100 },
    );
  });
});
