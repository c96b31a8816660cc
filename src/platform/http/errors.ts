import { platformErrors, type ErrorCatalogue, type FieldCode } from './codes.js';

/**
 * One error type for the whole server. The code is stable (the UI translates it),
 * the message is for a person, the status is the HTTP answer.
 */
export interface FieldError {
  path: string;
  message: string;
  code: FieldCode;
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

/**
 * The error for `code` of a catalogue (a feature's, in its contract.ts, or the
 * platform's): the status comes from the catalogue, and a code missing from it is a type error.
 */
export const fail = <C extends ErrorCatalogue>(
  catalogue: C,
  code: keyof C & string,
  message: string,
  more: { fields?: FieldError[]; extra?: Record<string, unknown> } = {},
) => new AppError(catalogue[code], code, message, more.fields, more.extra);

// One text for everything: a caller must not tell a hidden parent from an unknown child.
export const notFound = () => fail(platformErrors, 'not_found', 'Not found, or you may not see it.');
export const forbidden = (message = 'You may not do this.') => fail(platformErrors, 'forbidden', message);
export const unauthenticated = () => fail(platformErrors, 'unauthenticated', 'Sign in first.');
export const invalid = (path: string, message: string, code: FieldCode = 'invalid') =>
  fail(platformErrors, 'validation_failed', `${path}: ${message}`, { fields: [{ path, message, code }] });
