import type { EventMeta } from "@handover/core";
import { generateScripts, metaOf } from "../generate/streams.js";
import type { Size } from "../harness/size.js";
import type { ScriptedCommand } from "../process/index.js";

/** One command to handle: its stream, the scripted command with its facts, and the meta of its events. */
export interface CommandEntry {
  readonly streamId: string;
  readonly scripted: ScriptedCommand;
  readonly meta: EventMeta;
}

/** W1's input: every stream's commands, round robin (command 1 of every stream, then command 2, ...). */
export function commandEntries(size: Size, seed: number): { readonly streamIds: string[]; readonly entries: CommandEntry[] } {
  const scripts = generateScripts(size, seed);
  const entries: CommandEntry[] = [];
  for (let step = 0; step < size.perStream; step++) {
    for (const { streamId, commands } of scripts) {
      const scripted = commands[step];
      if (scripted !== undefined) entries.push({ streamId, scripted, meta: metaOf(scripted, streamId, step) });
    }
  }
  return { streamIds: scripts.map((script) => script.streamId), entries };
}
