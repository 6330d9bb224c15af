import { canonicalEnvelope, hashEvent, sha256Hex, type UnhashedEvent } from "@handover/core";
import { appendEntries } from "./append-input.js";
import { handoverAppend } from "./append.js";
import { chainIntoMap } from "./floor-chain.js";
import type { Variant, Workload } from "./types.js";

/** The unhashed envelopes of the floor's chain, in log order (built untimed). */
function unhashedChain(size: Parameters<Variant["setup"]>[0], seed: number): UnhashedEvent[] {
  const chain = chainIntoMap(appendEntries(size, seed));
  const all = [...chain.streams.values()].flat().sort((a, b) => a.position - b.position);
  return all.map(({ hash: _hash, ...unhashed }) => unhashed as UnhashedEvent);
}

/** Issue 2: the whole append path in absolute events/s, next to what hashing alone costs. */
export const appendPathWorkload: Workload = {
  id: "append-path",
  title: "append path: absolute events/s next to hashing alone",
  unit: "events",
  fullSize: { streams: 2_000, perStream: 100 },
  variants: [
    handoverAppend,
    {
      id: "canonical-sha256",
      label: "canonical JSON + sha256 of each envelope",
      setup: async (size, seed) => {
        const envelopes = unhashedChain(size, seed);
        return async () => {
          let last = "";
          for (const envelope of envelopes) last = hashEvent(envelope);
          return { operations: envelopes.length, summarise: () => `${envelopes.length} ${last}` };
        };
      },
    },
    {
      id: "sha256",
      label: "sha256 alone of the same texts",
      setup: async (size, seed) => {
        const texts = unhashedChain(size, seed).map((envelope) => envelope.prevHash + canonicalEnvelope(envelope));
        return async () => {
          let last = "";
          for (const text of texts) last = sha256Hex(text);
          return { operations: texts.length, summarise: () => `${texts.length} ${last}` };
        };
      },
    },
  ],
  comparisons: [
    { subject: "handover", baseline: "canonical-sha256" },
    { subject: "canonical-sha256", baseline: "sha256" },
  ],
  absoluteTargets: [{ variant: "handover", atLeast: 150_000 }],
  note: "sha256 alone hashes precomputed texts; canonical + sha256 serialises precomputed envelopes; all three end on the same head hash.",
};
