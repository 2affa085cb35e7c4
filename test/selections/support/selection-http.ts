import type { Role } from '@jejak/workflows';
import type { Response } from 'supertest';
import type { Identity, TestApp } from '../../support/test-app.js';

export const PROBLEM = /^application\/problem\+json/;
export const JPTP = 'jptp-open-selection';
export const PERGUB = 'pergub-113-filling';

export type Send = {
  body?: unknown;
  role?: Role;
  identity?: Identity;
  headers?: Record<string, string>;
};

/** HTTP helpers for one test app: requests as a role, and what the store holds. */
export function selectionHttp(t: TestApp) {
  const tokens = new Map<string, Promise<string>>();
  const token = (role: Role, identity: Identity = {}) => {
    const key = `${role}|${JSON.stringify(identity)}`;
    if (!tokens.has(key)) tokens.set(key, t.tokenFor(role, identity));
    return tokens.get(key)!;
  };
  type Request = ReturnType<ReturnType<TestApp['http']>['get']>;
  const prepare = (request: Request, bearer: string, send: Omit<Send, 'body'>): Request => {
    let r = request.auth(bearer, { type: 'bearer' });
    for (const [name, value] of Object.entries(send.headers ?? {})) r = r.set(name, value);
    return r;
  };
  const bearerFor = (send: Omit<Send, 'body'>) => token(send.role ?? 'SEKRETARIAT', send.identity);
  return {
    token,
    open: async (body: unknown, send: Omit<Send, 'body'> = {}): Promise<Response> =>
      prepare(t.http().post('/selections'), await bearerFor(send), send).send(body as object),
    command: async (id: string, type: string, send: Send = {}): Promise<Response> =>
      prepare(
        t.http().post(`/selections/${id}/commands/${type}`),
        await bearerFor(send),
        send,
      ).send(send.body ?? {}),
    get: async (path: string, send: Omit<Send, 'body'> = {}): Promise<Response> =>
      prepare(t.http().get(path), await bearerFor(send), send),
    /** Every stored event of the selection (straight from the store). */
    stream: (id: string) => t.store.readStream(`selection-${id}`),
    revision: (id: string) => t.store.streamRevision(`selection-${id}`),
  };
}

/** Fails with the response body when the status is not the expected one (readable failures). */
export function expectStatus(response: Response, status: number): Response {
  if (response.status !== status) {
    throw new Error(
      `Expected ${status}, got ${response.status} for ${response.request?.method} ${response.request?.url}:\n${JSON.stringify(response.body, null, 2)}`,
    );
  }
  return response;
}
