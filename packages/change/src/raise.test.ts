import { asId } from "@handover/itil";
import { describe, expect, it } from "vitest";
import type { ChangeCommandOf } from "./commands.js";
import type { ChangeScope } from "./values.js";
import { C17, ci, cmd, ev, factsFor, history, onDatabase, people, spec, standardAuthorised } from "./fixtures/change-fixtures.js";

const raise = (extra: Partial<ChangeCommandOf<"change.raise">> = {}): ChangeCommandOf<"change.raise"> => ({
  type: "change.raise",
  changeId: C17,
  changeType: "normal",
  scope: onDatabase,
  title: "Upgrade the CRM database",
  ...extra,
});
const requester = factsFor(people.requester);

describe("raising a change", () => {
  it("raises a normal solution-level change on its CIs (none → raised)", () => {
    const state = spec.given([]).when(raise(), requester).then([ev.raised()]);
    expect(state).toMatchObject({ status: "raised", requestedBy: people.requester, changeType: "normal", scope: onDatabase, revision: 0 });
  });

  it("raises a project-level change on a requirement", () => {
    const scope = { level: "project", target: { kind: "requirement", id: "REQ-12" } } as const;
    const state = spec.given([]).when(raise({ scope, description: "add GDPR export" }), requester).then([ev.raised({ scope, description: "add GDPR export" })]);
    expect(state.scope).toEqual(scope);
  });

  it("raises an emergency change (none → raised)", () => {
    spec.given([]).when(raise({ changeType: "emergency" }), requester).then([ev.raised({ changeType: "emergency" })]);
  });

  it("refuses to raise a change twice", () => {
    spec.given(history.assessed()).when(raise(), requester).thenError("change_exists", 'change C-17 already exists (status "assessed")');
  });

  it("refuses any other command on a change not raised yet", () => {
    spec.given([]).when(cmd.assess(), factsFor(people.assessor)).thenError("change_not_found", "change C-17 has not been raised; raise it with change.raise before change.assess");
  });

  it("refuses a command routed to another change's stream", () => {
    spec
      .given(history.raised())
      .when({ ...cmd.assess(), changeId: asId.change("C-18") }, factsFor(people.assessor))
      .thenError("change_id_mismatch", "change C-17: the command names change C-18");
  });
});

describe("standard changes: from the policy's catalogue, authorised on raising", () => {
  it("authorises a standard change from a catalogue template at once, with the template's risk (none → authorised)", () => {
    const state = spec.given([]).when(raise({ changeType: "standard", templateId: "rotate-cert" }), requester).then(standardAuthorised());
    expect(state).toMatchObject({ status: "authorised", risk: "low", templateId: "rotate-cert", authorisation: { basis: "standard_template", approvers: [] } });
  });

  it("refuses a standard change without a template, naming the catalogue", () => {
    spec.given([]).when(raise({ changeType: "standard" }), requester).thenError("template_required", "known: restart-app, rotate-cert");
  });

  it("refuses a template that is not in the catalogue", () => {
    spec.given([]).when(raise({ changeType: "standard", templateId: "reboot-db" }), requester).thenError("template_unknown", 'template "reboot-db" is not in the policy\'s standard catalogue');
  });

  it("refuses a template for a normal change", () => {
    spec.given([]).when(raise({ templateId: "rotate-cert" }), requester).thenError("template_not_allowed", "only a standard change names a template");
  });

  it("refuses a template on a CI of a type the template does not cover, and accepts one it covers", () => {
    const scope: ChangeScope = { level: "solution", ciIds: [ci.app, ci.db] };
    const command = raise({ changeType: "standard", templateId: "restart-app", scope });
    const ciTypes = { [ci.app]: "application", [ci.db]: "database" };
    spec.given([]).when(command, factsFor(people.requester, undefined, { ciTypes })).thenError("template_ci_type", "crm-db is a database; raise a normal change for it");
    spec.given([]).when(command, requester).thenError("template_ci_type", "crm-app is of unknown type");
    const appOnly = raise({ changeType: "standard", templateId: "restart-app", scope: { level: "solution", ciIds: [ci.app] } });
    const state = spec.given([]).when(appOnly, factsFor(people.requester, undefined, { ciTypes })).then([
      ev.raised({ changeType: "standard", templateId: "restart-app", risk: "low", scope: { level: "solution", ciIds: [ci.app] } }),
      { type: "change.authorised", data: { changeId: C17, at: requester.at, by: people.requester, basis: "standard_template", approvers: [], quorum: 0 } },
    ]);
    expect(state.status).toBe("authorised");
  });

  it("is never assessed or voted on", () => {
    spec.given(standardAuthorised()).when(cmd.assess(), factsFor(people.assessor)).thenError("invalid_transition", '"authorised" accepts: schedule, cancel');
    spec.given(standardAuthorised()).when(cmd.vote(), factsFor(people.cab1)).thenError("invalid_transition");
  });
});
