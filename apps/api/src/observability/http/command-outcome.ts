import type { CommandOutcome } from '../metrics/metrics.service.js';

export type CommandResponse = {
  method: string;
  /** The request path, without the query string. */
  path: string;
  statusCode: number;
  /** The parsed response body (a problem+json document for rejections), if JSON. */
  body: unknown;
};

export type ClassifiedCommand = { type: string; outcome: CommandOutcome; ruleIds: string[] };

const COMMAND_PATH = /\/selections\/[^/]+\/commands\/([^/]+)\/?$/;
const OPEN_PATH = /\/selections\/?$/;

function commandType(method: string, path: string): string | null {
  if (method !== 'POST') return null;
  const command = COMMAND_PATH.exec(path);
  if (command?.[1] !== undefined) return decodeURIComponent(command[1]);
  return OPEN_PATH.test(path) ? 'OpenSelection' : null;
}

function field(body: unknown, name: string): unknown {
  return body !== null && typeof body === 'object'
    ? (body as Record<string, unknown>)[name]
    : undefined;
}

function ruleIdsOf(body: unknown): string[] | null {
  const violations = field(body, 'violations');
  if (!Array.isArray(violations)) return null;
  return violations
    .map((violation) => field(violation, 'rule'))
    .filter((rule): rule is string => typeof rule === 'string');
}

/**
 * Reads a decision back from the HTTP answer to `POST /selections` or `POST
 * /selections/:id/commands/:type` (STYLE.md's error table): 2xx accepted, 409 with a state (not
 * accepted in this state) or a revision (lost race), 412 stale `If-Match`, 422 with violations.
 * Everything else (400, 401, 403, 404, 413, 415, 5xx) never reached a decision: `null`.
 */
export function classifyCommandResponse(response: CommandResponse): ClassifiedCommand | null {
  const type = commandType(response.method, response.path);
  if (type === null) return null;
  const { statusCode, body } = response;
  if (statusCode >= 200 && statusCode < 300) return { type, outcome: 'accepted', ruleIds: [] };
  if (statusCode === 409) {
    const inState =
      field(body, 'state') !== undefined || field(body, 'acceptedCommands') !== undefined;
    return { type, outcome: inState ? 'not_allowed_in_state' : 'conflict', ruleIds: [] };
  }
  if (statusCode === 412) return { type, outcome: 'stale_revision', ruleIds: [] };
  const ruleIds = statusCode === 422 ? ruleIdsOf(body) : null;
  return ruleIds === null ? null : { type, outcome: 'rules_broken', ruleIds };
}
