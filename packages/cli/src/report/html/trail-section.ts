import type { RecordedEvent } from "@handover/core";
import { html, type SafeHtml } from "../escape.js";
import { eventAnchor, none, table, when } from "./parts.js";

/** One cited event as a row the pack's links land on: position, business and recorded time, type, stream, actor, and the start of its chain hash. */
function eventRow(event: RecordedEvent): SafeHtml {
  return html`<tr id="${eventAnchor(event.position)}" class="trail-event"><td class="num">@${String(event.position)}</td><td class="when">${when(event.meta.occurredAt)}</td><td class="when">${when(event.recordedAt)}</td><td><code>${event.type}</code></td><td><code>${event.streamId}</code></td><td>${event.meta.actor}</td><td><code title="${event.hash}">${event.hash.slice(0, 16)}…</code></td></tr>`;
}

/**
 * The evidence trail: every event the pack cites (an `@n` anywhere above links here), in
 * log order, so a reader can follow a verdict to the events behind it without the log;
 * `handover trail` and `handover prove <src> <n>` show and prove each of them from the log.
 */
export function trailSection(events: readonly RecordedEvent[]): SafeHtml {
  const body = events.length === 0 ? none("The pack cites no events.") : table(["Position", "When", "Recorded", "Event", "Stream", "Actor", "Hash"], events.map(eventRow), "trail");
  return html`<section id="evidence-trail" class="page"><h2>Evidence trail</h2>
<p>The ${String(events.length)} events this pack cites, in log order. Each <code>@n</code> above links to its row; <code>handover prove &lt;src&gt; n</code> proves one is in the log of the checkpoint on the first page.</p>
${body}</section>`;
}
