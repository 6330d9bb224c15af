import type { RecordedEvent } from "@handover/core";
import type { TransitionReadiness } from "@handover/project";
import type { EngineView } from "./engine-view.js";

/** What a readiness source may read: the engine's view, the whole log, the project and the time of the sign-off. */
export interface ReadinessQuery {
  readonly view: EngineView;
  readonly log: () => AsyncIterable<RecordedEvent>;
  readonly projectId: string;
  readonly at: string;
}

/** How the engine learns whether the project is ready for sign-off. */
export type ReadinessSource = (query: ReadinessQuery) => Promise<TransitionReadiness>;
