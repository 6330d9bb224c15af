import type { ProcessModule } from "../process-module.js";
import type { ReadinessSource } from "../readiness-source.js";
import { changeProcess } from "./change.js";
import { configurationProcess } from "./configuration.js";
import { incidentProcess } from "./incident.js";
import { problemProcess } from "./problem.js";
import { projectProcess } from "./project.js";
import { releaseProcess } from "./release.js";

/** Every process the engine wires, in routing order. */
export function defaultProcesses(readiness: ReadinessSource): readonly ProcessModule[] {
  return [projectProcess(readiness), configurationProcess, changeProcess, releaseProcess, incidentProcess, problemProcess];
}
