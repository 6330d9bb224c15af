import {
  createInMemoryEventStore,
  handleCommand,
  readJsonl,
  sequentialIds,
  steppingClock,
  toArray,
  verifyChain,
  writeJsonl,
} from "@handover/core";
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { accessCatalogue, accessDecider } from "./access-request.js";

/** What the tour found, for its test and its printout. */
export interface TourReport {
  readonly lines: readonly string[];
  readonly events: number;
  readonly headHash: string;
  readonly tamperedAt: number | undefined;
}

/** Runs a short story through the kernel and returns what happened, line by line. */
export async function runTour(folder?: string): Promise<TourReport> {
  const lines: string[] = [];
  const store = createInMemoryEventStore({ catalogue: accessCatalogue, clock: steppingClock("2026-03-12T09:00:00Z", 60_000), ids: sequentialIds("evt") });
  const at = (minute: number, actor: string) => ({ actor, occurredAt: new Date(Date.UTC(2026, 2, 12, 9, minute)).toISOString() });
  const steps = [
    { streamId: "access-1", command: { type: "request", requester: "ana", system: "crm" }, meta: at(0, "ana") },
    { streamId: "access-1", command: { type: "approve", approver: "ana" }, meta: at(5, "ana") },
    { streamId: "access-1", command: { type: "approve", approver: "ben" }, meta: at(7, "ben") },
    { streamId: "access-2", command: { type: "request", requester: "cai", system: "billing" }, meta: at(9, "cai") },
    { streamId: "access-1", command: { type: "revoke", reason: "left the project" }, meta: at(30, "ben") },
  ] as const;
  for (const step of steps) {
    const result = await handleCommand(store, accessDecider, step.streamId, step.command, step.meta);
    lines.push(result._tag === "Right"
      ? `${step.meta.actor} ${step.command.type} ${step.streamId}: ${result.right.events.map((event) => `${event.type} @${event.position}`).join(", ")}`
      : `${step.meta.actor} ${step.command.type} ${step.streamId}: refused (${result.left.code}: ${result.left.message})`);
  }
  const path = join(folder ?? (await mkdtemp(join(tmpdir(), "handover-tour-"))), "access.jsonl");
  await writeJsonl(path, store.readAll());
  const verdict = await verifyChain(readJsonl(path, { catalogue: accessCatalogue }));
  lines.push(verdict.ok ? `log ${basename(path)}: ${verdict.count} events, chain verifies, head ${verdict.headHash}` : `log does not verify: ${verdict.message}`);
  const tampered = (await toArray(readJsonl(path))).map((event) => (event.position === 2 ? { ...event, meta: { ...event.meta, actor: "mallory" } } : event));
  const tamperVerdict = verifyChain(tampered);
  lines.push(tamperVerdict.ok ? "tampering went unnoticed" : `after changing the approver of position 2: ${tamperVerdict.message}`);
  return { lines, events: verdict.ok ? verdict.count : 0, headHash: verdict.ok ? verdict.headHash : "", tamperedAt: tamperVerdict.ok ? undefined : tamperVerdict.position };
}
