import { newUuid } from './uuid';

/** One field the api named in its error body (libs/platform/src/http/error-response.ts). */
export interface FieldIssue {
  readonly field: string;
  readonly message: string;
}

/** A failed call: the api's stable code, its message, the fields it named, and the correlation id to quote. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: readonly FieldIssue[] = [],
    readonly correlationId?: string,
    readonly details: Readonly<Record<string, unknown>> = {},
    /** A body that is not the error shape but carries a report (an upload refused whole still lists its rows). */
    readonly body?: unknown,
  ) {
    super(message);
  }

  /** The issues about one field (a prefix match, so `reason` also takes `reason.text`). */
  issuesFor(field: string): FieldIssue[] {
    return this.issues.filter((issue) => issue.field === field || issue.field.startsWith(`${field}.`));
  }
}

export const NETWORK_ERROR = 'CONSOLE.NETWORK';

type Listener = () => void;

/** The bearer token of this tab. sessionStorage: closing the tab logs out, which suits a shared office computer. */
export const session = {
  key: 'console.token',
  get token(): string | null {
    return sessionStorage.getItem(this.key);
  },
  set(token: string | null): void {
    if (token) sessionStorage.setItem(this.key, token);
    else sessionStorage.removeItem(this.key);
    for (const listener of listeners) listener();
  },
  subscribe(listener: Listener): () => void {
    listeners.add(listener);
    return () => listeners.delete(listener);
  },
};
const listeners = new Set<Listener>();

export interface RequestOptions {
  readonly body?: unknown;
  /** A file sent as the body itself, with its content type (CSV, XLSX, a scan). */
  readonly file?: { readonly data: Blob; readonly type: string };
  /** Sent as Idempotency-Key; a command made twice with the same key is done once. */
  readonly idempotencyKey?: string;
  readonly headers?: Readonly<Record<string, string>>;
  readonly signal?: AbortSignal;
}

/**
 * Calls the api as the logged-in user. Every write carries an Idempotency-Key, new per call unless the caller keeps
 * one for retries. A 401 logs the tab out, so the login page shows instead of a broken one.
 */
export async function api<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  const token = session.token;
  if (token) headers['authorization'] = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (options.file) {
    headers['content-type'] = options.file.type;
    body = options.file.data;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (method !== 'GET') headers['idempotency-key'] = options.idempotencyKey ?? newUuid();
  let response: Response;
  try {
    response = await fetch(path, { method, headers, body, signal: options.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, NETWORK_ERROR, 'The server cannot be reached');
  }
  const text = await response.text();
  const parsed = parseJson(text);
  if (response.ok) return parsed as T;
  if (response.status === 401 && token && path !== '/api/auth/login') session.set(null);
  throw toApiError(response.status, parsed);
}

function parseJson(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function toApiError(status: number, body: unknown): ApiError {
  const error = (body as { error?: Record<string, unknown> } | undefined)?.error;
  if (error && typeof error.code === 'string') {
    const issues = Array.isArray(error.issues) ? (error.issues as FieldIssue[]) : [];
    return new ApiError(status, error.code, String(error.message ?? ''), issues, error.correlationId as string | undefined, (error.details as Record<string, unknown>) ?? {}, body);
  }
  return new ApiError(status, `HTTP.${status}`, `The server answered ${status}`, [], undefined, {}, body);
}

/**
 * Saves a file the api serves only with the bearer token (an evidence file): fetched here, then handed to the
 * browser's download through an object URL, since a plain link would carry no token.
 */
export async function download(path: string, fileName: string): Promise<void> {
  const token = session.token;
  const response = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
  if (!response.ok) throw toApiError(response.status, parseJson(await response.text()));
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
