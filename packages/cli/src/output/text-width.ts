import { withoutMarks } from "./terminal-text.js";

/** ANSI escape sequences a terminal draws as nothing: SGR colours and other CSI sequences, and OSC strings (links). */
// eslint-disable-next-line no-control-regex -- matching terminal escape sequences is this pattern's whole purpose
const ESCAPES = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)/g;

/** Code points a terminal draws with no width: combining marks, zero-width joiners and spaces, variation selectors. */
const ZERO_WIDTH = /^(?:[\p{Mn}\p{Me}\u200b-\u200f\u2060-\u2064\ufeff]|\p{Variation_Selector})$/u;

/** East Asian wide and fullwidth ranges, and emoji presentation: drawn two columns wide. */
const WIDE = /^(?:[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\u{20000}-\u{3fffd}]|\p{Emoji_Presentation})$/u;

/** Text with its terminal escape sequences (and this program's marks of them) removed: what the eye sees. */
export function stripEscapes(text: string): string {
  return withoutMarks(text).replace(ESCAPES, "");
}

/** The number of terminal columns text takes: escape sequences count nothing, wide characters two, combining marks none. */
export function visibleWidth(text: string): number {
  let width = 0;
  for (const character of stripEscapes(text)) {
    if (ZERO_WIDTH.test(character)) continue;
    width += WIDE.test(character) ? 2 : 1;
  }
  return width;
}

/** Pads text on the right (or left, for `right` alignment) to a number of visible columns. */
export function padVisible(text: string, width: number, align: "left" | "right" = "left"): string {
  const padding = " ".repeat(Math.max(0, width - visibleWidth(text)));
  return align === "right" ? padding + text : text + padding;
}
