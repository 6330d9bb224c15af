// Writes docs/policy.md, the defaults Handover runs with, from the code's own default objects:
// the control policy (processes and rule modes), the rules of every process in the one list
// of processes, the roles, the priority matrix, the SLA policy, the change policy, the CI types
// and the readiness criteria. Run with `pnpm docs:policy`; `--check` exits 1 when the file
// differs from what it would write (`--file <path>` names another file, for tests).
import { fileURLToPath } from "node:url";
import { writeOrCheckGeneratedDoc } from "./generated-doc.js";
import { CROSS_PROCESS_RULES, defaultPolicy, FIXED_RULES, ON_HOLD_REASONS, ROLES, type RuleName } from "../packages/itil/src/index.js";
import { FINDING_KIND_OF_RULE, READINESS_CHECKS, resolveCriteria, WIRED } from "../packages/projections/src/index.js";

const code = (text: string): string => `\`${text}\``;
const table = (head: readonly string[], rows: readonly (readonly string[])[]): string =>
  [`| ${head.join(" | ")} |`, `|${head.map(() => "---").join("|")}|`, ...rows.map((row) => `| ${row.join(" | ")} |`)].join("\n");

/** Where each rule is judged: the processes whose descriptors list it, the events it judges there, and what it asks there. */
function rulesSection(): string {
  const names: readonly RuleName[] = [...CROSS_PROCESS_RULES, "phase_gate", ...FIXED_RULES];
  const modeOf = (name: RuleName): string =>
    name === "phase_gate" ? "the process's mode (below)" : (FIXED_RULES as readonly string[]).includes(name) ? "always enforced" : defaultPolicy.control.rules[name as (typeof CROSS_PROCESS_RULES)[number]];
  const rows = names.flatMap((name) =>
    WIRED.flatMap(({ descriptor }) =>
      descriptor.rules
        .filter((rule) => rule.name === name)
        .map((rule) => [code(name), modeOf(name), descriptor.name, rule.judges === undefined ? "every event" : rule.judges.map(code).join(", "), rule.summary, code(FINDING_KIND_OF_RULE[name])]),
    ),
  );
  return table(["rule", "default mode", "process", "judges", "what it asks", "audit finding"], rows);
}

function processesSection(): string {
  const rows = Object.entries(defaultPolicy.control.processes).map(([process, rule]) => [code(process), rule.appliesFrom, rule.mode, rule.enabled ? "yes" : "no"]);
  return table(["process", "applies from", "mode", "enabled"], rows);
}

function permissionsSection(): string {
  const rows = Object.entries(defaultPolicy.permissions).map(([permission, roles]) => [code(permission), roles.length === ROLES.length ? "every role (anyone on the project)" : roles.map(code).join(", ")]);
  return table(["permission", "roles that hold it by default"], rows);
}

function matrixSection(): string {
  const matrix = defaultPolicy.priorityMatrix;
  const head = ["impact \\ urgency", ...Array.from({ length: matrix.urgencies }, (_, index) => String(index + 1))];
  return table(head, matrix.cells.map((row, index) => [String(index + 1), ...row.map(String)]));
}

function slaSection(): string {
  const rows = Object.entries(defaultPolicy.sla.targets).map(([priority, target]) => [`P${priority}`, `${target.responseMinutes} min`, `${target.resolutionMinutes} min`]);
  const pausing = defaultPolicy.sla.pausingReasons.map(code).join(", ");
  return `${table(["priority", "response", "resolution"], rows)}\n\nOn-hold reasons that pause the resolution clock: ${pausing} (every reason: ${ON_HOLD_REASONS.map(code).join(", ")}).`;
}

function changeSection(): string {
  const change = defaultPolicy.change;
  const quorum = Object.entries(change.quorumByRisk).map(([risk, needed]) => `${risk} ${needed}`).join(", ");
  return [
    `- CAB approvals needed by risk: ${quorum}; a retrospective review of an emergency change needs the same quorum for its risk.`,
    `- ECAB approvals needed for an emergency change: ${change.ecabQuorum}.`,
    `- A solution-level change may be raised and assessed from phase ${code(change.solutionChangesRaisedFrom)} (${code("solutionChangesRaisedFrom")}), so the CAB has lead time; starting its implementation waits for ${code("solution_change")}'s phase (${defaultPolicy.control.processes.solution_change.appliesFrom}).`,
    `- A post-implementation review agrees with the implementation's outcome (successful: successful or partially successful; failed or backed out: unsuccessful or partially successful), or carries its ${code("explanation")} (rule ${code("review_consistent")}).`,
    `- An emergency change the CAB rejects in its retrospective review is answered with a follow-up change or an accepted reason (${code("change.answer_rejection")}); until then ${code("emergency_changes_reviewed")} fails.`,
    `- Only a solution-level change authorises changing a CI; a project-level change governs scope and requirements, and the CIs its assessment names are information. Every deployment of a release re-checks that its changes are still authorised; a deployment to production lies in the window of one of its changes, where they have windows.`,
    `- A back-out plan is required from risk ${code(change.backOutPlanRequiredFrom)} up (rule ${code("back_out_plan")}).`,
    `- Rejection: ${code(change.rejection)} (${change.rejection === "any" ? "one rejection rejects" : "rejected when rejections outnumber approvals once the quorum's votes are in"}).`,
    `- Standard change catalogue: ${change.standardCatalogue.length === 0 ? "empty (an organisation adds its templates)" : change.standardCatalogue.map((template) => code(template.templateId)).join(", ")}.`,
    `- Change freezes (blackouts): ${defaultPolicy.blackouts.length === 0 ? "none" : defaultPolicy.blackouts.length}; maintenance windows: ${Object.keys(defaultPolicy.maintenanceWindows).length === 0 ? "none (a CI may change at any time)" : "per CI"}.`,
  ].join("\n");
}

function readinessSection(): string {
  const criteria = resolveCriteria();
  return [
    `- Checks, in the order they are reported (all ${READINESS_CHECKS.length}): ${criteria.checks.map(code).join(", ")}. A check of severity ${code("fail")} blocks sign-off when it does not pass; one of severity ${code("warn")} is reported and does not block (a criteria file may set either for any check). Severity ${code("warn")} by default: ${criteria.checks.filter((name) => criteria.severities[name] === "warn").map(code).join(", ") || "none"}; every other check ${code("fail")}.`,
    `- Open incidents at priority ${criteria.blockingPriority} or higher (a lower number) block the handover.`,
    `- Changes deferred to operations: ${criteria.deferredChanges.size === 0 ? "none (a criteria file lists them)" : [...criteria.deferredChanges].map(code).join(", ")}.`,
    `- CI types that are services and need agreed service levels: ${criteria.serviceCiTypes.map(code).join(", ")}.`,
    `- SLA performance: at least ${criteria.slaAttainmentAtLeast * 100}% of the resolved incidents met their SLA (the incident register's verdict under the policy in force; ${code("slaAttainmentAtLeast")} in a criteria file).`,
  ].join("\n");
}

/** The whole page. */
function renderPolicyDocs(): string {
  return `${[
    "# Policy: the defaults Handover runs with",
    "<!-- Generated by scripts/generate-policy-docs.ts from the code's default objects (itil's defaultPolicy, the rules of every process descriptor, projections' readiness criteria). Do not edit by hand: run `pnpm docs:policy`. -->",
    "An organisation gives `createHandover({ policy })` (or the CLI `--policy <file>`) overrides of these defaults as JSON; a project's `project.start` carries its own overrides on top. Every field is optional: `{ \"rules\": { \"ci_change_authorised\": \"record\" }, \"processes\": { \"incident\": { \"appliesFrom\": \"build\" } }, \"roles\": { \"ana\": [\"project_manager\"] } }`. Readiness criteria are given separately (`createHandover({ criteria })`, CLI `--criteria <file>`).",
    "## Rules and their modes",
    "Each rule is one function, listed in its process's descriptor; a decision calls it on the events a command would append, and the audit replay calls it on every event of a log, with the facts as the log stood. `enforce` refuses the command with the rule's sentence; `record` accepts it, keeps the breach in the event's `meta.recordedBreaches`, and the audit finds it (by replay too). Fixed rules are what a process guarantees by itself; they are always enforced, and judged again on imported history.",
    rulesSection(),
    "## Processes and the phase they apply from",
    "The phase gate judges the event that starts using a process (an incident logged, a change raised, a release planned): before the phase below it breaks the rule `phase_gate`, in the process's mode; a process the policy leaves out (`enabled: false`) is always refused. A project-level change is `project_change`, a solution-level one `solution_change`.",
    processesSection(),
    "## Roles",
    `The roles the rules name: ${ROLES.map(code).join(", ")}. The default policy assigns none (${code(JSON.stringify(defaultPolicy.roles))}): an organisation maps its people to roles in ${code("roles")}, a project's ${code("project.start")} adds its own, the project's manager holds ${code("project_manager")}, and the project grants and revokes roles over time (${code("project.grant_role")}, ${code("project.revoke_role")}, with the ${code("project_roles")} permission; nobody grants a role to themselves). Every step is judged by the roles held when it was taken. CAB votes need ${code("cab_member")}, ECAB votes ${code("ecab_member")}, a release approval ${code("change_manager")}, a sign-off ${code("service_owner")}.`,
    "## Permissions",
    `Every other state-changing step takes a permission, held by the roles below (rule ${code("permission")}; a policy sets its own in ${code("permissions")}, e.g. ${code('{ "permissions": { "baselines": ["configuration_manager", "project_manager"] } }')}). Whoever requested a change may cancel it; a standard change is scheduled by whoever may implement it; a project-level change is implemented by anyone who may request one. Events imported from another tool (their data names a ${code("source")}) are not judged by the project's permissions.`,
    permissionsSection(),
    "## Priority matrix",
    `Matrix ${code(defaultPolicy.priorityMatrix.name)}: priority by impact (rows) and urgency (columns), 1 the highest; priority 1 marks a major incident.`,
    matrixSection(),
    "## Service levels (SLA)",
    slaSection(),
    "## Change policy",
    changeSection(),
    "## CI types",
    `Built in: ${defaultPolicy.ciTypes.map(code).join(", ")}; a policy adds its own in ${code("ciTypes")}.`,
    "## Transition readiness criteria",
    readinessSection(),
  ].join("\n\n")}\n`;
}

process.exitCode = await writeOrCheckGeneratedDoc({
  args: process.argv.slice(2),
  defaultFile: fileURLToPath(new URL("../docs/policy.md", import.meta.url)),
  generated: renderPolicyDocs(),
  staleBecause: "the code's defaults; run `pnpm docs:policy`",
});
