export type { Handover, HandoverOptions } from "./create-handover.js";
export { createHandover } from "./create-handover.js";
export type { ExecuteOptions, ExecuteResult } from "./execute.js";
export type { HandoverError } from "./errors.js";
export type { EngineView, AggregateEntry } from "./engine-view.js";
export type { ReadinessSource, ReadinessQuery } from "./readiness-source.js";
export type { ProcessModule, ProcessSpec, FactsRequest } from "./process-module.js";
export type { ProjectContext } from "./view-queries.js";
export { projectState, projectContext, ciStates, changeStates, scopeOfCi } from "./view-queries.js";
