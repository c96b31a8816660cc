import type { FastifyError, FastifyInstance } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldError } from './errors.js';
import { isUploadRoute } from './upload.js';

/** Maps every error to application/problem+json (RFC 9457); nothing leaves as a bare 500 page. */
export function installProblemHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    let status = 500;
    let code = 'internal_error';
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
      code = 'validation_failed';
      fields = err.validation.map((v) => {
        const where = v.instancePath.replace(/^\//, '').replace(/\//g, '.');
        const base = err.validationContext ?? 'body';
        return { path: where ? `${base}.${where}` : base, message: v.message ?? 'invalid', code: (v.params as { issue?: { code?: string } } | undefined)?.issue?.code };
      });
      detail = fields.map((f) => `${f.path}: ${f.message}`).join('; ');
    } else if (isResponseSerializationError(err)) {
      request.log.error({ err: err.cause }, 'response does not match its schema');
    } else if (err.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || err instanceof SyntaxError) {
      status = 400;
      code = 'malformed_json';
      detail = 'The request body is not valid JSON.';
    } else if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE' || err.code === 'FST_REQ_FILE_TOO_LARGE') {
      status = 413;
      code = 'payload_too_large';
      detail = 'The request is larger than this server accepts.';
    } else if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') {
      status = 415;
      const upload = isUploadRoute(request.routeOptions.schema);
      code = upload ? 'multipart_required' : 'unsupported_media_type';
      detail = upload ? 'Send the file as multipart/form-data in a field named "file".' : 'This content type is not accepted here; send application/json.';
      if (upload) fields = [{ path: 'file', message: 'required' }];
    } else if (err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') {
      status = 400;
      code = 'malformed_json';
      detail = 'The request body is empty; send a JSON object.';
    } else if (typeof err.statusCode === 'number' && err.statusCode >= 400 && err.statusCode < 500) {
      status = err.statusCode;
      code = (err.code ?? 'bad_request').toLowerCase();
      detail = err.message;
    } else if (isDbError(err)) {
      ({ status, code, detail } = mapDbError(err));
    } else if (isConnectionError(err)) {
      status = 503;
      code = 'database_unavailable';
      detail = 'The database is unavailable; nothing was saved. Please try again shortly.';
    }
    if (status >= 500) request.log.error({ err }, 'request failed');
    reply
      .code(status)
      .type('application/problem+json')
      .send({ type: `about:blank`, title: titleOf(status), status, code, detail, ...(fields ? { errors: fields } : {}), ...extra });
  });

  app.setNotFoundHandler((request, reply) => {
    reply.code(404).type('application/problem+json').send({ type: 'about:blank', title: 'Not Found', status: 404, code: 'route_not_found', detail: `No route ${request.method} ${request.url.split('?')[0]}.` });
  });
}

function isDbError(err: unknown): err is { code: string; cause?: unknown } {
  const e = (err as { cause?: { code?: unknown } }).cause ?? err;
  return typeof (e as { code?: unknown }).code === 'string' && /^[0-9A-Z]{5}$/.test((e as { code: string }).code);
}

/** The database could not be reached or dropped the connection (e.g. while it restarts). */
function isConnectionError(err: unknown) {
  for (let e = err as { code?: unknown; message?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 4; e = e.cause as typeof e, depth++) {
    if (typeof e.code === 'string' && ['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN'].includes(e.code)) return true;
    if (typeof e.message === 'string' && /Connection terminated|connection timeout|Client has encountered a connection error|the database system is (starting up|shutting down)/i.test(e.message)) return true;
  }
  return false;
}

function mapDbError(err: { code: string; cause?: unknown }) {
  const code = ((err.cause as { code?: string }) ?? err).code;
  // 22xxx: bad value (e.g. an id that is not a uuid), 23xxx: constraint.
  if (code === '23505') return { status: 409, code: 'already_exists', detail: 'Something with these values already exists.' };
  if (code === '23503') return { status: 409, code: 'in_use_or_missing_reference', detail: 'This refers to something that does not exist, or is still used elsewhere.' };
  if (code?.startsWith('22')) return { status: 400, code: 'invalid_value', detail: 'A value in the request is not valid.' };
  if (code === '40001' || code === '40P01') return { status: 503, code: 'busy_retry', detail: 'The server is busy; please try again.' };
  return { status: 503, code: 'database_unavailable', detail: 'The database is unavailable; nothing was saved. Please try again shortly.' };
}

const titles: Record<number, string> = { 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict', 413: 'Payload Too Large', 415: 'Unsupported Media Type', 422: 'Unprocessable Content', 429: 'Too Many Requests', 500: 'Internal Server Error', 503: 'Service Unavailable' };
const titleOf = (s: number) => titles[s] ?? 'Error';
