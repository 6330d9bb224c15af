import { isUtf8 } from "node:buffer";

/** Where a file shows it is not text: a NUL byte, or the first byte that is not UTF-8. */
export interface BinaryEvidence {
  readonly kind: "nul" | "not_utf8";
  /** 0-based offset of the byte in the file. */
  readonly offset: number;
}

/** How many continuation bytes a UTF-8 lead byte announces; -1 for a byte that cannot lead. */
function continuationsOf(lead: number): number {
  if (lead < 0x80) return 0;
  if (lead >= 0xc2 && lead <= 0xdf) return 1;
  if (lead >= 0xe0 && lead <= 0xef) return 2;
  if (lead >= 0xf0 && lead <= 0xf4) return 3;
  return -1;
}

/** The offset of the first byte that breaks UTF-8 (overlong forms, surrogates and values past U+10FFFF included), or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let at = 0; at < bytes.length; ) {
    const lead = bytes[at] as number;
    const count = continuationsOf(lead);
    if (count < 0) return at;
    let code = count === 0 ? lead : lead & (0x3f >> count);
    for (let next = 1; next <= count; next++) {
      const byte = bytes[at + next];
      if (byte === undefined || (byte & 0xc0) !== 0x80) return at;
      code = (code << 6) | (byte & 0x3f);
    }
    if ((count === 2 && (code < 0x800 || (code >= 0xd800 && code <= 0xdfff))) || (count === 3 && (code < 0x10000 || code > 0x10ffff))) return at;
    at += count + 1;
  }
  return -1;
}

/** Evidence that the bytes are binary rather than CSV text: a NUL byte, or bytes that are not UTF-8; undefined for text. */
export function binaryEvidence(bytes: Uint8Array): BinaryEvidence | undefined {
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { kind: "nul", offset: nul };
  if (isUtf8(bytes)) return undefined;
  const invalid = firstInvalidUtf8(bytes);
  return { kind: "not_utf8", offset: invalid < 0 ? 0 : invalid };
}
