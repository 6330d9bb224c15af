// Writes docs/events.md, the event catalogue, from the one list of processes: every process's
// event schemas, its lifecycle tables (core's lifecycleTable), state groups, facts and rules. Run with
// `pnpm docs:events`; `--check` exits 1 when the file differs from what it would write
// (`--file <path>` names another file, for tests).
import { fileURLToPath } from "node:url";
import { writeOrCheckGeneratedDoc } from "./generated-doc.js";
import { lifecycleTable, type EventDefinition } from "../packages/core/src/index.js";
import { WIRED, type AnyWiring } from "../packages/projections/src/index.js";

/** The part of a JSON Schema (draft 2020-12, as zod writes it) the catalogue reads. */
interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly additionalProperties?: JsonSchema | boolean;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly anyOf?: readonly JsonSchema[];
  readonly oneOf?: readonly JsonSchema[];
  readonly format?: string;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly minLength?: number;
  readonly minItems?: number;
  readonly description?: string;
  readonly $ref?: string;
  readonly $defs?: Readonly<Record<string, JsonSchema>>;
}

/** One field of an event's data, flattened: `changeControl.required`, `cis[].ciId`. */
interface Field {
  readonly path: string;
  readonly type: string;
  readonly required: boolean;
  readonly description: string;
}

const cell = (text: string): string => text.replace(/\|/g, "\\|").replace(/\r?\n/g, " ");
const literal = (value: unknown): string => (typeof value === "string" ? `"${value}"` : JSON.stringify(value));

function resolve(schema: JsonSchema, root: JsonSchema): JsonSchema {
  const name = schema.$ref?.replace(/^#\/\$defs\//, "");
  return name === undefined ? schema : (root.$defs?.[name] ?? schema);
}

function variantsOf(schema: JsonSchema): readonly JsonSchema[] | undefined {
  return schema.anyOf ?? schema.oneOf;
}

type Describe = (schema: JsonSchema, root: JsonSchema, inner: ReadonlySet<string>) => string;

const describeUnion: Describe = (schema, root, inner) => {
  const variants = variantsOf(schema) ?? [];
  const key = discriminatorOf(variants, root);
  if (key !== undefined) return `object, by \`${key}\`: ${variants.map((variant) => literal(resolve(variant, root).properties?.[key]?.const)).join(", ")}`;
  return [...new Set(variants.map((variant) => typeOf(variant, root, inner)))].join(" or ");
};

const bound = (value: number | undefined, sign: string): string => (value === undefined || Math.abs(value) === Number.MAX_SAFE_INTEGER ? "" : `${sign} ${value}`);

const describeNumber: Describe = (schema) => {
  const bounds = [bound(schema.minimum, "≥"), bound(schema.maximum, "≤")].filter((text) => text !== "").join(", ");
  return bounds === "" ? String(schema.type) : `${String(schema.type)} ${bounds}`;
};

const DESCRIBE_TYPE: Readonly<Record<string, Describe>> = {
  array: (schema, root, inner) => `array of ${schema.items === undefined ? "anything" : typeOf(schema.items, root, inner)}${schema.minItems === undefined ? "" : ` (at least ${schema.minItems})`}`,
  object: (schema, root, inner) => (schema.properties === undefined && typeof schema.additionalProperties === "object" ? `record of ${typeOf(schema.additionalProperties, root, inner)}` : "object"),
  string: (schema) => (schema.format !== undefined ? `string (${schema.format})` : `string${schema.pattern === undefined ? "" : ` matching \`${schema.pattern}\``}`),
  integer: describeNumber,
  number: describeNumber,
};

function enumText(values: readonly unknown[]): string {
  return values.length === 1 ? literal(values[0]) : `${values.slice(0, -1).map(literal).join(", ")} or ${literal(values.at(-1))}`;
}

/** A field's type in words: `string (date-time)`, `integer ≥ 0`, `"low", "medium" or "high"`, `array of string`; a type that contains itself is a `JSON value` inside. */
function typeOf(given: JsonSchema, root: JsonSchema, expanding: ReadonlySet<string> = new Set()): string {
  if (given.$ref !== undefined && expanding.has(given.$ref)) return "JSON value";
  const inner = given.$ref === undefined ? expanding : new Set([...expanding, given.$ref]);
  const schema = resolve(given, root);
  if (schema.const !== undefined) return literal(schema.const);
  if (schema.enum !== undefined) return enumText(schema.enum);
  if (variantsOf(schema) !== undefined) return describeUnion(schema, root, inner);
  const type = Array.isArray(schema.type) ? schema.type.join(" or ") : (schema.type as string | undefined);
  const describe = type === undefined ? undefined : DESCRIBE_TYPE[type];
  return describe === undefined ? (type ?? "any JSON value") : describe(schema, root, inner);
}

/** The discriminator of a union of objects: the property every variant holds as a constant. */
function discriminatorOf(variants: readonly JsonSchema[], root: JsonSchema): string | undefined {
  const objects = variants.map((variant) => resolve(variant, root));
  const first = objects[0]?.properties ?? {};
  return Object.keys(first).find((key) => objects.every((variant) => variant.properties?.[key]?.const !== undefined));
}

/** Every field of an object schema, nested objects and arrays of objects flattened with dotted paths. */
function fieldsOf(given: JsonSchema, root: JsonSchema, prefix = "", note = ""): Field[] {
  const schema = resolve(given, root);
  if (prefix.split(".").length > 5) return [];
  const fields: Field[] = [];
  for (const [name, property] of Object.entries(schema.properties ?? {})) {
    const path = `${prefix}${name}`;
    const required = (schema.required ?? []).includes(name);
    const target = resolve(property, root);
    const description = [note, target.description ?? property.description ?? ""].filter((part) => part !== "").join("; ");
    fields.push({ path, type: typeOf(property, root), required, description });
    fields.push(...nestedFields(target, root, path));
  }
  return fields;
}

function nestedFields(schema: JsonSchema, root: JsonSchema, path: string): Field[] {
  if (schema.properties !== undefined) return fieldsOf(schema, root, `${path}.`);
  const items = schema.items === undefined ? undefined : resolve(schema.items, root);
  if (items?.properties !== undefined) return fieldsOf(items, root, `${path}[].`);
  const variants = variantsOf(schema);
  const key = variants === undefined ? undefined : discriminatorOf(variants, root);
  if (variants === undefined || key === undefined) return [];
  return variants.flatMap((variant) => {
    const resolved = resolve(variant, root);
    const when = `when ${key} is ${literal(resolved.properties?.[key]?.const)}`;
    return fieldsOf({ ...resolved, properties: Object.fromEntries(Object.entries(resolved.properties ?? {}).filter(([name]) => name !== key)) }, root, `${path}.`, when);
  });
}

function eventSection(definition: EventDefinition): string {
  const root = definition.schema.toJSONSchema({ unrepresentable: "any", io: "output" }) as JsonSchema;
  const rows = fieldsOf(root, root).map((field) => `| \`${field.path}\` | ${cell(field.type)} | ${field.required ? "yes" : "no"} | ${cell(field.description)} |`);
  const upcasts = definition.schemaVersion > 1 ? ` Older versions (1 to ${definition.schemaVersion - 1}) are upcast on read.` : "";
  const table = ["| field | type | required | description |", "|---|---|---|---|", ...rows].join("\n");
  return [`### \`${definition.type}\``, `Schema version ${definition.schemaVersion}.${upcasts} ${definition.description}`.trim(), table].join("\n\n");
}

/** What a process's descriptor says besides its events: its state groups, the facts it reads from the other processes, and its rules. */
function descriptorSection({ descriptor }: AnyWiring): string {
  const groups = Object.entries(descriptor.groups).map(([group, states]) => `${group}: ${(states as readonly string[]).join(", ")}`);
  const facts = Object.entries(descriptor.facts).map(([name, what]) => `- \`${name}\`: ${what}`);
  const rules = descriptor.rules.map((rule) => `- \`${rule.name}\` (${rule.judges === undefined ? "every event" : rule.judges.map((type) => `\`${type}\``).join(", ")}): ${rule.summary}`);
  return [
    `State groups: ${groups.join("; ")}.`,
    facts.length === 0 ? "Facts from other processes: none." : `Facts from other processes:\n\n${facts.join("\n")}`,
    `Rules (each judges the events named, in a decision and in the audit replay alike; docs/policy.md gives their modes):\n\n${rules.join("\n")}`,
  ].join("\n\n");
}

function processSection(wiring: AnyWiring): string {
  const { descriptor } = wiring;
  const definitions = [...descriptor.catalogue.definitions.values()];
  const lifecycles = descriptor.lifecycles.map(({ name, table }) => `### Lifecycle: ${name}\n\n${lifecycleTable(table)}`);
  const streams = `${descriptor.streamPrefix}-<${descriptor.idField}>`;
  const header = `Process \`${descriptor.name}\`. Commands: \`${descriptor.commandPrefix}.*\`. Stream: \`${streams}\`. ${definitions.length} event types.`;
  return [`## ${descriptor.title}`, header, descriptorSection(wiring), ...lifecycles, ...definitions.map(eventSection)].join("\n\n");
}

function anchor(type: string): string {
  return type.replace(/[^a-z0-9_ -]/g, "");
}

/** The whole catalogue as Markdown: an index of every event type, then per process its lifecycles and its events' fields. */
export function renderEventCatalogue(): string {
  const index = WIRED.flatMap(({ descriptor }) =>
    [...descriptor.catalogue.definitions.values()].map((definition) => `| [\`${definition.type}\`](#${anchor(definition.type)}) | ${descriptor.title} | ${definition.schemaVersion} | ${cell(definition.description)} |`),
  );
  const intro = [
    "# Event catalogue",
    "<!-- Generated by scripts/generate-event-docs.ts from the one list of processes (packages/projections/src/processes/index.ts): each descriptor's catalogue, lifecycles, facts and rules. Do not edit by hand: run `pnpm docs:events`. -->",
    "Every event a Handover log may hold, by process: its type, schema version, what it records, and the fields of its `data` (from the event's zod schema). Every event's data carries `at` (the business time, ISO-8601 UTC) and `by` (the actor). A field is required when it must be present whenever the object holding it is; nested fields are written with dotted paths (`cis[].ciId` is a field of each item of `cis`). The envelope around the data (position, stream, version, hashes, `meta`) is described in `docs/concepts.md`; a rule broken in record mode is kept in the event's `meta.recordedBreaches` (`{ rule, message }`). Each process's lifecycle table is the one its decider consults: for each state, the commands it accepts and the state each leads to.",
    "| event | process | schema version | what it records |",
    "|---|---|---|---|",
  ];
  return `${[intro.slice(0, 3).join("\n\n"), [...intro.slice(3), ...index].join("\n"), ...WIRED.map(processSection)].join("\n\n")}\n`;
}

process.exitCode = await writeOrCheckGeneratedDoc({
  args: process.argv.slice(2),
  defaultFile: fileURLToPath(new URL("../docs/events.md", import.meta.url)),
  generated: renderEventCatalogue(),
  staleBecause: "the event schemas; run `pnpm docs:events`",
});
