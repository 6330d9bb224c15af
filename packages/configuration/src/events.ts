import { createEventCatalogue, defineEvent, type EventOf } from "@handover/core";
import { ActorId, CiId, CiStatus, CiType } from "@handover/itil";
import { z } from "zod";
import { ChangeControlRecord } from "./change-control-record.js";
import { Actor, AttributeName, Attributes, AttributeValue, BusinessTime, Relationship } from "./values.js";

/** What every configuration event carries: the CI, when and by whom, and how change control saw it. */
const common = { ciId: CiId, at: BusinessTime, by: Actor, changeControl: ChangeControlRecord };

/** The definitions of configuration management's events, by short name. */
export const configurationEvents = {
  ciRegistered: defineEvent(
    "configuration.ci_registered",
    z.object({ ...common, ciType: CiType, name: z.string().min(1), owner: ActorId, attributes: Attributes }),
    { description: "A CI was registered in status planned, with its type, name, owner and first attributes." },
  ),
  ciStatusChanged: defineEvent(
    "configuration.ci_status_changed",
    z.object({ ...common, from: CiStatus, to: CiStatus, reason: z.string().min(1).optional() }),
    { description: "A CI moved along its status lifecycle; a CI withdrawn before production (to retired) carries the reason." },
  ),
  attributeSet: defineEvent(
    "configuration.attribute_set",
    z.object({ ...common, name: AttributeName, oldValue: AttributeValue.optional(), newValue: AttributeValue }),
    { description: "An attribute was set; oldValue is absent when the attribute had no value before." },
  ),
  attributeUnset: defineEvent(
    "configuration.attribute_unset",
    z.object({ ...common, name: AttributeName, oldValue: AttributeValue }),
    { description: "An attribute was removed; oldValue is the value it had." },
  ),
  ownerTransferred: defineEvent(
    "configuration.owner_transferred",
    z.object({ ...common, from: ActorId, to: ActorId }),
    { description: "The CI was handed from one owner to another." },
  ),
  relationshipAdded: defineEvent(
    "configuration.relationship_added",
    z.object({ ...common, relationship: Relationship }),
    { description: "A relationship was stored on its source CI; the target's inverse is derived." },
  ),
  relationshipRemoved: defineEvent(
    "configuration.relationship_removed",
    z.object({ ...common, relationship: Relationship }),
    { description: "A relationship was removed from its source CI." },
  ),
} as const;

/** The catalogue of configuration management's events, for stores and the engine. */
export const configurationCatalogue = createEventCatalogue(Object.values(configurationEvents));

/** An event of configuration management. */
export type ConfigurationEvent = EventOf<(typeof configurationEvents)[keyof typeof configurationEvents]>;
/** An event's `type`. */
export type ConfigurationEventType = ConfigurationEvent["type"];
/** The event of a given type. */
export type ConfigurationEventOf<T extends ConfigurationEventType> = Extract<ConfigurationEvent, { type: T }>;
