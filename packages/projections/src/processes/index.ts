import { changeWiring } from "./change.js";
import { configurationWiring } from "./configuration.js";
import { incidentWiring } from "./incident.js";
import { problemWiring } from "./problem.js";
import { projectWiring } from "./project.js";
import { releaseWiring } from "./release.js";

/**
 * The one list of Handover's processes. Routing, the event catalogue, the history's
 * aggregates, readiness, the audit, the engine and the event docs all read it; no other
 * file lists the processes (`pnpm check:processes` fails when one does). Adding a process
 * is one descriptor in its package and one wiring here (docs/concepts.md).
 */
export const PROCESSES = [projectWiring, configurationWiring, changeWiring, incidentWiring, problemWiring, releaseWiring] as const;
