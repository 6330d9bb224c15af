import { z } from "zod";

/** The phases of a project, in order. */
export const PROJECT_PHASES = [
  "initiation",
  "design",
  "build",
  "system_test",
  "acceptance_test",
  "deployment",
  "early_life_support",
  "closed",
] as const;
/** A project phase. */
export const ProjectPhase = z.enum(PROJECT_PHASES);
/** A project phase. */
export type ProjectPhase = z.infer<typeof ProjectPhase>;

/** The 0-based order of a phase. */
export function phaseIndex(phase: ProjectPhase): number {
  return PROJECT_PHASES.indexOf(phase);
}

/** True when `current` is `from` or a later phase. */
export function isPhaseAtOrAfter(current: ProjectPhase, from: ProjectPhase): boolean {
  return phaseIndex(current) >= phaseIndex(from);
}
