import type { Attributes, CiScope, Relationship } from "@handover/configuration";
import type { BaselineCi, BaselineKind, BaselineScope } from "@handover/project";
import type { CiStatus, InverseRelationshipType } from "@handover/itil";

/** Where an event sits in the log: its position, when it occurred and when the log recorded it. */
export interface EventStamp {
  readonly position: number;
  /** `meta.occurredAt`: when it happened in the business. */
  readonly at: string;
  readonly recordedAt: string;
}

/** The last event that changed a CI: where it is, its type and who caused it. */
export interface LastChange extends EventStamp {
  readonly type: string;
  readonly actor: string;
}

/** A relationship seen from its target: the source CI and the inverse name (`crm-db used_by crm-app`). */
export interface InverseRelationship {
  readonly type: InverseRelationshipType;
  readonly ciId: string;
}

/** When and by which production baseline a CI entered production scope. */
export interface ProductionEntry extends EventStamp {
  readonly baseline: string;
}

/** One configuration item as the CMDB shows it. */
export interface CmdbCi {
  readonly ciId: string;
  readonly ciType: string;
  readonly name: string;
  readonly owner: string;
  readonly status: CiStatus;
  readonly attributes: Attributes;
  /** project until a production baseline includes the CI, production from then on. */
  readonly scope: CiScope;
  readonly productionSince: ProductionEntry | null;
  /** The version of the CI's stream (`ci-<id>`) at its last change. */
  readonly version: number;
  /** The relationships stored on this CI (it is their source), in the order they were added. */
  readonly relationships: readonly Relationship[];
  /** The relationships other CIs store towards this one, named from this side. */
  readonly inverses: readonly InverseRelationship[];
  readonly registered: EventStamp;
  readonly lastChange: LastChange;
}

/** A baseline as the log recorded it: the project, its name and kind, the scope asked and the CIs (with stream versions) it resolved to. */
export interface BaselineRecord extends EventStamp {
  readonly projectId: string;
  readonly name: string;
  readonly kind: BaselineKind;
  readonly scope: BaselineScope;
  readonly cis: readonly BaselineCi[];
}

/** The CMDB at a point of the log: every CI, by registration order and by id. */
export interface Cmdb {
  /** The last log position read into it (0 for none). */
  readonly position: number;
  readonly asOf?: string;
  readonly knownAt?: string;
  /** Every CI, in the order they were registered. */
  readonly cis: readonly CmdbCi[];
  readonly byId: ReadonlyMap<string, CmdbCi>;
  /** The baselines taken so far, in log order. */
  readonly baselines: readonly BaselineRecord[];
}
