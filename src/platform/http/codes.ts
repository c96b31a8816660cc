/**
 * The platform's error codes and their HTTP status: browser-safe, so the web
 * app and the translation test see the same list the server answers with.
 * Each feature keeps its own catalogue in its contract.ts.
 */
export const platformErrors = {
  // Access (platform/auth, errors.ts)
  unauthenticated: 401,
  forbidden: 403,
  csrf_failed: 403,
  not_found: 404,
  reference_not_found: 404,
  // Input
  validation_failed: 400,
  malformed_json: 400,
  invalid_value: 400,
  // Uploads and imports (platform/files, http/upload.ts, exports)
  multipart_required: 415,
  multipart_invalid: 400,
  file_empty: 400,
  file_unreadable: 400,
  file_too_large: 413,
  file_type_not_allowed: 415,
  // Database outcomes (problem.ts)
  already_exists: 409,
  in_use_or_missing_reference: 409,
  // Bulk actions (bulk.ts): the list's filter matches another number than the person confirmed
  selection_changed: 409,
  busy_retry: 503,
  database_unavailable: 503,
  internal_error: 500,
  // Refusals by Fastify or Node's HTTP parser (problem.ts)
  bad_request: 400,
  bad_url: 400,
  missing_host: 400,
  bad_content_length: 400,
  route_not_found: 404,
  method_not_allowed: 405,
  not_acceptable: 406,
  request_timeout: 408,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  expectation_failed: 417,
  headers_too_large: 431,
  // Too many requests from one address (rate-limit.ts)
  rate_limited: 429,
} as const;
export type PlatformError = keyof typeof platformErrors;

/**
 * Codes of single fields in a `validation_failed` answer (`errors[].code`):
 * our own, and zod's issue codes, which the problem handler passes on.
 */
export const fieldCodes = [
  'invalid',
  'required',
  'not_an_option',
  'too_long',
  'too_short',
  'too_many',
  'too_small',
  'too_large',
  'bad_file',
  'out_of_range',
  'wrong_password',
  'reference_not_found',
  // zod
  'invalid_type',
  'too_big',
  'invalid_format',
  'invalid_value',
  'invalid_union',
  'invalid_key',
  'invalid_element',
  'not_multiple_of',
  'unrecognized_keys',
  'custom',
] as const;
export type FieldCode = (typeof fieldCodes)[number];

/** A feature's catalogue: code → HTTP status. */
export type ErrorCatalogue = Readonly<Record<string, number>>;
