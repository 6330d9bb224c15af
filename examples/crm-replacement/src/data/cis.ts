import { people } from "../story/cast.js";

/** A configuration item as the configuration manager registers it. */
export interface CiSpec {
  readonly ciId: string;
  readonly ciType: "application" | "service" | "server" | "database" | "network" | "interface" | "document" | "requirement";
  readonly name: string;
  readonly owner: string;
  readonly attributes: Readonly<Record<string, string | number | boolean>>;
}

const { productOwner, architect, migrationDeveloper, testManager, operationsManager, serviceOwner, iamLead } = people;
const { crmDeveloper, integrationDeveloper, infrastructureLead, dba } = people;

/** The requirements agreed at initiation (REQ-04, marketing consent, comes in by change CHG-001). */
export const requirementCis: readonly CiSpec[] = [
  { ciId: "req-account-mgmt", ciType: "requirement", name: "REQ-01 Account and contact management", owner: productOwner, attributes: { moscow: "must", source: "Sales operations workshop 2025-08-19" } },
  { ciId: "req-opportunity", ciType: "requirement", name: "REQ-02 Opportunity pipeline and forecasting", owner: productOwner, attributes: { moscow: "must", source: "Sales operations workshop 2025-08-19" } },
  { ciId: "req-case-mgmt", ciType: "requirement", name: "REQ-03 Customer service case management with SLA timers", owner: productOwner, attributes: { moscow: "must", source: "Customer service workshop 2025-08-21" } },
  { ciId: "req-reporting", ciType: "requirement", name: "REQ-05 Sales and service reporting", owner: productOwner, attributes: { moscow: "should", source: "Management information review 2025-08-26" } },
  { ciId: "req-data-migration", ciType: "requirement", name: "REQ-06 Migration of legacy CRM data", owner: productOwner, attributes: { moscow: "must", source: "Project brief v1.2" } },
  { ciId: "req-sso", ciType: "requirement", name: "REQ-07 Single sign-on with the corporate identity provider", owner: productOwner, attributes: { moscow: "must", source: "Security architecture principles" } },
  { ciId: "req-telephony", ciType: "requirement", name: "REQ-08 Telephony screen pop for inbound calls", owner: productOwner, attributes: { moscow: "should", source: "Customer service workshop 2025-08-21", integration: "bespoke CTI adapter" } },
];

/** REQ-04, added to the scope by the project-level change CHG-001. */
export const consentRequirement: CiSpec = {
  ciId: "req-marketing-consent",
  ciType: "requirement",
  name: "REQ-04 Marketing consent capture and audit (GDPR)",
  owner: productOwner,
  attributes: { moscow: "must", source: "DPO opinion 2025-09-05" },
};

/** The documents of the solution, written in design and kept through handover. */
export const documentCis: readonly CiSpec[] = [
  { ciId: "doc-solution-design", ciType: "document", name: "Orbit CRM solution architecture document", owner: architect, attributes: { version: "0.3", location: "sharepoint://orbit/design/SAD.docx" } },
  { ciId: "doc-interface-spec", ciType: "document", name: "Interface control document", owner: architect, attributes: { version: "0.2", location: "sharepoint://orbit/design/ICD.docx" } },
  { ciId: "doc-migration-plan", ciType: "document", name: "Data migration and reconciliation plan", owner: migrationDeveloper, attributes: { version: "0.1", location: "sharepoint://orbit/migration/plan.docx" } },
  { ciId: "doc-test-strategy", ciType: "document", name: "Test strategy (system, integration, acceptance)", owner: testManager, attributes: { version: "1.0", location: "sharepoint://orbit/test/strategy.docx" } },
  { ciId: "doc-runbook", ciType: "document", name: "Orbit CRM operations runbook", owner: operationsManager, attributes: { version: "0.1", location: "sharepoint://ops/runbooks/orbit-crm.docx" } },
  { ciId: "doc-support-model", ciType: "document", name: "Support model and service level agreement", owner: operationsManager, attributes: { version: "0.1", location: "sharepoint://ops/sla/orbit-crm.docx" } },
];

/** The business and supporting services. */
export const serviceCis: readonly CiSpec[] = [
  { ciId: "svc-crm", ciType: "service", name: "CRM service (sales and customer service)", owner: serviceOwner, attributes: { criticality: "high", hours: "Mon-Sat 07:00-20:00", users: 640 } },
  { ciId: "svc-sales-reporting", ciType: "service", name: "Sales and service reporting", owner: serviceOwner, attributes: { criticality: "medium", hours: "Mon-Fri 07:00-19:00", users: 85 } },
  { ciId: "svc-identity", ciType: "service", name: "Corporate identity provider (SAML)", owner: iamLead, attributes: { criticality: "high", hours: "24x7", provider: "corporate IAM" } },
];

const server = (ciId: string, name: string, attributes: CiSpec["attributes"]): CiSpec => ({ ciId, ciType: "server", name, owner: infrastructureLead, attributes: { datacentre: "DC-North", ...attributes } });
const database = (ciId: string, name: string, attributes: CiSpec["attributes"]): CiSpec => ({ ciId, ciType: "database", name, owner: dba, attributes: { engine: "PostgreSQL 16.4", ...attributes } });

/** Servers, network and databases, production and test. */
export const infrastructureCis: readonly CiSpec[] = [
  server("srv-app-prod-01", "Application server prod 01", { hostname: "orbapp01.dc-north.local", os: "RHEL 9.4", vcpu: 8, memoryGb: 32, environment: "production" }),
  server("srv-app-prod-02", "Application server prod 02", { hostname: "orbapp02.dc-north.local", os: "RHEL 9.4", vcpu: 8, memoryGb: 32, environment: "production" }),
  server("srv-batch-prod-01", "Batch and integration server prod", { hostname: "orbbat01.dc-north.local", os: "RHEL 9.4", vcpu: 4, memoryGb: 16, environment: "production" }),
  server("srv-db-prod-01", "Database server prod 01 (primary)", { hostname: "orbdb01.dc-north.local", os: "RHEL 9.4", vcpu: 16, memoryGb: 128, environment: "production" }),
  server("srv-db-prod-02", "Database server prod 02 (standby)", { hostname: "orbdb02.dc-north.local", os: "RHEL 9.4", vcpu: 16, memoryGb: 128, environment: "production" }),
  server("srv-app-test-01", "Application server test 01 (system test and UAT)", { hostname: "orbtst01.dc-north.local", os: "RHEL 9.4", vcpu: 8, memoryGb: 32, environment: "test" }),
  server("srv-db-test-01", "Database server test 01", { hostname: "orbtdb01.dc-north.local", os: "RHEL 9.4", vcpu: 8, memoryGb: 64, environment: "test" }),
  { ciId: "net-lb-prod", ciType: "network", name: "Load balancer VIP crm.northwind.example", owner: infrastructureLead, attributes: { vip: "10.40.12.20", ports: "443", tls: "terminated", environment: "production" } },
  { ciId: "net-fw-dmz", ciType: "network", name: "DMZ firewall rule set for Orbit CRM", owner: infrastructureLead, attributes: { ruleset: "FW-ORB-2025", environment: "production" } },
  database("db-crm-prod", "CRM production database", { sizeGb: 420, backup: "nightly full, WAL archived every 5 min", max_connections: 300, environment: "production" }),
  database("db-crm-test", "CRM test database (system test and UAT)", { sizeGb: 380, backup: "weekly full", max_connections: 200, environment: "test" }),
  database("db-reporting", "Reporting mart", { sizeGb: 150, backup: "nightly full", refresh: "nightly 02:00", environment: "production" }),
  database("db-migration-staging", "Migration staging database", { sizeGb: 600, backup: "none (rebuilt per rehearsal)", environment: "test" }),
];

/** The application components. */
export const applicationCis: readonly CiSpec[] = [
  { ciId: "app-crm-web", ciType: "application", name: "Orbit CRM web client", owner: crmDeveloper, attributes: { version: "0.9.0", technology: "TypeScript SPA", vendor: "in-house" } },
  { ciId: "app-crm-api", ciType: "application", name: "Orbit CRM API", owner: crmDeveloper, attributes: { version: "0.9.0", technology: "Java 21, Spring Boot 3.3", workerThreads: 32 } },
  { ciId: "app-crm-batch", ciType: "application", name: "Orbit CRM batch and integration jobs", owner: integrationDeveloper, attributes: { version: "0.9.0", technology: "Java 21, Spring Batch", schedule: "every 15 min and nightly" } },
  { ciId: "app-reporting", ciType: "application", name: "Sales and service reporting workspace", owner: crmDeveloper, attributes: { version: "0.9.0", technology: "BI dashboards" } },
  { ciId: "app-migration", ciType: "application", name: "Legacy CRM data migration toolkit", owner: migrationDeveloper, attributes: { version: "0.4.0", technology: "Python 3.12 ETL", source: "Siebel 8.1 export" } },
];

/** The interfaces to the systems around the CRM. */
export const interfaceCis: readonly CiSpec[] = [
  { ciId: "if-erp-customer", ciType: "interface", name: "ERP customer master sync", owner: integrationDeveloper, attributes: { protocol: "SOAP over HTTPS", direction: "ERP to CRM", frequency: "every 15 min" } },
  { ciId: "if-erp-orders", ciType: "interface", name: "ERP order history feed", owner: integrationDeveloper, attributes: { protocol: "SFTP CSV", direction: "ERP to CRM", frequency: "nightly 01:00" } },
  { ciId: "if-email", ciType: "interface", name: "Email gateway (SMTP relay)", owner: integrationDeveloper, attributes: { protocol: "SMTP with STARTTLS", direction: "CRM to customers" } },
  { ciId: "if-telephony", ciType: "interface", name: "Telephony CTI integration", owner: integrationDeveloper, attributes: { protocol: "bespoke CTI adapter", direction: "both", vendor: "TelcoConnect" } },
  { ciId: "if-sso", ciType: "interface", name: "SAML single sign-on", owner: iamLead, attributes: { protocol: "SAML 2.0", certificateExpires: "2026-01-31" } },
  { ciId: "if-marketing", ciType: "interface", name: "Marketing automation sync (consents and campaigns)", owner: integrationDeveloper, attributes: { protocol: "REST", direction: "both", frequency: "hourly" } },
  { ciId: "if-dwh", ciType: "interface", name: "Data warehouse extract", owner: integrationDeveloper, attributes: { protocol: "database link", direction: "CRM to DWH", frequency: "nightly 03:00" } },
];

/** The CIs registered in build, in the order they are registered. */
export const buildCis: readonly CiSpec[] = [...infrastructureCis, ...applicationCis, ...interfaceCis];
