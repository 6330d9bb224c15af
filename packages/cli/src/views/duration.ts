/** The one unit a duration is shown in, by the CLI's tables and by the handover pack alike: hours. */
export const DURATION_UNIT = "h";

/** A duration given in minutes, as a person reads it: hours with one decimal and the unit printed (`16.6 h`), or `-` for none. */
export function durationText(minutes: number | null): string {
  return minutes === null ? "-" : `${(minutes / 60).toFixed(1)} ${DURATION_UNIT}`;
}
