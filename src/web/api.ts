import i18n from 'i18next';
import type { QueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { type Endpoint, type Input, type Reply, pathOf, queryString } from '../platform/http/contract';

/** The browser's API client: same-origin cookies, CSRF header on writes, problem+json errors. */
export interface FieldError {
  path: string;
  message: string;
  code?: string;
}

/** A field error in the reader's language: the server's own English, else the translation of its code. */
export function fieldErrorText(e: FieldError) {
  const key = `shell:fieldErrors.${e.code}`;
  return i18n.language === 'en' || !e.code || !i18n.exists(key) ? e.message : i18n.t(key);
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly errors: FieldError[] = [],
    readonly body: Record<string, unknown> = {},
  ) {
    super(message);
  }
  /** The message for one field, matched on the end of its path (e.g. 'name.en'). */
  field(name: string) {
    const e = this.errors.find((e) => e.path === `body.${name}` || e.path === name || e.path.endsWith(`.${name}`));
    return e && fieldErrorText(e);
  }
}

let csrfToken: string | null = null;
export const setCsrfToken = (t: string | null) => (csrfToken = t);

async function request<T>(method: string, url: string, body?: unknown, init: RequestInit = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (csrfToken && method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (body instanceof FormData) payload = body;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const res = await fetch(url, { method, headers, body: payload, credentials: 'same-origin', ...init });
  const type = res.headers.get('content-type') ?? '';
  if (!res.ok) {
    const p = type.includes('json') ? await res.json().catch(() => ({})) : {};
    throw new ApiError(res.status, p.code ?? 'http_error', p.detail ?? res.statusText, p.errors ?? [], p);
  }
  if (res.status === 204) return undefined as T;
  return (type.includes('json') ? res.json() : res.blob()) as Promise<T>;
}

/** The input may be left out when none of its parts is required. */
type InputArgs<E extends Endpoint> = Record<never, never> extends Input<E> ? [Input<E>?] : [Input<E>];

/**
 * Calls one endpoint of a feature's contract: the path, parameters, body and
 * answer are typed by the contract itself.
 */
export function call<E extends Endpoint>(e: E, ...[input]: InputArgs<E>): Promise<Reply<E>> {
  const i = (input ?? {}) as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
  const url = pathOf(e.path, i.params) + queryString(i.query);
  return request<Reply<E>>(e.method, url, e.method === 'GET' || e.method === 'DELETE' ? undefined : (i.body ?? {}));
}

/** Sends one file (and form fields, and the endpoint's query if it has one) to an upload endpoint. */
export function upload<E extends Endpoint>(
  e: E,
  params: Input<E>['params'],
  file: File,
  fields: Record<string, string> = {},
  query?: Input<E>['query'],
) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, v);
  fd.append('file', file);
  return request<Reply<E>>(e.method, pathOf(e.path, params as Record<string, unknown>) + queryString(query), fd);
}

/**
 * TanStack Query options for a GET endpoint. The key is the endpoint's path
 * and input, so invalidate() below reaches every cached answer of an endpoint.
 */
export function query<E extends Endpoint & { method: 'GET' }>(e: E, ...[input]: InputArgs<E>) {
  return { queryKey: [e.path, input ?? {}] as const, queryFn: () => call(e, ...([input] as never)) };
}

/** Reads a page's URL query with an endpoint's query schema, leaving out values that do not fit (a hand-edited link). */
export function readSearch<S extends z.ZodObject>(schema: S, params: URLSearchParams): Partial<z.output<S>> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(schema.shape)) {
    const raw = params.get(key);
    if (raw === null || raw === '') continue;
    const parsed = (field as z.ZodType).safeParse(raw);
    if (parsed.success) out[key] = parsed.data;
  }
  return out as Partial<z.output<S>>;
}

/** Marks every cached answer of these endpoints stale (after a change they show). */
export function invalidate(qc: QueryClient, ...es: Endpoint[]) {
  const paths = new Set(es.map((e) => e.path));
  return qc.invalidateQueries({ predicate: (q) => paths.has(q.queryKey[0] as string) });
}

/** Downloads a file from a GET endpoint (keeps the server's file name). */
export async function download(url: string) {
  const res = await fetch(url, { credentials: 'same-origin' });
  if (!res.ok) throw new ApiError(res.status, 'download_failed', res.statusText);
  await save(res);
}

/**
 * Downloads the file an endpoint answers a request with a body with (e.g. an export of the rows
 * selected in a list, too many ids for a link); a refusal is an ApiError as with call().
 */
export async function downloadFrom<E extends Endpoint>(e: E, ...[input]: InputArgs<E>) {
  const i = (input ?? {}) as { params?: Record<string, unknown>; query?: Record<string, unknown>; body?: unknown };
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (csrfToken) headers['x-csrf-token'] = csrfToken;
  const res = await fetch(pathOf(e.path, i.params) + queryString(i.query), {
    method: e.method,
    headers,
    body: JSON.stringify(i.body ?? {}),
    credentials: 'same-origin',
  });
  if (!res.ok) {
    const p = (res.headers.get('content-type') ?? '').includes('json') ? await res.json().catch(() => ({})) : {};
    throw new ApiError(res.status, p.code ?? 'download_failed', p.detail ?? res.statusText, p.errors ?? [], p);
  }
  await save(res);
}

/** Saves an answer as a file, under the name the server gave it. */
async function save(res: Response) {
  const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'download';
  const blob = await res.blob();
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}
