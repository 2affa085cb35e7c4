// The generic form's model: command schemas from the API's OpenAPI document (`/docs-json`),
// resolved ($ref, allOf) into plain JSON schemas; form values built from them and cleaned into the
// body the API expects; the API's field paths (`members[0].name`) matched to inputs.

import { witaLocalToIso } from './calendar.js';

export type Schema = {
  $ref?: string;
  type?: string;
  format?: string;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  allOf?: Schema[];
  oneOf?: Schema[];
  anyOf?: Schema[];
  additionalProperties?: boolean | Schema;
  description?: string;
  title?: string;
  example?: unknown;
  default?: unknown;
  nullable?: boolean;
  minItems?: number;
  maxItems?: number;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
};

export type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  'x-jejak-roles'?: Record<string, string[]>;
  'x-jejak-states'?: Record<string, string[]>;
  'x-jejak-rules'?: Record<string, { id: string; citation: string }[]>;
};

export type OpenApiDocument = {
  paths: Record<string, Record<string, Operation | undefined> | undefined>;
  components?: { schemas?: Record<string, Schema> };
};

export type Path = readonly (string | number)[];
export type FormValue = unknown;

const REF_PREFIX = '#/components/schemas/';

export function refName(ref: string): string {
  return ref.startsWith(REF_PREFIX) ? ref.slice(REF_PREFIX.length) : ref;
}

/** Follows `$ref` and merges `allOf` (recursively, properties and required united). */
export function resolveSchema(
  schema: Schema | undefined,
  doc: OpenApiDocument,
  depth = 0,
): Schema {
  if (schema === undefined) return {};
  if (depth > 32) throw new Error('schema nesting too deep (a cycle?)');
  if (schema.$ref !== undefined) {
    const { $ref, ...rest } = schema;
    const target = doc.components?.schemas?.[refName($ref)];
    if (target === undefined) throw new Error(`unknown schema ${$ref}`);
    return resolveSchema({ ...resolveSchema(target, doc, depth + 1), ...rest }, doc, depth + 1);
  }
  if (schema.allOf !== undefined) {
    const { allOf, ...rest } = schema;
    return [...allOf.map((part) => resolveSchema(part, doc, depth + 1)), rest].reduce<Schema>(
      (merged, part) => ({
        ...merged,
        ...part,
        ...(merged.properties || part.properties
          ? { properties: { ...merged.properties, ...part.properties } }
          : {}),
        ...(merged.required || part.required
          ? { required: [...new Set([...(merged.required ?? []), ...(part.required ?? [])])] }
          : {}),
      }),
      {},
    );
  }
  const resolved: Schema = { ...schema };
  if (schema.properties) {
    resolved.properties = Object.fromEntries(
      Object.entries(schema.properties).map(([name, prop]) => [
        name,
        resolveSchema(prop, doc, depth + 1),
      ]),
    );
  }
  if (schema.items) resolved.items = resolveSchema(schema.items, doc, depth + 1);
  if (typeof schema.additionalProperties === 'object') {
    resolved.additionalProperties = resolveSchema(schema.additionalProperties, doc, depth + 1);
  }
  return resolved;
}

export type CommandDoc = {
  type: string;
  schema: Schema;
  roles: string[];
  states: string[];
  rules: { id: string; citation: string }[];
  description?: string;
};

const COMMAND_PATH = /^\/selections\/\{id\}\/commands\/([A-Za-z]+)$/;

/** Every command the document lists, by type. */
export function commandTypes(doc: OpenApiDocument): string[] {
  return Object.keys(doc.paths)
    .map((path) => COMMAND_PATH.exec(path)?.[1])
    .filter((type): type is string => type !== undefined);
}

function jsonSchemaOf(operation: Operation | undefined): Schema | undefined {
  return operation?.requestBody?.content?.['application/json']?.schema;
}

/**
 * The variant of a `oneOf` for a procedure kind: the documented kinds are listed in the same
 * order as the variants; else the variant whose kind enum names it; else a schema name that
 * starts like the kind (`Jptp...` for `jptp-open-selection`).
 */
export function variantFor(
  oneOf: Schema[],
  kind: string,
  kinds: string[],
  doc: OpenApiDocument,
): Schema | undefined {
  if (oneOf.length === 1) return oneOf[0];
  if (kinds.length === oneOf.length && kinds.includes(kind)) return oneOf[kinds.indexOf(kind)];
  const byEnum = oneOf.find((variant) => {
    const values = resolveSchema(variant, doc).properties?.['kind']?.enum;
    return values?.includes(kind) === true;
  });
  if (byEnum) return byEnum;
  const prefix = (kind.split('-')[0] ?? kind).toLowerCase();
  return oneOf.find((variant) => refName(variant.$ref ?? '').toLowerCase().startsWith(prefix));
}

/** A command's body schema for a selection of `kind`, with its roles, states and rules. */
export function commandDoc(
  doc: OpenApiDocument,
  type: string,
  kind: string,
): CommandDoc | undefined {
  const operation = doc.paths[`/selections/{id}/commands/${type}`]?.post;
  const raw = jsonSchemaOf(operation);
  if (!operation || !raw) return undefined;
  const kinds = Object.keys(operation['x-jejak-roles'] ?? {});
  const chosen = raw.oneOf ? variantFor(raw.oneOf, kind, kinds, doc) : raw;
  if (!chosen) return undefined;
  return {
    type,
    schema: resolveSchema(chosen, doc),
    roles: operation['x-jejak-roles']?.[kind] ?? [],
    states: operation['x-jejak-states']?.[kind] ?? [],
    rules: operation['x-jejak-rules']?.[kind] ?? [],
    ...(operation.description ? { description: operation.description } : {}),
  };
}

/** The kinds `POST /selections` accepts and the body schema of each (without `kind`). */
export function openSelectionDocs(doc: OpenApiDocument): { kind: string; schema: Schema }[] {
  const raw = jsonSchemaOf(doc.paths['/selections']?.post);
  if (!raw) return [];
  const variants = raw.oneOf ?? [raw];
  return variants.flatMap((variant) => {
    const schema = resolveSchema(variant, doc);
    const kinds = schema.properties?.['kind']?.enum ?? [];
    const { kind: _kind, ...properties } = schema.properties ?? {};
    return kinds.map((kind) => ({
      kind: String(kind),
      schema: {
        ...schema,
        properties,
        required: (schema.required ?? []).filter((name) => name !== 'kind'),
      },
    }));
  });
}

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'date'
  | 'datetime'
  | 'number'
  | 'integer'
  | 'boolean'
  | 'select'
  | 'object'
  | 'array'
  | 'json';

const LONG_TEXT = /reason|subject|notes|description|alasan/i;

/** How one schema is edited. */
export function fieldKind(schema: Schema, name = ''): FieldKind {
  if (schema.enum !== undefined && schema.enum.length > 0) return 'select';
  if (schema.oneOf || schema.anyOf) return 'json';
  switch (schema.type) {
    case 'string':
      if (schema.format === 'date') return 'date';
      if (schema.format === 'date-time') return 'datetime';
      return (schema.maxLength ?? 0) > 300 || LONG_TEXT.test(name) ? 'textarea' : 'text';
    case 'number':
      return 'number';
    case 'integer':
      return 'integer';
    case 'boolean':
      return 'boolean';
    case 'array':
      return schema.items ? 'array' : 'json';
    case 'object':
      return schema.properties && Object.keys(schema.properties).length > 0 ? 'object' : 'json';
    default:
      return schema.properties ? 'object' : 'json';
  }
}

/** The value a new form (or a new list item) starts with. */
export function initialValue(schema: Schema, name = ''): FormValue {
  switch (fieldKind(schema, name)) {
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, prop]) => [key, initialValue(prop, key)]),
      );
    case 'array':
      return Array.from({ length: schema.minItems ?? 0 }, () => initialValue(schema.items ?? {}));
    case 'boolean':
      return false;
    default:
      return '';
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * The request body from the form's values: empty optional fields left out, numbers as numbers,
 * WITA date-times with `+08:00`. An unparseable entry is sent as typed, for the API to name it.
 */
export function cleanValue(schema: Schema, value: FormValue, name = ''): unknown {
  const kind = fieldKind(schema, name);
  switch (kind) {
    case 'object': {
      const record = isRecord(value) ? value : {};
      const entries = Object.entries(schema.properties ?? {}).flatMap(([key, prop]) => {
        const cleaned = cleanValue(prop, record[key], key);
        return cleaned === undefined ? [] : [[key, cleaned] as const];
      });
      return entries.length === 0 && !(schema.required ?? []).length
        ? undefined
        : Object.fromEntries(entries);
    }
    case 'array': {
      const list = Array.isArray(value) ? value : [];
      return list.map((item) => cleanValue(schema.items ?? {}, item) ?? null);
    }
    case 'boolean':
      return value === true;
    case 'number':
    case 'integer': {
      if (value === '' || value === undefined || value === null) return undefined;
      const number = Number(value);
      return Number.isFinite(number) ? number : value;
    }
    case 'datetime': {
      if (typeof value !== 'string' || value === '') return undefined;
      return /(?:[Zz]|[+-]\d{2}:\d{2})$/.test(value) ? value : witaLocalToIso(value);
    }
    case 'select': {
      if (value === '' || value === undefined) return undefined;
      const match = schema.enum?.find((option) => JSON.stringify(option) === JSON.stringify(value) || String(option) === value);
      return match ?? value;
    }
    case 'json': {
      if (typeof value !== 'string' || value.trim() === '') return undefined;
      try {
        return JSON.parse(value) as unknown;
      } catch {
        return value;
      }
    }
    default:
      return typeof value === 'string' && value.trim() === '' ? undefined : value;
  }
}

/** `['members', 0, 'name']` -> `members[0].name` (the API's field path, 400 `errors[].field`). */
export function pathKey(path: Path): string {
  return path.reduce<string>((key, part) => {
    if (typeof part === 'number') return `${key}[${part}]`;
    return key === '' ? part : `${key}.${part}`;
  }, '');
}

/** A DOM id for the input at a path: `f-members-0-name`. */
export function fieldId(path: Path): string {
  return `f-${path.map(String).join('-').replace(/[^A-Za-z0-9_-]/g, '_') || 'body'}`;
}

export function getAt(value: FormValue, path: Path): FormValue {
  return path.reduce<unknown>((current, part) => {
    if (Array.isArray(current) && typeof part === 'number') return current[part];
    if (isRecord(current) && typeof part === 'string') return current[part];
    return undefined;
  }, value);
}

/** A copy of `value` with `next` at `path` (immutable update for the form state). */
export function setAt(value: FormValue, path: Path, next: FormValue): FormValue {
  if (path.length === 0) return next;
  const [head, ...rest] = path;
  if (typeof head === 'number') {
    const list = Array.isArray(value) ? [...(value as unknown[])] : [];
    list[head] = setAt(list[head], rest, next);
    return list;
  }
  const record = isRecord(value) ? { ...value } : {};
  record[head as string] = setAt(record[head as string], rest, next);
  return record;
}

export type FieldError = { field: string; messages: string[] };

/** The API's 400 errors by field path (`(body)` for the body as a whole). */
export function errorsByField(errors: readonly FieldError[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const { field, messages } of errors) {
    map.set(field, [...(map.get(field) ?? []), ...messages]);
  }
  return map;
}

/** The path of every field the form draws for `schema` holding `value` (objects, lists, inputs). */
export function fieldPaths(schema: Schema, value: FormValue, path: Path = [], name = ''): Path[] {
  const kind = fieldKind(schema, name);
  const own = path.length === 0 ? [] : [path];
  if (kind === 'object') {
    return [
      ...own,
      ...Object.entries(schema.properties ?? {}).flatMap(([key, prop]) =>
        fieldPaths(prop, getAt(value, [key]), [...path, key], key),
      ),
    ];
  }
  if (kind === 'array') {
    const list = Array.isArray(value) ? value : [];
    return [
      ...own,
      ...list.flatMap((item, index) =>
        fieldPaths(schema.items ?? {}, item, [...path, index], name),
      ),
    ];
  }
  return own;
}
