import type { Role } from "@handover/itil";

/** The people of the Orbit CRM project, by the id the log records them under. */
export const people = {
  projectManager: "anna.kowalski",
  configurationManager: "ben.osei",
  changeManager: "carla.mendes",
  releaseManager: "farah.haddad",
  infrastructureLead: "gita.rao",
  securityOfficer: "hugo.lind",
  operationsManager: "ines.alves",
  salesOpsLead: "jonas.weber",
  serviceOwner: "kate.morgan",
  testManager: "liam.byrne",
  problemManager: "priya.nair",
  systemTester: "maya.chen",
  integrationTester: "nils.berg",
  salesUatTester: "wendy.fox",
  serviceUatTester: "yusuf.demir",
  serviceDesk: "olga.ivanova",
  crmDeveloper: "raj.singh",
  migrationDeveloper: "sara.kim",
  integrationDeveloper: "tom.evans",
  dba: "victor.hale",
  productOwner: "zoe.adams",
  architect: "eva.lund",
  iamLead: "omar.said",
} as const;

/** A person of the project. */
export type Person = (typeof people)[keyof typeof people];

/**
 * The roles the project's policy assigns. The product owner is a stakeholder: she requests
 * and carries out changes to requirements, but holds no board role, so her attempt to approve
 * is what the rules catch. The DBA holds none until the project manager grants him
 * `developer` for the build (an event of the log); his later change to a CI outside change
 * control is what the rules catch.
 */
export const roleAssignments: Readonly<Record<Person, readonly Role[]>> = {
  "anna.kowalski": ["project_manager"],
  "ben.osei": ["configuration_manager"],
  "carla.mendes": ["change_manager"],
  "farah.haddad": ["release_manager"],
  "gita.rao": ["cab_member", "ecab_member", "developer"],
  "hugo.lind": ["cab_member"],
  "ines.alves": ["cab_member", "ecab_member"],
  "jonas.weber": ["cab_member"],
  "kate.morgan": ["service_owner"],
  "liam.byrne": ["incident_manager", "tester"],
  "priya.nair": ["problem_manager"],
  "maya.chen": ["tester"],
  "nils.berg": ["tester"],
  "wendy.fox": ["tester"],
  "yusuf.demir": ["tester"],
  "olga.ivanova": ["service_desk"],
  "raj.singh": ["developer"],
  "sara.kim": ["developer"],
  "tom.evans": ["developer"],
  "victor.hale": [],
  "zoe.adams": ["stakeholder"],
  "eva.lund": ["developer"],
  "omar.said": ["developer"],
};

/** The resolver groups incidents are assigned to. */
export const groups = {
  crmDevelopment: "CRM Development",
  integration: "Integration",
  migration: "Data Migration",
  database: "Database Administration",
  infrastructure: "Infrastructure",
  reporting: "Reporting & BI",
  identity: "Identity & Access",
  telephonyVendor: "Vendor: TelcoConnect",
} as const;
