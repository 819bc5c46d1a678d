// How the roll-up writes a unit's key figures in words: a rate that may be missing, and the ISO system's state.
import { formatPercent } from "../../lib/format";
import { rollup as t } from "../../lib/strings";

/** A rate as a percentage, or the words for "no rate" when there is nothing to divide. */
export const rate = (r: number | null) => (r === null ? t.noRate : formatPercent(r));

/** Whether the unit runs an ISO 9001 system and has announced it. */
export function isoText(inUse: boolean, announced: boolean): string {
  if (!inUse) return t.isoNone;
  return announced ? t.isoAnnounced : t.isoNotAnnounced;
}
