// Preload (node --import) that writes the URL of every module the process resolves, one a line,
// to the file HANDOVER_TRACE_LOADS names: how the tests see which modules a command loads.
import { register } from "node:module";

const hooks = `
import { appendFileSync } from "node:fs";
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (process.env.HANDOVER_TRACE_LOADS) appendFileSync(process.env.HANDOVER_TRACE_LOADS, resolved.url + "\\n");
  return resolved;
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
