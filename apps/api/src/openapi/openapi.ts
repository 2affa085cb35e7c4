import type { INestApplication } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { ROLES } from '@jejak/auth';
import { OpenApiContributor, type OpenApiContribution } from './openapi-contributor.js';

export const DOCS_PATH = 'docs';
export const DOCS_JSON_PATH = 'docs-json';

const DESCRIPTION = `Event-sourced workflow service for filling civil-service positions (JPT Pratama open
selection, Pergub NTT 113/2023).

**Authentication.** Every route except \`/health\` and \`/docs*\` needs \`Authorization: Bearer <token>\`.
The token's claims are \`sub\`, \`name\`, \`nip\` (optional) and \`roles\` (${ROLES.join(', ')}).
Locally: \`npm run jejak -- token --role PPK --sub gubernur --name "Gubernur NTT"\`.

**Acting role.** A token may grant several roles; the request acts in one of them, named by the
\`X-Jejak-Role\` header (default: the token's first role). Every recorded event carries that role.

**Errors** are RFC 9457 \`application/problem+json\`: 400 (every field named in \`errors\`), 401, 403
(\`allowedRoles\`), 404, 409 (\`state\`, \`acceptedCommands\`, or \`currentRevision\` after a lost race),
408 (too slow), 412 (stale \`If-Match\`), 413, 415, 422 (\`violations\` with rule ids, citations and
messages in Bahasa Indonesia, or English for \`Accept-Language: en\`),
429 (rate limit, \`Retry-After\`), 500 (with a \`correlationId\`), 503 (\`Retry-After\`).`;

function contributions(app: INestApplication): OpenApiContribution[] {
  return app
    .get(DiscoveryService)
    .getProviders({ metadataKey: OpenApiContributor.KEY })
    .map((wrapper) => wrapper.instance as OpenApiContribution | undefined)
    .filter(
      (instance) => typeof instance?.contributeToOpenApi === 'function',
    ) as OpenApiContribution[];
}

/** The OpenAPI 3 document: controllers as scanned, then every `@OpenApiContributor()`. */
export function createOpenApiDocument(app: INestApplication, version: string): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('jejak')
    .setDescription(DESCRIPTION)
    .setVersion(version)
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'bearer')
    .addSecurityRequirements('bearer')
    .addGlobalParameters({
      name: 'X-Jejak-Role',
      in: 'header',
      required: false,
      description: 'The role to act in, among those the token grants (default: the first).',
      schema: { type: 'string', enum: [...ROLES] },
    })
    .build();
  const document = SwaggerModule.createDocument(app, config);
  for (const contribution of contributions(app)) contribution.contributeToOpenApi(document);
  return document;
}

/** Swagger UI at `/docs`, the document at `/docs-json` (public: plain Fastify routes). */
export function setupOpenApi(app: INestApplication, version: string): void {
  SwaggerModule.setup(DOCS_PATH, app, () => createOpenApiDocument(app, version), {
    jsonDocumentUrl: DOCS_JSON_PATH,
    raw: ['json'],
    customSiteTitle: 'jejak API',
  });
}
