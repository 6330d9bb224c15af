import type { Variant } from "./types.js";

/** The heap limit of the `-1g` variants: far above what a spilled replay holds live (about 50 MiB at 2M events), low enough that V8 keeps less headroom above it (see `withHeapLimit`). */
const HEAP_LIMIT_MB = 1024;

/**
 * A variant run again under a 1 GiB heap limit (`--max-old-space-size=1024`, as a user sets
 * it in `NODE_OPTIONS`). With the default limit of a machine this size (4 GiB), V8 lets the
 * heap grow to about four times what is live before a full collection; under a limit below
 * 2 GiB it grows by 1.3 to 2 times, so peak RSS follows the live heap rather than the
 * collector's headroom.
 */
export function withHeapLimit(variant: Variant): Variant {
  return { ...variant, id: `${variant.id}-1g`, label: `${variant.label}, Node's heap limited to 1 GiB (NODE_OPTIONS=--max-old-space-size=${HEAP_LIMIT_MB})`, nodeOptions: [`--max-old-space-size=${HEAP_LIMIT_MB}`] };
}
