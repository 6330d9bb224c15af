import type { Random } from "../random.js";

/** One event an entity's script produces: its stream, type and data, and who caused it. */
export interface ItilStep {
  readonly streamId: string;
  readonly type: string;
  readonly data: Record<string, unknown>;
  readonly actor: string;
  readonly correlationId: string;
}

/** An entity's script: yields its events one at a time, reading the world's clock and ids as it goes. */
export type EntityScript = Generator<ItilStep, void, undefined>;

/** The id of the one project every generated log follows. */
export const PROJECT_ID = "bench-project";

/**
 * What the scripts share while a log is generated: the clock, the random source, and the ids
 * other processes may name (registered CIs, changes, incidents, problems), so references
 * point at things that exist.
 */
export interface World {
  readonly random: Random;
  /** The business time of the event being generated (canonical UTC). */
  at: string;
  /** The position of the event being generated. */
  position: number;
  /** CI ids in registration order, with their type. */
  readonly cis: string[];
  readonly ciTypes: Map<string, string>;
  /** CIs neither retired nor planned for retirement: targets of new relationships and links. */
  readonly liveCis: Set<string>;
  readonly retiredCis: Set<string>;
  /** CIs in production scope (a production baseline included them): under change control. */
  readonly productionScope: Set<string>;
  /** CIs in status in_production that no production baseline includes yet. */
  readonly awaitingProduction: string[];
  /** Service CIs whose service levels the project has not agreed yet. */
  readonly servicesWithoutLevels: string[];
  readonly authorisedChanges: string[];
  readonly changes: string[];
  readonly incidents: string[];
  readonly problems: string[];
  /** Each stream's version so far (baselines record it). */
  readonly versions: Map<string, number>;
  /** A number per kind of id, so ids are unique. */
  readonly counters: Map<string, number>;
}

/** A fresh world for a seeded generation. */
export function createWorld(random: Random): World {
  return {
    random,
    at: "",
    position: 0,
    cis: [],
    ciTypes: new Map(),
    liveCis: new Set(),
    retiredCis: new Set(),
    productionScope: new Set(),
    awaitingProduction: [],
    servicesWithoutLevels: [],
    authorisedChanges: [],
    changes: [],
    incidents: [],
    problems: [],
    versions: new Map(),
    counters: new Map(),
  };
}

/** The next id of a kind: `INC-000001`. */
export function nextId(world: World, prefix: string): string {
  const next = (world.counters.get(prefix) ?? 0) + 1;
  world.counters.set(prefix, next);
  return `${prefix}-${String(next).padStart(6, "0")}`;
}

/** True with probability `p`. */
export function chance(world: World, p: number): boolean {
  return world.random.next() < p;
}

/** One of the most recent `window` items of a list (recent work is what people link to), or undefined when it is empty. */
export function recent<T>(world: World, items: readonly T[], window = 200): T | undefined {
  if (items.length === 0) return undefined;
  return items[items.length - 1 - world.random.below(Math.min(window, items.length))];
}

/** Up to `count` distinct live CIs, chosen at random. */
export function someLiveCis(world: World, count: number): string[] {
  const chosen = new Set<string>();
  for (let attempt = 0; attempt < count * 3 && chosen.size < count && world.cis.length > 0; attempt++) {
    const ciId = world.random.pick(world.cis);
    if (world.liveCis.has(ciId)) chosen.add(ciId);
  }
  if (chosen.size === 0 && world.liveCis.size > 0) {
    // Late in a long history most CIs picked at random are retired: take one of the live ones instead.
    const live = [...world.liveCis];
    chosen.add(live[world.random.below(live.length)] as string);
  }
  return [...chosen];
}

/** True while enough CIs stay live that a long history keeps a working estate (W6): retirement stops at a quarter of the CIs. */
export function mayRetire(world: World): boolean {
  return world.liveCis.size > world.cis.length / 4;
}

/** People by role: who does what in the generated log. */
export const people = {
  configuration: ["u-cm-1", "u-cm-2", "u-cm-3", "u-cm-4"],
  owners: ["u-own-1", "u-own-2", "u-own-3", "u-own-4", "u-own-5", "u-own-6", "u-own-7", "u-own-8"],
  desk: ["u-desk-1", "u-desk-2", "u-desk-3", "u-desk-4", "u-desk-5", "u-desk-6"],
  resolvers: ["u-ops-1", "u-ops-2", "u-ops-3", "u-ops-4", "u-ops-5", "u-ops-6", "u-ops-7", "u-ops-8"],
  groups: ["Service Desk", "Network", "Database", "Application Support", "Platform", "Security"],
  requesters: ["u-dev-1", "u-dev-2", "u-dev-3", "u-dev-4", "u-dev-5"],
  changeManagers: ["u-chg-1", "u-chg-2"],
  cab: ["u-cab-1", "u-cab-2", "u-cab-3", "u-cab-4"],
  ecab: ["u-ecab-1", "u-ecab-2"],
  problemManagers: ["u-pbm-1", "u-pbm-2"],
  releaseManagers: ["u-rm-1", "u-rm-2"],
  testers: ["u-test-1", "u-test-2", "u-test-3"],
  projectManager: "u-pm-1",
} as const;

/** The roles the generated project records for its people (in `project.started`'s policy), so the audit judges each step by the roles its actor holds. */
export const roleAssignments: Readonly<Record<string, readonly string[]>> = Object.fromEntries([
  ...people.configuration.map((who) => [who, ["configuration_manager"]] as const),
  ...people.owners.map((who) => [who, ["stakeholder"]] as const),
  ...people.desk.map((who) => [who, ["service_desk"]] as const),
  ...people.resolvers.map((who) => [who, ["developer"]] as const),
  ...people.requesters.map((who) => [who, ["developer"]] as const),
  ...people.changeManagers.map((who) => [who, ["change_manager"]] as const),
  ...people.cab.map((who) => [who, ["cab_member"]] as const),
  ...people.ecab.map((who) => [who, ["ecab_member", "cab_member"]] as const),
  ...people.problemManagers.map((who) => [who, ["problem_manager"]] as const),
  ...people.releaseManagers.map((who) => [who, ["release_manager"]] as const),
  ...people.testers.map((who) => [who, ["tester"]] as const),
  [people.projectManager, ["project_manager", "configuration_manager", "service_owner"]] as const,
]);
