import { Injectable } from '@nestjs/common';
import type { OpenAPIObject, ResponseObject } from '@nestjs/swagger';
import { OpenApiContributor, type OpenApiContribution } from '../openapi/openapi-contributor.js';
import { INPUT_LIMITS } from './input-limits.js';

const PROBLEM = 'application/problem+json';
const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

const problem = (description: string): ResponseObject => ({
  description,
  content: {
    [PROBLEM]: {
      schema: {
        type: 'object',
        required: ['type', 'title', 'status', 'detail'],
        properties: {
          type: { type: 'string' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
        },
        additionalProperties: true,
      },
    },
  },
});

const RATE_LIMITED = new Set([
  'POST /selections',
  'POST /selections/{id}/commands',
  'POST /auth/demo-token',
  'GET /audit/verify',
]);

/**
 * The answers any route may give besides its own (documented on each operation, so a client and
 * the fuzz run know every status a route can answer): 400 for the shape limits, 401/403 where a
 * token and a role are needed, 404 where an id is in the path, 408 for a slow client, 413/415
 * where a body is read, 429 where a rate limit applies, 503 while a dependency is down.
 */
@Injectable()
@OpenApiContributor()
export class SecurityOpenApi implements OpenApiContribution {
  contributeToOpenApi(document: OpenAPIObject): void {
    for (const [path, item] of Object.entries(document.paths)) {
      for (const method of METHODS) {
        const operation = item[method];
        if (!operation) continue;
        const isPublic = Array.isArray(operation.security) && operation.security.length === 0;
        const key = `${method.toUpperCase()} ${path.startsWith('/selections/{id}/commands/') ? '/selections/{id}/commands' : path}`;
        const common: Record<string, ResponseObject> = {
          '400': problem(
            `Malformed request, or over a limit (\`limit\`, \`maximum\`): query parameters ${INPUT_LIMITS.maxQueryParameters}, body depth ${INPUT_LIMITS.maxDepth}, body members ${INPUT_LIMITS.maxKeys}`,
          ),
          ...(isPublic ? {} : { '401': problem('No valid bearer token') }),
          ...(isPublic ? {} : { '403': problem('The role may not do this: `allowedRoles`') }),
          ...(path.includes('{') || operation.requestBody
            ? { '404': problem('No such resource') }
            : {}),
          '408': problem('The request was not received within REQUEST_TIMEOUT'),
          ...(operation.requestBody
            ? {
                '413': problem('The body is over BODY_LIMIT'),
                '415': problem('The body is not JSON'),
              }
            : {}),
          ...(RATE_LIMITED.has(key)
            ? { '429': problem('Over the per-client rate limit; `Retry-After` says when to retry') }
            : {}),
          '503': problem('A dependency is down or the server is busy; `Retry-After` is set'),
        };
        operation.responses = { ...common, ...operation.responses };
      }
    }
  }
}
