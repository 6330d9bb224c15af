import type { Draft } from "immer";
import type { ConfigurationEvent } from "./events.js";
import { ciStatusAfter } from "./lifecycle.js";
import { sameRelationship, type CiState } from "./state.js";

/** The immer recipe of a CI: applies one configuration event to a draft, its status from the lifecycle table (`ciStatusAfter`). */
export function evolveCi(draft: Draft<CiState>, event: ConfigurationEvent): void {
  draft.status = ciStatusAfter(draft.status, event);
  switch (event.type) {
    case "configuration.ci_registered":
      draft.ciId = event.data.ciId;
      draft.ciType = event.data.ciType;
      draft.name = event.data.name;
      draft.owner = event.data.owner;
      draft.attributes = { ...event.data.attributes };
      draft.relationships = [];
      return;
    case "configuration.ci_status_changed":
      return;
    case "configuration.attribute_set":
      draft.attributes[event.data.name] = event.data.newValue;
      return;
    case "configuration.attribute_unset":
      delete draft.attributes[event.data.name];
      return;
    case "configuration.owner_transferred":
      draft.owner = event.data.to;
      return;
    case "configuration.relationship_added":
      draft.relationships.push({ ...event.data.relationship });
      return;
    case "configuration.relationship_removed": {
      const removed = event.data.relationship;
      draft.relationships = draft.relationships.filter((kept) => !sameRelationship(kept, removed));
      return;
    }
  }
}
