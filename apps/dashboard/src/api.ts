// The API client: same origin, bearer token and acting role on every call, RFC 9457 problems
// turned into ApiError. The dashboard holds no business logic: it shows what the API answers.

import type { Session } from './session.js';

export type Problem = {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  errors?: { field: string; messages: string[] }[];
  violations?: { rule: string; citation: string; message: string }[];
  state?: string;
  acceptedCommands?: string[];
  allowedRoles?: string[];
  currentRevision?: number | null;
  [member: string]: unknown;
};

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title ?? `HTTP ${problem.status}`);
    this.name = 'ApiError';
  }

  get status(): number {
    return this.problem.status;
  }
}

export type ApiResponse<T> = { data: T; etag: string | null; status: number };

export type RequestOptions = {
  method?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Read the body as text (exports) instead of JSON. */
  as?: 'json' | 'text' | 'blob';
  /** A 401 is the caller's to handle (checking a pasted token), not a session that ended. */
  keepSessionOn401?: boolean;
};

/**
 * The API's URL for one of its paths (`/selections`, `/ui/config.json`): resolved against the
 * directory above the page (`<base>/ui/` -> `<base>/`), never against the origin's root, so the
 * dashboard works behind a reverse proxy that serves the API under a path prefix and strips it.
 */
export function apiUrl(path: string, pageUrl: string = document.baseURI): string {
  return new URL(path.replace(/^\/+/, ''), new URL('../', pageUrl)).toString();
}

let unauthorized: () => void = () => undefined;

/** Called on every 401 (the app signs out and shows the sign-in page). */
export function onUnauthorized(handler: () => void): void {
  unauthorized = handler;
}

async function problemOf(response: Response): Promise<Problem> {
  const text = await response.text();
  try {
    const parsed = JSON.parse(text) as Partial<Problem>;
    return { ...parsed, status: response.status };
  } catch {
    return { status: response.status, detail: text.slice(0, 300) || response.statusText };
  }
}

export async function request<T>(
  session: Session | undefined,
  path: string,
  options: RequestOptions = {},
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (session) {
    headers['authorization'] = `Bearer ${session.token}`;
    if (session.role) headers['x-jejak-role'] = session.role;
  }
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(apiUrl(path), {
    method: options.method ?? 'GET',
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401 && session && !options.keepSessionOn401) unauthorized();
    throw new ApiError(problem);
  }
  const as = options.as ?? 'json';
  const data: unknown =
    as === 'text'
      ? await response.text()
      : as === 'blob'
        ? await response.blob()
        : response.status === 204
          ? undefined
          : ((await response.json()) as unknown);
  return { data: data as T, etag: response.headers.get('etag'), status: response.status };
}

/** A random Idempotency-Key for one submission of a form. */
export function newIdempotencyKey(): string {
  // randomUUID needs a secure context; getRandomValues works over plain HTTP on a LAN too.
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `ui-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}

/** An evidence file as the API names it (POST /documents answers it; documents refer to it). */
export type DocumentFile = { sha256: string; mediaType: string; size: number };

/** Uploads one file (multipart, field `file`); the API recognises its type and answers its hash. */
export async function uploadDocument(session: Session | undefined, file: Blob, name: string): Promise<DocumentFile> {
  const form = new FormData();
  form.append('file', file, name);
  const headers: Record<string, string> = { accept: 'application/json' };
  if (session) {
    headers['authorization'] = `Bearer ${session.token}`;
    if (session.role) headers['x-jejak-role'] = session.role;
  }
  const response = await fetch(apiUrl('/documents'), { method: 'POST', headers, body: form });
  if (!response.ok) {
    const problem = await problemOf(response);
    if (response.status === 401 && session) unauthorized();
    throw new ApiError(problem);
  }
  return (await response.json()) as DocumentFile;
}

/** Downloads an evidence file with the caller's token and saves it under its hash. */
export async function downloadDocument(session: Session | undefined, file: DocumentFile): Promise<void> {
  const { data } = await request<Blob>(session, `/documents/${file.sha256}`, { as: 'blob' });
  const url = URL.createObjectURL(data);
  const link = document.createElement('a');
  link.href = url;
  link.download = `${file.sha256}.${file.mediaType === 'application/pdf' ? 'pdf' : file.mediaType === 'image/png' ? 'png' : 'jpg'}`;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** A size people read: 183 KB, 2.4 MB. */
export function formatBytes(size: number): string {
  if (size < 1024) return `${size} B`;
  if (size < 1024 * 1024) return `${Math.round(size / 1024)} KB`;
  return `${(size / (1024 * 1024)).toFixed(1)} MB`;
}
