import { ActorId, ChangeId, CiId, CiType, RelationshipType } from "@handover/itil";
import { z } from "zod";
import { AttributeName, Attributes, AttributeValue } from "./values.js";

/** Fields every CI command carries: the CI it is about, and optionally the change it is made under. */
const onCi = { ciId: CiId, changeId: ChangeId.optional() };

/** Registers a new CI in status planned. */
export const RegisterCi = z.strictObject({
  type: z.literal("ci.register"),
  ...onCi,
  ciType: CiType,
  name: z.string().trim().min(1, "expected a name"),
  owner: ActorId,
  attributes: Attributes.default({}),
});

/** Moves a planned CI into development. */
export const StartCiDevelopment = z.strictObject({ type: z.literal("ci.start_development"), ...onCi });
/** Moves a CI in development into test. */
export const StartCiTest = z.strictObject({ type: z.literal("ci.start_test"), ...onCi });
/** Sends a CI in test back to development. */
export const ReturnCiToDevelopment = z.strictObject({ type: z.literal("ci.return_to_development"), ...onCi });
/** Puts a tested CI into production. */
export const PutCiIntoProduction = z.strictObject({ type: z.literal("ci.put_into_production"), ...onCi });
/** Retires a CI in production. */
export const RetireCi = z.strictObject({ type: z.literal("ci.retire"), ...onCi });
/** Withdraws a CI that will never reach production (planned, in development or in test), with the reason: it leaves service as a retired CI does. */
export const WithdrawCi = z.strictObject({ type: z.literal("ci.withdraw"), ...onCi, reason: z.string().trim().min(1, "expected a reason") });

/** Sets one attribute to a value. */
export const SetCiAttribute = z.strictObject({ type: z.literal("ci.set_attribute"), ...onCi, name: AttributeName, value: AttributeValue });
/** Removes one attribute. */
export const UnsetCiAttribute = z.strictObject({ type: z.literal("ci.unset_attribute"), ...onCi, name: AttributeName });
/** Hands the CI to a new owner. */
export const TransferCiOwner = z.strictObject({ type: z.literal("ci.transfer_owner"), ...onCi, owner: ActorId });

/** Relates this CI (the source) to a target CI; stored on the source, the inverse is derived. */
export const AddCiRelationship = z.strictObject({ type: z.literal("ci.add_relationship"), ...onCi, relationship: RelationshipType, targetCiId: CiId });
/** Removes a relationship stored on this CI. */
export const RemoveCiRelationship = z.strictObject({ type: z.literal("ci.remove_relationship"), ...onCi, relationship: RelationshipType, targetCiId: CiId });

/** Every command of configuration management, one union on `type`, routed on `ciId`. */
export const ConfigurationCommand = z.discriminatedUnion("type", [
  RegisterCi,
  StartCiDevelopment,
  StartCiTest,
  ReturnCiToDevelopment,
  PutCiIntoProduction,
  RetireCi,
  WithdrawCi,
  SetCiAttribute,
  UnsetCiAttribute,
  TransferCiOwner,
  AddCiRelationship,
  RemoveCiRelationship,
]);
/** A command of configuration management, as parsed. */
export type ConfigurationCommand = z.output<typeof ConfigurationCommand>;
/** A command's `type`. */
export type ConfigurationCommandType = ConfigurationCommand["type"];
/** The command of a given type. */
export type ConfigurationCommandOf<T extends ConfigurationCommandType> = Extract<ConfigurationCommand, { type: T }>;

/** The stream of a CI: `ci-<ciId>`. */
export function streamIdOfCi(ciId: string): string {
  return `ci-${ciId}`;
}

/** The conventional name of `streamIdOfCi` (`streamIdOf<Process>`), for generic wiring. */
export const streamIdOfConfiguration = streamIdOfCi;
