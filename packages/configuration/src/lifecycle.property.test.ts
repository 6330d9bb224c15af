import { canonicalJson, fold, type Lifecycle, type RecordedBreach } from "@handover/core";
import { asId, CI_STATUSES, decideWithRules, RELATIONSHIP_PAIRS, resolvePolicy, type CiId, type RuleMode } from "@handover/itil";
import fc from "fast-check";
import { produce } from "immer";
import { describe, expect, it } from "vitest";
import type { ConfigurationFacts, ConfigurationRuleFacts, NamedChangeVerdict } from "./facts.js";
import { configurationProcess } from "./descriptor.js";
import { ConfigurationCommand } from "./commands.js";
import { configurationDecider } from "./decider.js";
import { configurationCatalogue, type ConfigurationEvent } from "./events.js";
import { c17, crmDb, facts } from "./fixtures/ci-fixtures.js";
import { ciLifecycle, lifecycleCommandOf, type CiLifecycleCommand, type CiLifecycleState } from "./lifecycle.js";
import { isSymmetric } from "./decide-relationships.js";
import { inverseRelationships } from "./relationships.js";
import type { CiState } from "./state.js";
import { ciScope, type BaselineFacts } from "./scope.js";
import type { AttributeValue } from "./values.js";

const table: Lifecycle<CiLifecycleState, CiLifecycleCommand> = ciLifecycle;
const ciIds = ["crm-db", "crm-app", "db-01", "ldap"] as const;
const relationshipTypes = Object.keys(RELATIONSHIP_PAIRS);
/** A few types, one symmetric, so that duplicates and removals come up often. */
const commandRelationshipTypes = ["depends_on", "connects_to", "runs_on"];
const attributeNames = ["port", "engine", "constructor"];
const changeIds = [undefined, "C-17", "C-99"];

const attributeValue: fc.Arbitrary<AttributeValue> = fc.oneof(fc.constantFrom(1, 2, "a", null, true), fc.constant({ cpu: 2, memory: "4Gi" }), fc.constant({ memory: "4Gi", cpu: 2 }));
const onCrmDb = (fields: Record<string, unknown>) =>
  fc.constantFrom(...changeIds).map((changeId) => ConfigurationCommand.parse({ ciId: "crm-db", ...(changeId === undefined ? {} : { changeId }), ...fields }));

const registration = fc.constantFrom("database", "server").chain((ciType) => attributeValue.chain((port) => onCrmDb({ type: "ci.register", ciType, name: "CRM", owner: "u-dba", attributes: { port } })));
const statusMoves = fc.constantFrom("ci.start_development", "ci.start_test", "ci.return_to_development", "ci.put_into_production", "ci.retire").chain((type) => onCrmDb({ type }));
const commands: fc.Arbitrary<ConfigurationCommand>[] = [
  registration,
  statusMoves,
  fc.tuple(fc.constantFrom(...attributeNames), attributeValue).chain(([name, value]) => onCrmDb({ type: "ci.set_attribute", name, value })),
  fc.constantFrom(...attributeNames).chain((name) => onCrmDb({ type: "ci.unset_attribute", name })),
  fc.constantFrom("u-dba", "u-ops").chain((owner) => onCrmDb({ type: "ci.transfer_owner", owner })),
  fc.tuple(fc.constantFrom(...commandRelationshipTypes), fc.constantFrom(...ciIds)).chain(([relationship, targetCiId]) => onCrmDb({ type: "ci.add_relationship", relationship, targetCiId })),
  fc.tuple(fc.constantFrom(...commandRelationshipTypes), fc.constantFrom(...ciIds)).chain(([relationship, targetCiId]) => onCrmDb({ type: "ci.remove_relationship", relationship, targetCiId })),
];

/** Change control for one step: whether it applies, the rule's mode, and change management's verdict on C-17 (when the log holds it). */
interface Control {
  readonly required: boolean;
  readonly mode: RuleMode;
  readonly namedChange: NamedChangeVerdict | undefined;
}

const changeControl: fc.Arbitrary<Control> = fc.record({
  required: fc.boolean(),
  mode: fc.constantFrom("enforce" as const, "record" as const),
  namedChange: fc.option(fc.constantFrom<NamedChangeVerdict>({ changeId: c17, covers: true }, { changeId: c17, covers: false, message: "change C-17 is assessed, not an authorisation in force" }), { nil: undefined }),
});

/** What the engine would say for one command: change control, the add_relationship target, and the verdict on the named change for the rule. */
function factsFor(command: ConfigurationCommand, control: Control, targetStatus: (typeof CI_STATUSES)[number] | "none", mirrored: boolean): ConfigurationFacts & ConfigurationRuleFacts {
  const resolved = resolvePolicy({ rules: { ci_change_authorised: control.mode } });
  if (resolved._tag === "Left") throw new Error(resolved.left);
  const common = { policy: resolved.right, changeControl: { required: control.required, mode: control.mode }, ...(control.namedChange === undefined ? {} : { namedChange: control.namedChange }) };
  if (command.type !== "ci.add_relationship") return facts(common);
  const relationships = mirrored ? [{ type: command.relationship, targetCiId: command.ciId }] : [];
  return facts({ ...common, relationshipTarget: { ciId: command.targetCiId, status: targetStatus, relationships } });
}

/** One command with the facts the engine would give it. */
const step = (command: fc.Arbitrary<ConfigurationCommand>) =>
  fc.record({ command, control: changeControl, targetStatus: fc.constantFrom("none" as const, ...CI_STATUSES), mirrored: fc.boolean() });

/**
 * A registration, then long sequences (fast-check's default size keeps arrays to about ten
 * items); status moves are listed three times so that runs reach production and retirement.
 */
const steps = fc
  .tuple(step(registration), fc.array(fc.oneof(...[...commands, statusMoves, statusMoves].map(step)), { maxLength: 60, size: "max" }))
  .map(([first, rest]) => [first, ...rest]);

/** How often the runs reached what the invariants are about, so the property cannot pass by never getting there. */
const reached = new Map<string, number>();
const count = (what: string) => reached.set(what, (reached.get(what) ?? 0) + 1);

function changeCovers(control: Control, changeId: string | undefined): boolean {
  return changeId !== undefined && control.namedChange?.changeId === changeId && control.namedChange.covers;
}

describe("any sequence of commands on a CI", () => {
  it("keeps the invariants: table moves only, correct old values, clean relationships, honest change control", () => {
    fc.assert(
      fc.property(steps, (sequence) => {
        let state: CiState = configurationDecider.initialState;
        const model = new Map<string, AttributeValue>();
        const log: ConfigurationEvent[] = [];
        for (const { command, control, targetStatus, mirrored } of sequence) {
          const stepFacts = factsFor(command, control, targetStatus, mirrored);
          const decided = decideWithRules(configurationProcess, command, state, stepFacts, () => stepFacts);
          if (decided._tag === "Left") {
            if (decided.left.code === "change_not_authorised") expect(control.required && control.mode === "enforce" && !changeCovers(control, command.changeId)).toBe(true);
            continue;
          }
          const events = decided.right.events;
          events.forEach((event, index) => {
            expect(configurationCatalogue.validate(event)._tag).toBe("Right");
            checkEvent(event, state, command, model, { control, stepFacts, breaches: decided.right.breaches[index] ?? [] });
            count(event.type === "configuration.ci_status_changed" ? `status ${event.data.to}` : (decided.right.breaches[index] ?? []).length > 0 ? "breach" : event.type);
          });
          applyToModel(command, model, events.length > 0);
          state = produce(state, (draft) => {
            for (const event of events) configurationDecider.evolve(draft, event);
          });
          log.push(...events);
          const keys = state.relationships.map((relationship) => `${relationship.type}>${relationship.targetCiId}`);
          expect(new Set(keys).size).toBe(keys.length);
          expect(state.relationships.every((relationship) => relationship.targetCiId !== crmDb)).toBe(true);
          expect(canonicalJson(state.attributes)).toBe(canonicalJson(Object.fromEntries(model)));
        }
        expect(fold(configurationDecider, log)).toEqual(state);
      }),
      { numRuns: 300 },
    );
    for (const what of ["status retired", "breach", "configuration.attribute_set", "configuration.attribute_unset", "configuration.relationship_added", "configuration.relationship_removed", "configuration.owner_transferred"]) {
      expect(reached.get(what) ?? 0, what).toBeGreaterThan(2);
    }
  });
});

/** What one step decided with: its change control, its facts and the breaches its event keeps. */
interface StepOutcome {
  readonly control: Control;
  readonly stepFacts: ConfigurationFacts;
  readonly breaches: readonly RecordedBreach[];
}

function checkEvent(event: ConfigurationEvent, before: CiState, command: ConfigurationCommand, model: Map<string, AttributeValue>, { control, stepFacts, breaches }: StepOutcome): void {
  const breached = breaches.some((breach) => breach.rule === "ci_change_authorised");
  expect(event.data.changeControl.required).toBe(control.required);
  if (!control.required || control.mode === "enforce") expect(breached).toBe(false);
  if (control.required && control.mode === "enforce") expect(changeCovers(control, command.changeId)).toBe(true);
  if (control.required && control.mode === "record") expect(breached).toBe(!changeCovers(control, command.changeId));
  if (event.type === "configuration.ci_status_changed") {
    expect(event.data.from).toBe(before.status);
    expect(table[event.data.from][lifecycleCommandOf(command.type)]).toBe(event.data.to);
  }
  if (event.type === "configuration.attribute_set") {
    expect("oldValue" in event.data).toBe(model.has(event.data.name));
    if (model.has(event.data.name)) expect(canonicalJson(event.data.oldValue)).toBe(canonicalJson(model.get(event.data.name)));
  }
  if (event.type === "configuration.relationship_added") {
    const { type } = event.data.relationship;
    expect(stepFacts.relationshipTarget?.status).not.toMatch(/^(none|retired)$/);
    if (isSymmetric(type)) expect(stepFacts.relationshipTarget?.relationships).not.toContainEqual({ type, targetCiId: crmDb });
  }
  if (event.type === "configuration.attribute_unset") expect(canonicalJson(event.data.oldValue)).toBe(canonicalJson(model.get(event.data.name)));
}

function applyToModel(command: ConfigurationCommand, model: Map<string, AttributeValue>, changed: boolean): void {
  if (command.type === "ci.register") for (const [name, value] of Object.entries(command.attributes)) model.set(name, value);
  if (command.type === "ci.set_attribute" && changed) model.set(command.name, command.value);
  if (command.type === "ci.unset_attribute" && changed) model.delete(command.name);
}

describe("derived inverses, for any set of CIs", () => {
  const relationship = fc.record({ type: fc.constantFrom(...(relationshipTypes as (keyof typeof RELATIONSHIP_PAIRS)[])), targetCiId: fc.constantFrom(...ciIds).map(asId.ci) });
  const cis = fc.uniqueArray(fc.constantFrom(...ciIds), { minLength: 1 }).chain((ids) =>
    fc.tuple(...ids.map((ciId) => fc.uniqueArray(relationship, { selector: (r) => `${r.type}>${r.targetCiId}`, maxLength: 6 }).map((relationships) => ({ ciId: asId.ci(ciId), relationships })))),
  );

  it("gives each stored relationship exactly one inverse on its target, named by the pair", () => {
    fc.assert(
      fc.property(cis, (given) => {
        const inverses = inverseRelationships(given);
        for (const source of given) {
          for (const stored of source.relationships) {
            const onTarget = inverses.get(stored.targetCiId) ?? [];
            expect(onTarget.filter((inverse) => inverse.ciId === source.ciId && inverse.type === RELATIONSHIP_PAIRS[stored.type])).toHaveLength(1);
          }
        }
        const storedCount = given.reduce((sum, ci) => sum + ci.relationships.length, 0);
        const inverseCount = [...inverses.values()].reduce((sum, list) => sum + list.length, 0);
        expect(inverseCount).toBe(storedCount);
      }),
    );
  });
});

describe("scope, for any baselines", () => {
  const instant = fc.integer({ min: Date.UTC(2026, 0, 1), max: Date.UTC(2026, 11, 31) }).map((millis) => new Date(millis).toISOString());
  const baseline: fc.Arbitrary<BaselineFacts> = fc.record({
    kind: fc.constantFrom("project" as const, "production" as const),
    at: instant,
    cis: fc.subarray([...ciIds]).map((ids) => ids.map((ciId) => ({ ciId }))),
  });

  it("never leaves production scope once it is in it", () => {
    fc.assert(
      fc.property(fc.array(baseline, { maxLength: 8 }), instant, instant, fc.constantFrom(...ciIds), (baselines, first, second, ciId) => {
        const [earlier, later] = first <= second ? [first, second] : [second, first];
        if (ciScope(asId.ci(ciId) as CiId, baselines, earlier) === "production") expect(ciScope(asId.ci(ciId), baselines, later)).toBe("production");
        const expected = baselines.some((b) => b.kind === "production" && b.at <= later && b.cis.some((ci) => ci.ciId === ciId));
        expect(ciScope(asId.ci(ciId), baselines, later) === "production").toBe(expected);
      }),
    );
  });
});
