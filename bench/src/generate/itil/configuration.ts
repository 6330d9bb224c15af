import { chance, mayRetire, people, recent, type EntityScript, type ItilStep, type World } from "./world.js";

/** CI types and how common each is, out of 100. */
const CI_TYPES: readonly (readonly [string, number])[] = [
  ["service", 5],
  ["application", 20],
  ["database", 10],
  ["server", 25],
  ["network", 10],
  ["document", 15],
  ["requirement", 15],
];

/** Attribute names and how a value of each looks. */
const ATTRIBUTES: readonly (readonly [string, (world: World) => unknown])[] = [
  ["location", (world) => world.random.pick(["dc-north", "dc-south", "cloud-eu-1", "cloud-eu-2"])],
  ["tier", (world) => world.random.pick(["gold", "silver", "bronze"])],
  ["os.version", (world) => `${world.random.pick(["rhel", "debian", "windows"])}-${8 + world.random.below(5)}.${world.random.below(10)}`],
  ["memory_gb", (world) => 4 * (1 + world.random.below(32))],
  ["cpu.count", (world) => 2 * (1 + world.random.below(16))],
  ["version", (world) => `${1 + world.random.below(4)}.${world.random.below(20)}.${world.random.below(30)}`],
  ["ip", (world) => `10.${world.random.below(256)}.${world.random.below(256)}.${world.random.below(256)}`],
  ["backup", (world) => ({ policy: world.random.pick(["daily", "weekly"]), retentionDays: 7 * (1 + world.random.below(8)) })],
  ["monitored", (world) => chance(world, 0.9)],
];

const RELATIONSHIP_TYPES = ["depends_on", "runs_on", "hosted_on", "contains", "connects_to", "documents"] as const;
/** The most relationships a CI has at once: past it, a CI drops one before it adds another, so the CMDB of a longer log is no bigger (W6 measures memory against the log's length, the world's size fixed). */
const MAX_RELATIONSHIPS = 4;
const NEXT_STATUS: Readonly<Record<string, string>> = { planned: "in_development", in_development: "in_test", in_test: "in_production" };

function pickType(world: World): string {
  let roll = world.random.below(100);
  for (const [ciType, weight] of CI_TYPES) {
    if (roll < weight) return ciType;
    roll -= weight;
  }
  return "server";
}

/** How change control saw an event on this CI: required once a production baseline includes it, naming an authorised change. */
function changeControlOf(world: World, ciId: string): Record<string, unknown> {
  if (!world.productionScope.has(ciId)) return { required: false };
  const changeId = recent(world, world.authorisedChanges, 50);
  if (changeId !== undefined) return { required: true, changeId };
  return { required: true, breach: { reason: "no_change_named", message: `no authorised change named for ${ciId}, which is under change control` } };
}

/**
 * The life of one CI, registered when the script starts: attributes, relationships (at most
 * `MAX_RELATIONSHIPS` at once) and owner changes in every status, development, test (sometimes back to development),
 * production, and for a few, retirement (after which the script ends).
 */
export function* ciScript(world: World, ciId: string): EntityScript {
  const streamId = `ci-${ciId}`;
  const ciType = pickType(world);
  const step = (type: string, data: Record<string, unknown>): ItilStep => {
    const by = world.random.pick(people.configuration);
    return { streamId, type, data: { ciId, at: world.at, by, changeControl: changeControlOf(world, ciId), ...data }, actor: by, correlationId: ciId };
  };
  let owner = world.random.pick(people.owners);
  const attributes = new Map<string, unknown>();
  const firstAttributes: Record<string, unknown> = {};
  for (let count = 1 + world.random.below(3); count > 0; count--) {
    const [name, value] = world.random.pick(ATTRIBUTES);
    const chosen = value(world);
    attributes.set(name, chosen);
    firstAttributes[name] = chosen;
  }
  world.cis.push(ciId);
  world.ciTypes.set(ciId, ciType);
  world.liveCis.add(ciId);
  if (ciType === "service") world.servicesWithoutLevels.push(ciId);
  yield step("configuration.ci_registered", { ciType, name: `${ciType} ${ciId}`, owner, attributes: firstAttributes });
  let status = "planned";
  const related: [string, string][] = [];
  for (;;) {
    const roll = world.random.next();
    if (status !== "in_production" && roll < 0.12) {
      const to = status === "in_test" && chance(world, 0.2) ? "in_development" : (NEXT_STATUS[status] ?? status);
      yield step("configuration.ci_status_changed", { from: status, to });
      status = to;
      if (status === "in_production") world.awaitingProduction.push(ciId);
    } else if (status === "in_production" && roll < 0.004 && world.productionScope.has(ciId) && mayRetire(world)) {
      world.liveCis.delete(ciId);
      world.retiredCis.add(ciId);
      yield step("configuration.ci_status_changed", { from: status, to: "retired" });
      return;
    } else if (roll < 0.62) {
      const [name, value] = world.random.pick(ATTRIBUTES);
      const newValue = value(world);
      const oldValue = attributes.get(name);
      attributes.set(name, newValue);
      yield step("configuration.attribute_set", oldValue === undefined ? { name, newValue } : { name, oldValue, newValue });
    } else if (roll < 0.66 && attributes.size > 1) {
      const [name, oldValue] = [...attributes][world.random.below(attributes.size)] ?? ["", null];
      attributes.delete(name);
      yield step("configuration.attribute_unset", { name, oldValue });
    } else if (roll < 0.7) {
      const to = world.random.pick(people.owners);
      if (to === owner) continue;
      yield step("configuration.owner_transferred", { from: owner, to });
      owner = to;
    } else if ((roll < 0.9 && related.length < MAX_RELATIONSHIPS) || related.length === 0) {
      const target = recent(world, world.cis, 2_000);
      const type = world.random.pick(RELATIONSHIP_TYPES);
      if (target === undefined || target === ciId || !world.liveCis.has(target) || related.some(([t, c]) => t === type && c === target)) continue;
      related.push([type, target]);
      yield step("configuration.relationship_added", { relationship: { type, targetCiId: target } });
    } else {
      const [type, target] = related.splice(world.random.below(related.length), 1)[0] ?? ["depends_on", ciId];
      yield step("configuration.relationship_removed", { relationship: { type, targetCiId: target } });
    }
  }
}
