import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, fail, type FieldError } from './errors.js';
import { platformErrors, type FieldCode, type PlatformError } from './codes.js';
import { isUploadRoute } from './upload.js';

/**
 * Refusals made by Fastify, its plugins or Node's HTTP parser, each with a
 * fixed text: a refusal never quotes any part of the request (URL, header,
 * parameter or body), so it cannot be used to reflect content.
 */
export const refusals = {
  bad_request: [400, 'The request could not be understood.'],
  bad_url: [400, 'The request URL is not validly encoded.'],
  missing_host: [400, 'An HTTP/1.1 request needs a Host header.'],
  bad_content_length: [400, 'The request body does not match its declared length.'],
  route_not_found: [404, 'There is nothing at this address.'],
  method_not_allowed: [405, 'This method is not allowed here.'],
  not_acceptable: [406, 'The request cannot be answered in an acceptable form.'],
  request_timeout: [408, 'The request took too long to arrive.'],
  payload_too_large: [413, 'The request is larger than this server accepts.'],
  uri_too_long: [414, 'The request URL is longer than this server accepts.'],
  unsupported_media_type: [415, 'This content type is not accepted here; send application/json.'],
  expectation_failed: [417, 'This server does not meet the expectation of the request.'],
  headers_too_large: [431, 'The request line or headers are larger than this server accepts.'],
} as const satisfies Partial<Record<PlatformError, readonly [number, string]>>;
export type Refusal = keyof typeof refusals;

/** Fastify's and its plugins' own 4xx errors, by their error code. */
const byFastifyCode: Record<string, Refusal> = {
  FST_ERR_BAD_URL: 'bad_url',
  FST_ERR_MAX_PARAM_LENGTH: 'uri_too_long',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'bad_content_length',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_REQ_FILE_TOO_LARGE: 'payload_too_large',
  FST_PARTS_LIMIT: 'payload_too_large',
  FST_FILES_LIMIT: 'payload_too_large',
  FST_FIELDS_LIMIT: 'payload_too_large',
};

/** Any other 4xx from outside our code: a refusal by its status alone. */
const byStatus: Record<number, Refusal> = {
  404: 'route_not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  408: 'request_timeout',
  413: 'payload_too_large',
  414: 'uri_too_long',
  415: 'unsupported_media_type',
  417: 'expectation_failed',
  431: 'headers_too_large',
};

const problem = (status: number, code: string, detail: string, more: Record<string, unknown> = {}) => ({
  type: 'about:blank',
  title: titleOf(status),
  status,
  code,
  detail,
  ...more,
});

function sendRefusal(reply: FastifyReply, code: Refusal) {
  const [status, detail] = refusals[code];
  return reply
    .code(status)
    .type('application/problem+json')
    .header('x-content-type-options', 'nosniff')
    .send(problem(status, code, detail));
}

/** Fastify's `frameworkErrors`: bad percent-encoding and over-long path parameters, before any route runs. */
export function frameworkErrors(err: FastifyError, _request: unknown, reply: FastifyReply) {
  sendRefusal(reply, byFastifyCode[err.code] ?? 'bad_request');
}

/**
 * Fastify's `clientErrorHandler`: Node's HTTP parser refused the bytes (headers
 * too large, a malformed request line, a timeout). There is no request to
 * answer through, so a complete response is written on the socket, which is then closed.
 */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const code: Refusal =
    err.code === 'HPE_HEADER_OVERFLOW' ? 'headers_too_large' : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 'request_timeout' : 'bad_request';
  if (socket.writable) socket.write(rawResponse(code));
  socket.destroy();
}

function rawResponse(code: Refusal) {
  const [status, detail] = refusals[code];
  const body = JSON.stringify(problem(status, code, detail));
  return [
    `HTTP/1.1 ${status} ${titleOf(status)}`,
    'Content-Type: application/problem+json',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'X-Content-Type-Options: nosniff',
    'Cache-Control: no-store',
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}

/** Node answers an `Expect` other than 100-continue itself, with an empty 417, unless this listens. */
function onCheckExpectation(_req: IncomingMessage, res: ServerResponse) {
  const [status, detail] = refusals.expectation_failed;
  const body = JSON.stringify(problem(status, 'expectation_failed', detail));
  res
    .writeHead(status, {
      'content-type': 'application/problem+json',
      'content-length': Buffer.byteLength(body),
      'x-content-type-options': 'nosniff',
      connection: 'close',
    })
    .end(body);
}

/** Maps every error to application/problem+json (RFC 9457); nothing leaves as a bare 500 page. */
/** Answers a request no route matched, when it is a page of the web app (the app's index.html); false: not a page. */
export type PageFallback = (request: FastifyRequest, reply: FastifyReply) => boolean;

export function installProblemHandler(app: FastifyInstance, pages?: PageFallback) {
  app.server.on('checkExpectation', onCheckExpectation);
  // Without a listener Node drops a CONNECT request without a word.
  app.server.on('connect', (_req: IncomingMessage, socket: Socket) => socket.end(rawResponse('method_not_allowed')));
  // Node's own check for Host answers an empty 400 (requireHostHeader is off in app.ts).
  app.addHook('onRequest', async (request) => {
    if (request.raw.httpVersion === '1.1' && request.headers.host === undefined)
      throw fail(platformErrors, 'missing_host', refusals.missing_host[1]);
  });

  app.setErrorHandler((err: FastifyError, request, reply) => {
    let status = 500;
    let code: string = 'internal_error' satisfies PlatformError;
    let detail = 'Something went wrong on our side. Nothing you sent was lost; please try again.';
    let fields: FieldError[] | undefined;
    let extra: Record<string, unknown> | undefined;

    if (err instanceof AppError) {
      ({ status, code } = err);
      detail = err.message;
      fields = err.fields;
      extra = err.extra;
    } else if (hasZodFastifySchemaValidationErrors(err)) {
      status = 400;
      code = 'validation_failed' satisfies PlatformError;
      fields = err.validation.map((v) => {
        const where = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        const base = err.validationContext ?? 'body';
        const issue = (v.params as { issue?: { code?: FieldCode } } | undefined)?.issue?.code ?? 'invalid';
        // zod's own messages name the expected shape, not the value, except for unknown keys.
        return {
          path: where ? `${base}.${where}` : base,
          message: issue === 'unrecognized_keys' ? 'Unrecognized key' : (v.message ?? 'invalid'),
          code: issue,
        };
      });
      detail = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
    } else if (isResponseSerializationError(err)) {
      request.log.error({ err: err.cause }, 'response does not match its schema');
    } else if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) {
      status = 400;
      code = 'malformed_json' satisfies PlatformError;
      detail = 'The request body is not valid JSON.';
    } else if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      status = 415;
      const upload = isUploadRoute(request.routeOptions.schema);
      code = upload ? ('multipart_required' satisfies PlatformError) : ('unsupported_media_type' satisfies PlatformError);
      detail = upload
        ? 'Send the file as multipart/form-data in a field named "file".'
        : 'This content type is not accepted here; send application/json.';
      if (upload) fields = [{ path: 'file', message: 'required', code: 'required' }];
    } else if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      status = 400;
      code = 'malformed_json' satisfies PlatformError;
      detail = 'The request body is empty; send a JSON object.';
    } else if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      // Error messages from Fastify and plugins may quote the request: fixed texts only.
      const refusal = byFastifyCode[err.code] ?? byStatus[err.statusCode];
      code = refusal ?? 'bad_request';
      [status, detail] = refusal ? refusals[refusal] : [err.statusCode, refusals.bad_request[1]];
    } else if (isDbError(err)) {
      ({ status, code, detail } = mapDbError(err));
    } else if (isConnectionError(err)) {
      status = 503;
      code = 'database_unavailable' satisfies PlatformError;
      detail = 'The database is unavailable; nothing was saved. Please try again shortly.';
    }
    if (status >= 500) request.log.error({ err }, 'request failed');
    reply
      .code(status)
      .type('application/problem+json')
      .send(problem(status, code, detail, { ...(fields ? { errors: fields } : {}), ...extra }));
  });

  app.setNotFoundHandler((request, reply) => {
    if (pages?.(request, reply)) return;
    sendRefusal(reply, 'route_not_found');
  });
}

function isDbError(err: unknown): err is { code: string; cause?: unknown } {
  const e = (err as { cause?: { code?: unknown } }).cause ?? err;
  return typeof (e as { code?: unknown }).code === 'string' && /^[0-9A-Z]{5}$/.test((e as { code: string }).code);
}

/** The database could not be reached or dropped the connection (e.g. while it restarts). */
function isConnectionError(err: unknown) {
  for (
    let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0;
    e && depth < 4;
    e = e.cause as typeof e, depth++
  ) {
    if (typeof e.code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN'].includes(e.code))
      return true;
    if (
      typeof e.message === 'string' &&
      /Connection terminated|connection timeout|Client has encountered a connection error|the database system is (starting up|shutting down)/i.test(
        e.message,
      )
    )
      return true;
  }
  return false;
}

export function mapDbError(err: { code: string; cause?: unknown }): { status: number; code: PlatformError; detail: string } {
  const code = ((err.cause as { code?: string }) ?? err).code;
  // 22xxx: bad value (e.g. an id that is not a uuid), 23xxx: constraint.
  if (code === '23505') return { status: 409, code: 'already_exists', detail: 'Something with these values already exists.' };
  if (code === '23503')
    return {
      status: 409,
      code: 'in_use_or_missing_reference',
      detail: 'This refers to something that does not exist, or is still used elsewhere.',
    };
  if (code?.startsWith('22')) return { status: 400, code: 'invalid_value', detail: 'A value in the request is not valid.' };
  if (code === '40001' || code === '40P01') return { status: 503, code: 'busy_retry', detail: 'The server is busy; please try again.' };
  return { status: 503, code: 'database_unavailable', detail: 'The database is unavailable; nothing was saved. Please try again shortly.' };
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  406: 'Not Acceptable',
  408: 'Request Timeout',
  409: 'Conflict',
  413: 'Payload Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  417: 'Expectation Failed',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};
const titleOf = (s: number) => titles[s] ?? 'Error';
