import { Inject, Injectable, type Type } from '@nestjs/common';
import {
  getSchemaPath,
  type OpenAPIObject,
  type OperationObject,
  type ReferenceObject,
  type ResponsesObject,
  type SchemaObject,
} from '@nestjs/swagger';
import {
  commandCatalog,
  PROCEDURES,
  type CommandEntry,
  type ProcedureRegistry,
} from '@jejak/selections';
import { OpenApiContributor, type OpenApiContribution } from '../openapi/openapi-contributor.js';
import { commandDtoFor } from './dto/command-dtos.js';

/** The `Idempotency-Key` header as the OpenAPI document explains it (per caller). */
export const IDEMPOTENCY_KEY_DESCRIPTION =
  'Makes retries safe: the same caller sending the same key and body gets the first result back and nothing is appended; another body, or the key used by another caller, is 422 IDEMPOTENCY_KEY_REUSED.';

const PROBLEM = 'application/problem+json';

const PROBLEM_SCHEMA: SchemaObject = {
  type: 'object',
  description: 'RFC 9457 problem details, with the extension members named per status',
  required: ['type', 'title', 'status', 'detail'],
  properties: {
    type: { type: 'string' },
    title: { type: 'string' },
    status: { type: 'integer' },
    detail: { type: 'string' },
  },
  additionalProperties: true,
};

const problem = (description: string) => ({
  description,
  content: { [PROBLEM]: { schema: { $ref: getSchemaPath('Problem') } } },
});

const COMMAND_ERRORS: ResponsesObject = {
  '400': problem("The body does not fit the command's DTO: `errors` names every field"),
  '401': problem('No valid bearer token'),
  '403': problem('The role may not issue this command: `allowedRoles`'),
  '404': problem('No such selection, or no such command for its procedure'),
  '409': problem(
    'Not accepted in this state (`state`, `acceptedCommands`), or lost the race twice (`currentRevision`)',
  ),
  '412': problem('Stale `If-Match`: `expectedRevision`, `currentRevision`, and the current ETag'),
  '413': problem('The body is over the limit'),
  '415': problem('The body is not JSON'),
  '422': problem(
    'Broken rules (`violations` with rule id, citation and message: Indonesian, English for `Accept-Language: en`), or a reused Idempotency-Key',
  ),
};

function describe(type: string, entries: CommandEntry[]): string {
  const lines = entries.map((entry) => {
    const rules = entry.rules.map((rule) => `${rule.id} (${rule.citation})`).join('; ') || '—';
    return `| ${entry.kind} | ${entry.roles.join(', ')} | ${entry.states.join(', ') || '—'} | ${rules} |`;
  });
  return [
    `\`${type}\`: the body is the command's payload; the actor comes from the token.`,
    '',
    '| procedure | roles allowed | states accepted | rules (422) |',
    '|---|---|---|---|',
    ...lines,
  ].join('\n');
}

function bodySchema(entries: CommandEntry[]): SchemaObject | ReferenceObject {
  const refs = entries.flatMap((entry) => {
    const dto: Type<object> | undefined = commandDtoFor(entry.kind, entry.type);
    return dto ? [{ $ref: getSchemaPath(dto) }] : [];
  });
  const unique = [...new Map(refs.map((ref) => [ref.$ref, ref])).values()];
  return unique.length === 1 ? unique[0]! : { oneOf: unique };
}

function commandOperation(type: string, entries: CommandEntry[]): OperationObject {
  return {
    operationId: `command${type}`,
    tags: ['commands'],
    summary: `${type} (${[...new Set(entries.flatMap((e) => e.roles))].join(', ')})`,
    description: describe(type, entries),
    parameters: [
      { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } },
      {
        name: 'Idempotency-Key',
        in: 'header',
        required: false,
        description: IDEMPOTENCY_KEY_DESCRIPTION,
        schema: { type: 'string', maxLength: 200 },
      },
      {
        name: 'If-Match',
        in: 'header',
        required: false,
        schema: { type: 'string', example: 'W/"3"' },
      },
    ],
    requestBody: {
      required: true,
      content: { 'application/json': { schema: bodySchema(entries) } },
    },
    responses: {
      '200': {
        description:
          'Accepted: the new revision, the state, the recorded events; `ETag: W/"<revision>"`',
        content: { 'application/json': { schema: { $ref: getSchemaPath('CommandResultDto') } } },
      },
      ...COMMAND_ERRORS,
    },
    'x-jejak-roles': Object.fromEntries(entries.map((e) => [e.kind, e.roles])),
    'x-jejak-states': Object.fromEntries(entries.map((e) => [e.kind, e.states])),
    'x-jejak-rules': Object.fromEntries(entries.map((e) => [e.kind, e.rules])),
  } as OperationObject;
}

/**
 * Documents every command as its own path, `POST /selections/{id}/commands/<Type>`, with its
 * body schema per procedure, the roles allowed, the states accepting it, its rules and errors;
 * and `POST /selections` with one body per procedure kind.
 */
@Injectable()
@OpenApiContributor()
export class SelectionsOpenApi implements OpenApiContribution {
  constructor(@Inject(PROCEDURES) private readonly procedures: ProcedureRegistry) {}

  contributeToOpenApi(document: OpenAPIObject): void {
    document.components ??= {};
    document.components.schemas ??= {};
    document.components.schemas['Problem'] ??= PROBLEM_SCHEMA;
    const byType = new Map<string, CommandEntry[]>();
    for (const entry of commandCatalog(this.procedures)) {
      if (entry.type === 'OpenSelection') continue;
      byType.set(entry.type, [...(byType.get(entry.type) ?? []), entry]);
    }
    for (const [type, entries] of [...byType].sort(([a], [b]) => a.localeCompare(b))) {
      document.paths[`/selections/{id}/commands/${type}`] = {
        post: commandOperation(type, entries),
      };
    }
    this.documentOpen(document);
  }

  private documentOpen(document: OpenAPIObject): void {
    const operation = document.paths['/selections']?.post;
    if (!operation) return;
    const opens = commandCatalog(this.procedures).filter((e) => e.type === 'OpenSelection');
    const variants = opens.flatMap((entry) => {
      const dto = commandDtoFor(entry.kind, entry.type);
      if (!dto) return [];
      const kind: SchemaObject = {
        type: 'object',
        required: ['kind'],
        properties: { kind: { type: 'string', enum: [entry.kind] } },
      };
      return [{ allOf: [kind, { $ref: getSchemaPath(dto) }] }];
    });
    operation.description = describe('OpenSelection', opens);
    operation.requestBody = {
      required: true,
      content: { 'application/json': { schema: { oneOf: variants } } },
    };
    operation.responses = { ...operation.responses, ...COMMAND_ERRORS };
  }
}
