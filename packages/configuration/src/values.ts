import { CiId, RelationshipType } from "@handover/itil";
import { z } from "zod";

/** An attribute name: a letter first, then letters, digits, `_`, `-` or `.` (never `__proto__`). */
export const AttributeName = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{0,99}$/, "expected an attribute name such as os.version: a letter, then letters, digits, _, - or .");
/** An attribute name. */
export type AttributeName = z.infer<typeof AttributeName>;

/** An attribute value: any JSON value (a string, number, boolean, null, list or object of them). */
export const AttributeValue = z.json();
/** An attribute value. */
export type AttributeValue = z.infer<typeof AttributeValue>;

/** A CI's attributes by name. */
export const Attributes = z.record(AttributeName, AttributeValue);
/** A CI's attributes by name. */
export type Attributes = Readonly<Record<string, AttributeValue>>;

/** A relationship as stored on its source CI: its type (the source's side of the pair) and the target CI. */
export const Relationship = z.object({ type: RelationshipType, targetCiId: CiId });
/** A relationship as stored on its source CI. */
export type Relationship = Readonly<z.infer<typeof Relationship>>;

/** Business time and actor are shared vocabulary: every process accepts the same forms (itil). */
export { BusinessTime, Actor } from "@handover/itil";
