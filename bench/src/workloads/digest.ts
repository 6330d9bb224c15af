import { canonicalJson, sha256Hex } from "@handover/core";

/** A short, order-sensitive fingerprint of plain data (sha256 of its canonical JSON), for comparing variants. */
export function digestOf(value: unknown): string {
  return sha256Hex(canonicalJson(value)).slice(0, 16);
}
