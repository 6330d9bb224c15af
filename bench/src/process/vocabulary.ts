import type { Random } from "../generate/random.js";

const words = [
  "login", "fails", "for", "users", "in", "the", "payroll", "service", "after", "release", "timeout", "on", "database",
  "connection", "pool", "printer", "queue", "stuck", "VPN", "drops", "every", "few", "minutes", "disk", "full", "on",
  "reporting", "server", "certificate", "expired", "mail", "relay", "slow", "checked", "logs", "restarted", "node",
  "vendor", "ticket", "raised", "waiting", "for", "user", "to", "confirm", "patch", "applied", "rolled", "back",
];

/** Support groups incidents are assigned to. */
export const supportGroups = ["service-desk", "network", "database", "platform", "identity", "applications"] as const;

/** Resolution codes. */
export const resolutionCodes = ["fixed", "workaround", "no_fault_found", "duplicate", "user_error"] as const;

/** A sentence of `count` words, like the titles and notes people write. */
export function sentence(random: Random, count: number): string {
  const chosen: string[] = [];
  for (let index = 0; index < count; index++) chosen.push(random.pick(words));
  return chosen.join(" ");
}

/** One of `population` people, as an actor id. */
export function person(random: Random, population = 200): string {
  return `u-${1 + random.below(population)}`;
}
