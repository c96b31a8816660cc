/**
 * One error type for the whole server. The code is stable (the UI translates it),
 * the message is for a person, the status is the HTTP answer.
 */
export interface FieldError {
  path: string;
  message: string;
  code?: string;
}

export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(message);
  }
}

// One text for everything: a caller must not tell a hidden parent from an unknown child.
export const notFound = () => new AppError(404, 'not_found', 'Not found, or you may not see it.');
export const forbidden = (message = 'You may not do this.') => new AppError(403, 'forbidden', message);
export const unauthenticated = () => new AppError(401, 'unauthenticated', 'Sign in first.');
export const conflict = (code: string, message: string, extra?: Record<string, unknown>) => new AppError(409, code, message, undefined, extra);
export const invalid = (path: string, message: string, code = 'invalid') =>
  new AppError(400, 'validation_failed', `${path}: ${message}`, [{ path, message, code }]);
