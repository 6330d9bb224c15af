import type { RecordedEvent } from "@handover/core";
import type { ProjectPhase } from "@handover/itil";

/** Questions the tests ask of a log: events of a type, and the project's phase at a position. */
export interface LogQueries {
  ofType<Data = Record<string, unknown>>(type: string): RecordedEvent<{ type: string; data: Data }>[];
  /** The phase the project was in just before the event at this position. */
  phaseAt(position: number): ProjectPhase;
}

/** Builds the queries over a log read into memory. */
export function queriesOf(log: readonly RecordedEvent[]): LogQueries {
  const phaseChanges: { position: number; phase: ProjectPhase }[] = [];
  for (const event of log) {
    if (event.type === "project.phase_entered") phaseChanges.push({ position: event.position, phase: (event.data as { to: ProjectPhase }).to });
    if (event.type === "project.early_life_support_started") phaseChanges.push({ position: event.position, phase: "early_life_support" });
  }
  return {
    ofType: <Data>(type: string) => log.filter((event) => event.type === type) as unknown as RecordedEvent<{ type: string; data: Data }>[],
    phaseAt: (position) => phaseChanges.filter((change) => change.position < position).at(-1)?.phase ?? "initiation",
  };
}
