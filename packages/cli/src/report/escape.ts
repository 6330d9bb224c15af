/** Text made safe for HTML and inline SVG, in element content and in quoted attributes alike. */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

/** A tagged template that escapes every interpolated value (strings and numbers), and joins arrays of already-built HTML. */
export function html(strings: TemplateStringsArray, ...values: readonly (string | number | SafeHtml | readonly SafeHtml[])[]): SafeHtml {
  let out = strings[0] ?? "";
  values.forEach((value, index) => {
    out += Array.isArray(value) ? value.map((part) => part.html).join("") : value instanceof SafeHtml ? value.html : escapeHtml(String(value));
    out += strings[index + 1] ?? "";
  });
  return new SafeHtml(out);
}

/** HTML that is already escaped: only `html` and `raw` make it, so text can never reach the page unescaped by accident. */
export class SafeHtml {
  constructor(readonly html: string) {}
}

/** Markup written by this program (CSS, an SVG built from escaped parts): trusted as it is. */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}
