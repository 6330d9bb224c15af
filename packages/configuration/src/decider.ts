import type { Decider } from "@handover/core";
import type { ConfigurationCommand } from "./commands.js";
import { decideCi } from "./decide.js";
import type { ConfigurationEvent } from "./events.js";
import { evolveCi } from "./evolve.js";
import type { ConfigurationFacts } from "./facts.js";
import { initialCiState, type CiState } from "./state.js";

/** Configuration management as a decider: one configuration item per stream (`ci-<ciId>`). */
export const configurationDecider: Decider<ConfigurationCommand, CiState, ConfigurationEvent, ConfigurationFacts> = {
  initialState: initialCiState,
  decide: decideCi,
  evolve: evolveCi,
};
