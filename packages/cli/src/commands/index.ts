import type { CliCommand } from "../command.js";
import { importServiceNowCommand } from "./import-servicenow.js";
import { incidentsCommand } from "./incidents.js";
import { metricsCommand } from "./metrics.js";
import { controlsCommand } from "./controls.js";
import { baselineCommand } from "./baseline.js";
import { cmdbCommand } from "./cmdb.js";
import { diffCommand } from "./diff.js";
import { exportCommand } from "./export.js";
import { findingsCommand } from "./findings.js";
import { graphCommand } from "./graph.js";
import { impactCommand } from "./impact.js";
import { readinessCommand } from "./readiness.js";
import { replayCommand } from "./replay.js";
import { reportCommand } from "./report.js";
import { trailCommand } from "./trail.js";
import { verifyCommand } from "./verify.js";
import { checkpointCommand } from "./checkpoint.js";
import { proveCommand } from "./prove.js";
import { checkProofCommand } from "./check-proof.js";

/** Every command of the `handover` binary; a new command is one file here and one line in this list. */
export const commands: readonly CliCommand[] = [verifyCommand, replayCommand, cmdbCommand, baselineCommand, diffCommand, impactCommand, readinessCommand, graphCommand, findingsCommand, trailCommand, reportCommand, exportCommand, importServiceNowCommand, incidentsCommand, metricsCommand, controlsCommand, checkpointCommand, proveCommand, checkProofCommand];
