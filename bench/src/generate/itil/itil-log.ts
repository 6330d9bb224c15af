import type { LogEntry } from "@handover/testing";
import type { Size } from "../../harness/size.js";
import { totalOf } from "../../harness/size.js";
import { seededRandom } from "../random.js";
import { changeScript, releaseScript } from "./change-release.js";
import { ciScript } from "./configuration.js";
import { projectSchedule } from "./project.js";
import { createWorld, nextId, type EntityScript, type ItilStep, type World } from "./world.js";
import { incidentScript, problemScript } from "./work.js";

const START = Date.parse("2025-01-06T08:00:00.000Z");
/** Business time between two events of the log. */
const STEP_MILLIS = 20_000;

/** The share of each randomly chosen process, out of 100 (the project's events come when due). */
const MIX: readonly (readonly [Pooled, number])[] = [
  ["configuration", 30],
  ["incident", 36],
  ["change", 17],
  ["problem", 7],
  ["release", 10],
];
type Pooled = "configuration" | "incident" | "change" | "problem" | "release";

/** Scripts in progress, of one process: how many run side by side and how to start another. */
interface Pool {
  readonly scripts: EntityScript[];
  readonly target: number;
  readonly start: (world: World) => EntityScript;
}

function pickProcess(world: World): Pooled {
  let roll = world.random.below(100);
  for (const [process, weight] of MIX) {
    if (roll < weight) return process;
    roll -= weight;
  }
  return "incident";
}

/** The next event of a pool: a new script while fewer than its target run, else a random one's next event (a finished one is replaced); undefined when a pool with no target runs dry. */
function advance(world: World, pool: Pool): ItilStep | undefined {
  for (;;) {
    if (pool.scripts.length < pool.target) pool.scripts.push(pool.start(world));
    if (pool.scripts.length === 0) return undefined;
    const index = world.random.below(pool.scripts.length);
    const script = pool.scripts[index] as EntityScript;
    const next = script.next();
    if (!next.done) return next.value;
    pool.scripts[index] = pool.scripts[pool.scripts.length - 1] as EntityScript;
    pool.scripts.pop();
  }
}

/**
 * A seeded ITIL history as log entries, in order: one project, `size.streams` CIs (all
 * registered by 60% of the log), and incidents, changes, problems and releases running side
 * by side, exactly `size.streams × size.perStream` events, one every 20 seconds of business
 * time. Streamed: nothing but the ids in use is held.
 */
export function* itilLogEntries(size: Size, seed: number): Generator<LogEntry> {
  const total = totalOf(size);
  const world = createWorld(seededRandom(seed));
  const project = projectSchedule(size.streams);
  const cis: EntityScript[] = [];
  const pool = (target: number, start: (world: World) => EntityScript): Pool => ({ scripts: [], target: Math.max(1, Math.round(target)), start });
  const ciPool: Pool = { scripts: cis, target: 0, start: () => ciScript(world, nextId(world, "CI")) };
  const pools: Readonly<Record<Exclude<Pooled, "configuration">, Pool>> = {
    incident: pool(size.streams / 40, incidentScript),
    change: pool(size.streams / 100, changeScript),
    problem: pool(size.streams / 400, problemScript),
    release: pool(size.streams / 1000, releaseScript),
  };
  const expectedConfigurationSteps = (total * 30) / 100;
  let configurationSteps = 0;
  const register = (): ItilStep => {
    const script = ciScript(world, nextId(world, "CI"));
    cis.push(script);
    return script.next().value as ItilStep;
  };
  /** A CI registered when registrations are due (or none is live), else the next event of a live CI; undefined when every CI is registered and retired. */
  const configurationStep = (): ItilStep | undefined => {
    configurationSteps++;
    const due = Math.min(size.streams, Math.ceil((configurationSteps * size.streams) / (0.6 * expectedConfigurationSteps)));
    const canRegister = world.cis.length < size.streams;
    if (canRegister && (world.cis.length < due || cis.length === 0)) return register();
    return advance(world, ciPool) ?? (canRegister ? register() : undefined);
  };
  for (let position = 1; position <= total; position++) {
    world.position = position;
    world.at = new Date(START + position * STEP_MILLIS).toISOString();
    const unregistered = size.streams - world.cis.length;
    let step = position === 1 ? project.due(world, 0) : undefined;
    if (step === undefined && unregistered > 0 && (unregistered >= total - position + 1 || world.cis.length === 0)) step = register();
    if (step === undefined) step = project.due(world, position / total);
    if (step === undefined) {
      const process = pickProcess(world);
      step = (process === "configuration" ? configurationStep() : undefined) ?? advance(world, pools[process === "configuration" ? "incident" : process]);
    }
    if (step === undefined) throw new Error("itilLogEntries: no process had an event to give");
    world.versions.set(step.streamId, (world.versions.get(step.streamId) ?? 0) + 1);
    yield { streamId: step.streamId, type: step.type, data: step.data, meta: { actor: step.actor, occurredAt: world.at, correlationId: step.correlationId, commandId: `cmd-${position}` }, recordedAt: world.at };
  }
}
