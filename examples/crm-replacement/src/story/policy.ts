import type { PolicyOverrides } from "@handover/itil";
import { roleAssignments } from "./cast.js";

const weekendAndMidweek = [
  { days: [6], start: "05:00", end: "23:00" },
  { days: [3], start: "20:00", end: "23:00" },
];

/** The production infrastructure that changes only inside the data centre's maintenance windows. */
export const maintainedCis = ["srv-app-prod-01", "srv-app-prod-02", "srv-batch-prod-01", "srv-db-prod-01", "srv-db-prod-02", "db-crm-prod", "net-lb-prod"] as const;

/**
 * The project's policy, recorded in `project.start`: who holds which role; the standard
 * change catalogue; the year-end change freeze and the data centre's maintenance windows;
 * an ECAB of two. Two rules run in record mode, as the steering group decided at kick-off:
 * incidents may be logged before system test (developers log migration defects from the
 * dry runs), and a CI changed without an authorised change is accepted and flagged for
 * the audit rather than blocked. Everything else is enforced.
 */
export const projectPolicy = {
  roles: Object.fromEntries(Object.entries(roleAssignments).map(([person, roles]) => [person, [...roles]])),
  processes: { incident: { mode: "record" } },
  rules: { ci_change_authorised: "record" },
  change: {
    ecabQuorum: 2,
    standardCatalogue: [
      {
        templateId: "std-test-deploy",
        title: "Deploy a tested build to the system test or UAT environment",
        risk: "low",
        implementationPlan: "Pipeline job deploy-test with the build's artefact; smoke test; update the CI's build attribute",
        ciTypes: ["application", "interface"],
      },
      {
        templateId: "std-test-data-refresh",
        title: "Refresh a test database from a masked extract",
        risk: "low",
        implementationPlan: "Restore the masked extract with the refresh runbook; run the masking verification queries",
        ciTypes: ["database"],
      },
      {
        templateId: "std-cert-renewal",
        title: "Renew a TLS certificate before it expires",
        risk: "low",
        implementationPlan: "Issue from the internal CA, install, verify the chain and expiry, update the CI's certificate attributes",
        ciTypes: ["interface", "server"],
      },
      {
        templateId: "std-app-config",
        title: "Change an application parameter or picklist value in the admin console",
        risk: "low",
        implementationPlan: "Change through the admin console with the exported configuration as backup; verify with the requester",
        ciTypes: ["application"],
      },
    ],
  },
  blackouts: [{ start: "2025-12-19T18:00:00Z", end: "2026-01-05T08:00:00Z", reason: "Year-end change freeze (finance close)" }],
  maintenanceWindows: Object.fromEntries(maintainedCis.map((ciId) => [ciId, weekendAndMidweek])),
} satisfies PolicyOverrides;
