import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { decodeLog, toArray, verifyChain, transition } from "@handover/core";
import { incidentCatalogue, incidentLifecycle, incidentRegister, stimulusOfEvent, type IncidentStatus } from "@handover/incident";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { importServiceNow, type ServiceNowImport } from "./index.js";

const SAMPLE = fileURLToPath(new URL("../../../data/servicenow/incident_event_log.sample.csv", import.meta.url));
type CsvRow = Readonly<Record<string, string>> & { readonly fileIndex: number };

/** The test's own reading of the sample, straight from the CSV with csv-parse: not the importer's code. */
const bytes = readFileSync(SAMPLE);
const csvRows: CsvRow[] = (parse(bytes, { columns: true }) as Record<string, string>[]).map((row, fileIndex) => Object.assign({}, row, { fileIndex }));
const time = (value: string | undefined): string | null => {
  if (value === undefined || value === "?") return null;
  const [date = "", clock = ""] = value.split(" ");
  const [day, month, year] = date.split("-");
  return new Date(`${year}-${month}-${day}T${clock}:00Z`).toISOString();
};
const level = (value: string | undefined) => Number((value ?? "").split(" - ")[0]);
const byReplayOrder = (a: CsvRow, b: CsvRow) =>
  Number(a.sys_mod_count) - Number(b.sys_mod_count) || Date.parse(time(a.sys_updated_at) ?? "") - Date.parse(time(b.sys_updated_at) ?? "") || a.fileIndex - b.fileIndex;
const incidents = new Map<string, CsvRow[]>();
for (const row of csvRows) incidents.set(row.number ?? "", [...(incidents.get(row.number ?? "") ?? []), row]);
const ordered = new Map([...incidents].map(([number, rows]) => [number, [...rows].sort(byReplayOrder)]));
const distinct = (values: (string | undefined)[]) => [...new Set(values.filter((value): value is string => value !== undefined && value !== "?"))];
const ITIL = [
  [1, 2, 3],
  [2, 3, 4],
  [3, 4, 5],
];
const OUR_STATE: Record<string, IncidentStatus> = { Active: "in_progress", Resolved: "resolved", Closed: "closed", "Awaiting User Info": "on_hold", "Awaiting Problem": "on_hold", "Awaiting Vendor": "on_hold", "Awaiting Evidence": "on_hold" };

let imported: ServiceNowImport;
beforeAll(() => {
  const result = importServiceNow(bytes, { source: "incident_event_log.sample.csv", recordedAt: "2026-06-01T00:00:00.000Z" });
  if (result._tag === "Left") throw new Error(result.left.message);
  imported = result.right;
});

describe("importing the shared ServiceNow sample", () => {
  it("gives a register entry for every one of its 200 incidents, each field equal to the incident's last row", () => {
    const register = new Map(incidentRegister(imported.events).map((entry) => [entry.number, entry]));
    expect(ordered.size).toBe(200);
    expect(register.size).toBe(200);
    for (const [number, rows] of ordered) {
      const last = rows[rows.length - 1] as CsvRow;
      const state = last.incident_state === "New" ? (last.assignment_group !== "?" || last.assigned_to !== "?" ? "assigned" : "new") : OUR_STATE[last.incident_state ?? ""];
      expect(register.get(number), number).toEqual({
        number,
        state,
        impact: level(last.impact),
        urgency: level(last.urgency),
        priority: level(last.priority),
        reopenCount: Number(last.reopen_count),
        reassignmentCount: Number(last.reassignment_count),
        madeSla: last.made_sla === "TRUE",
        openedAt: time(last.opened_at),
        resolvedAt: time(last.resolved_at),
        closedAt: time(last.closed_at),
        problemIds: distinct(rows.map((row) => row.problem_id)),
        changeIds: distinct(rows.flatMap((row) => [row.rfc, row.caused_by])),
        ciIds: distinct(rows.map((row) => row.cmdb_ci)),
      });
    }
  });

  it("reports the sample's counts, each computed here from the CSV", () => {
    const fingerprints = csvRows.map((row) => JSON.stringify({ ...row, fileIndex: 0 }));
    const duplicates = fingerprints.length - new Set(fingerprints).size;
    const longestInOrder = (ranks: number[]) => {
      const best = ranks.map(() => 1);
      ranks.forEach((rank, i) => ranks.slice(0, i).forEach((earlier, j) => earlier < rank && (best[i] = Math.max(best[i] ?? 1, (best[j] ?? 1) + 1))));
      return Math.max(0, ...best);
    };
    const outOfOrder = [...incidents].reduce((sum, [number, rows]) => {
      const replay = ordered.get(number) ?? [];
      return sum + rows.length - longestInOrder(rows.map((row) => replay.indexOf(row)));
    }, 0);
    const priorityDeviations = csvRows.filter((row) => ITIL[level(row.impact) - 1]?.[level(row.urgency) - 1] !== level(row.priority)).length;
    expect(imported.summary).toEqual({
      incidents: 200,
      rows: csvRows.length,
      duplicateRows: duplicates,
      outOfOrderRows: outOfOrder,
      priorityDeviations,
      lifecycleDeviations: imported.events.filter((event) => event.data.source?.deviation !== undefined).length,
      rowsAheadOfTime: csvRows.filter((row) => [row.opened_at, row.resolved_at, row.closed_at].some((value) => (time(value) ?? "") > (time(row.sys_updated_at) ?? ""))).length,
      events: imported.events.length,
    });
    expect(imported.summary.rows).toBe(1285);
    expect(imported.summary.outOfOrderRows).toBeGreaterThan(0);
    expect(imported.summary.priorityDeviations).toBeGreaterThan(0);
  });

  it("records no source time before it falls due: every time an event carries is at or before the event", () => {
    for (const event of imported.events) {
      const source = event.data.source;
      for (const value of [source?.openedAt, source?.resolvedAt, source?.closedAt]) if (value !== null && value !== undefined) expect(value <= event.data.at, `${event.data.incidentId} @${event.position}: ${value} after ${event.data.at}`).toBe(true);
    }
    expect(imported.summary.rowsAheadOfTime).toBeGreaterThan(1000);
  });

  it("shows INC0000045 as of 1 March 2016 resolved, not closed, with no time after the view; closed from its close on 5 March", () => {
    const asOf = (instant: string) => incidentRegister(imported.events.filter((event) => event.meta.occurredAt <= instant)).find((entry) => entry.number === "INC0000045");
    expect(asOf("2016-03-01T23:59:59.999Z")).toMatchObject({ state: "resolved", openedAt: "2016-02-29T01:16:00.000Z", resolvedAt: "2016-02-29T11:29:00.000Z", closedAt: null });
    expect(asOf("2016-02-29T09:00:00.000Z")).toMatchObject({ state: "resolved", resolvedAt: null, closedAt: null });
    expect(asOf("2016-03-05T12:00:00.000Z")).toMatchObject({ state: "closed", resolvedAt: "2016-02-29T11:29:00.000Z", closedAt: "2016-03-05T12:00:00.000Z" });
  });

  it("writes a log whose chain verifies and whose every event decodes with the incident catalogue", async () => {
    expect(verifyChain(imported.events)).toMatchObject({ ok: true, count: imported.events.length });
    expect(await toArray(decodeLog(incidentCatalogue, imported.events))).toHaveLength(imported.events.length);
    expect(new Set(imported.events.map((event) => event.eventId)).size).toBe(imported.events.length);
  });

  it("orders the log by business time, each stream in its own order", () => {
    const versions = new Map<string, number>();
    for (const event of imported.events) {
      expect(event.version).toBe((versions.get(event.streamId) ?? 0) + 1);
      versions.set(event.streamId, event.version);
      expect(event.meta).toEqual({ actor: event.data.by, occurredAt: event.data.at });
    }
  });

  it("imports every lifecycle deviation as a fact, and each is one our lifecycle table refuses", () => {
    const status = new Map<string, IncidentStatus>();
    const refused = imported.events.filter((event) => {
      const from = status.get(event.streamId) ?? "none";
      const stimulus = stimulusOfEvent(event.type);
      const verdict = stimulus === undefined ? undefined : transition(incidentLifecycle, `incident ${event.data.incidentId}`, from, stimulus);
      status.set(event.streamId, incidentRegister(imported.events.filter((other) => other.streamId === event.streamId && other.position <= event.position))[0]?.state ?? from);
      return verdict?._tag === "Left";
    });
    expect(refused.map((event) => event.position)).toEqual(imported.events.filter((event) => event.data.source?.deviation !== undefined).map((event) => event.position));
    expect(imported.lifecycleDeviations).toHaveLength(refused.length);
    expect(imported.lifecycleDeviations.some((deviation) => deviation.message.includes('cannot "resolve" while "assigned"'))).toBe(true);
  });

  it("keeps the source's priority and SLA verdict in every event, and lists each priority deviation with its line", () => {
    for (const event of imported.events) expect(event.data.source).toMatchObject({ system: "servicenow", line: expect.any(Number), priority: expect.any(Number), madeSla: expect.any(Boolean) });
    const first = imported.priorityDeviations[0];
    const row = csvRows.find((candidate) => candidate.fileIndex === (first?.line ?? 0) - 2);
    expect(first).toMatchObject({ sourcePriority: level(row?.priority), impact: level(row?.impact), urgency: level(row?.urgency) });
    expect(first?.matrixPriority).not.toBe(first?.sourcePriority);
  });
});
