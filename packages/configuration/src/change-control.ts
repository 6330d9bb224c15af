import type { DomainError } from "@handover/core";
import { instantInWindow, type ChangeId, type CiId } from "@handover/itil";
import { left, right, type Either } from "fp-ts/lib/Either.js";
import type { ChangeControlBreach, ChangeControlRecord } from "./change-control-record.js";
import { ciLabel, configurationError } from "./errors.js";
import type { ChangeControlFacts } from "./facts.js";

/** What change control is asked to judge: a command on a CI, the change it names, and when it happens. */
export interface ChangeControlSubject {
  readonly ciId: CiId;
  readonly changeId?: ChangeId | undefined;
  readonly at: string;
}

/**
 * Applies the rule "a CI under change control changes only under an authorised change
 * that names it and whose window contains the change time". Not required: the record says
 * so. Satisfied: the record names the change. Not satisfied: refused in enforce mode, and
 * in record mode accepted with the breach in the record, for the audit.
 */
export function checkChangeControl(subject: ChangeControlSubject, facts: ChangeControlFacts): Either<DomainError, ChangeControlRecord> {
  const named = subject.changeId === undefined ? {} : { changeId: subject.changeId };
  if (!facts.required) return right({ required: false, ...named });
  const breach = findBreach(subject, facts);
  if (breach === undefined) return right({ required: true, ...named });
  if (facts.mode === "record") return right({ required: true, ...named, breach });
  const because = facts.because === undefined ? "" : ` (${facts.because})`;
  return left(
    configurationError(
      "change_not_authorised",
      `${ciLabel(subject.ciId)} is under change control${because}: ${breach.message}; name an authorised change that names ${subject.ciId} and whose window contains ${subject.at}`,
      { ciId: subject.ciId, changeId: subject.changeId, reason: breach.reason },
    ),
  );
}

function findBreach(subject: ChangeControlSubject, facts: ChangeControlFacts): ChangeControlBreach | undefined {
  const { changeId, ciId, at } = subject;
  if (changeId === undefined) return { reason: "no_change_named", message: "no change is named" };
  const change = facts.change;
  if (change === undefined || change.changeId !== changeId) return { reason: "change_unknown", message: `change ${changeId} is not known` };
  if (!change.authorised) return { reason: "change_not_authorised", message: `change ${changeId} is not authorised` };
  if (!change.ciIds.includes(ciId)) return { reason: "ci_not_named", message: `change ${changeId} does not name ${ciId}` };
  if (change.window === undefined) return { reason: "no_window", message: `change ${changeId} has no implementation window` };
  if (!instantInWindow(at, change.window)) {
    return { reason: "outside_window", message: `the window of change ${changeId} (${change.window.start} to ${change.window.end}) does not contain ${at}` };
  }
  return undefined;
}
