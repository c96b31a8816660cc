import { z } from 'zod';
import { openPage, accountPage, staffPage } from '../../platform/http/links.js';
import { globalRoles, scopedRoles } from '../../platform/auth/roles.js';
import { endpoint, endpoints, idParams, labelled, okSchema, page, pageQuery } from '../../platform/http/contract.js';
import { localeSchema } from '../../platform/i18n/text.js';

const globalRole = labelled(globalRoles, 'accounts:roles');
const scopedRoleName = labelled(scopedRoles, 'accounts:scopeRoles');

export const email = z.email({ message: 'Enter a valid e-mail address.' }).max(254);
/** ASVS 2.1.1/2.1.2: at least 12 characters, up to 128, no composition rules, never truncated. */
export const password = z.string().min(12, { message: 'Use at least 12 characters.' }).max(128, { message: 'Use at most 128 characters.' });
/** Only same-site paths, so a link cannot send someone elsewhere. */
export const nextPath = z
  .string()
  .max(500)
  .regex(/^\/(?!\/)[^\s\\]*$/, 'must be a path on this site')
  .optional();

export const signUpBody = z.object({
  email,
  name: z.string().trim().min(1).max(200),
  password,
  locale: localeSchema.default('en'),
  next: nextPath,
});
export const loginBody = z.object({ email, password: z.string().min(1).max(200) });
export const emailBody = z.object({ email, next: nextPath });
export const tokenBody = z.object({ token: z.string().min(10).max(200) });
export const resetBody = z.object({ token: z.string().min(10).max(200), password });
export const profileBody = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  locale: localeSchema.optional(),
  currentPassword: z.string().max(200).optional(),
  newPassword: password.optional(),
});

export const scopedRole = z.object({ role: scopedRoleName, scopeType: z.string(), scopeId: z.string() });
export const me = z.object({
  user: z
    .object({
      id: z.uuid(),
      email: z.string(),
      name: z.string(),
      locale: z.string(),
      roles: z.array(globalRole),
      scopes: z.array(scopedRole),
    })
    .nullable(),
  csrfToken: z.string().nullable(),
});

export const signedIn = z.object({ ok: z.literal(true), csrfToken: z.string(), next: z.string().optional() });
export const accepted = z.object({ ok: z.literal(true), message: z.string() });

export const createStaffBody = z.object({
  email,
  name: z.string().trim().min(1).max(200),
  locale: localeSchema.default('en'),
  roles: z.array(globalRole).min(1),
});
export const rolesBody = z.object({ roles: z.array(globalRole) });
export const userListQuery = z.object({
  q: z.string().max(200).optional(),
  role: z.union([globalRole, scopedRoleName]).optional(),
  ...pageQuery,
});
export const userListItem = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  locale: z.string(),
  emailVerifiedAt: z.date().nullable(),
  lockedUntil: z.date().nullable(),
  createdAt: z.date(),
  roles: z.array(globalRole),
  scopes: z.array(scopedRole),
});

/** The codes this feature answers with, and their HTTP status (the UI translates each: src/web/locales/errors.ts). */
export const accountsErrors = {
  invalid_credentials: 401,
  account_locked: 429,
  email_not_verified: 403,
  account_disabled: 403,
  token_invalid: 400,
  email_taken: 409,
  cannot_remove_own_admin: 409,
} as const;
export type AccountsError = keyof typeof accountsErrors;

/** Accounts: sign-up, sign-in and sessions for everyone; the list of accounts and their global roles for staff. */
export const accountsApi = endpoints('accounts', {
  me: endpoint({
    method: 'GET',
    path: '/api/v1/auth/me',
    access: 'public',
    summary: 'The signed-in account, or null',
    response: { 200: me },
  }),
  signUp: endpoint({
    method: 'POST',
    path: '/api/v1/auth/signup',
    access: 'public',
    summary: 'Create an account; a link proves the address',
    body: signUpBody,
    response: { 202: accepted },
  }),
  verify: endpoint({
    method: 'POST',
    path: '/api/v1/auth/verify',
    access: 'public',
    summary: 'Confirm an e-mail address and sign in',
    body: tokenBody,
    response: { 200: signedIn },
  }),
  login: endpoint({
    method: 'POST',
    path: '/api/v1/auth/login',
    access: 'public',
    summary: 'Sign in with e-mail and password',
    body: loginBody,
    response: { 200: signedIn },
  }),
  loginLink: endpoint({
    method: 'POST',
    path: '/api/v1/auth/login-link',
    access: 'public',
    summary: 'Send a one-time sign-in link',
    body: emailBody,
    response: { 202: accepted },
  }),
  redeemLoginLink: endpoint({
    method: 'POST',
    path: '/api/v1/auth/login-link/redeem',
    access: 'public',
    summary: 'Sign in with a one-time link',
    body: tokenBody,
    response: { 200: signedIn },
  }),
  passwordReset: endpoint({
    method: 'POST',
    path: '/api/v1/auth/password-reset',
    access: 'public',
    summary: 'Send a password-reset link',
    body: emailBody,
    response: { 202: accepted },
  }),
  completePasswordReset: endpoint({
    method: 'POST',
    path: '/api/v1/auth/password-reset/complete',
    access: 'public',
    summary: 'Choose a new password with a reset link',
    body: resetBody,
    response: { 200: signedIn },
  }),
  logout: endpoint({
    method: 'POST',
    path: '/api/v1/auth/logout',
    access: 'user',
    summary: 'Sign out of this browser',
    response: { 200: okSchema },
  }),
  logoutAll: endpoint({
    method: 'POST',
    path: '/api/v1/auth/logout-all',
    access: 'user',
    summary: 'Sign out everywhere',
    response: { 200: okSchema },
  }),
  updateProfile: endpoint({
    method: 'PATCH',
    path: '/api/v1/auth/me',
    access: 'user',
    summary: 'Change name, language or password',
    body: profileBody,
    response: { 200: okSchema },
  }),
  users: endpoint({
    method: 'GET',
    path: '/api/v1/admin/users',
    access: ['secretariat'],
    summary: 'List accounts',
    query: userListQuery,
    response: { 200: page(userListItem) },
  }),
  createStaff: endpoint({
    method: 'POST',
    path: '/api/v1/admin/users',
    access: ['admin'],
    summary: 'Create a staff account',
    body: createStaffBody,
    response: { 201: z.object({ id: z.uuid() }) },
  }),
  setRoles: endpoint({
    method: 'PUT',
    path: '/api/v1/admin/users/:id/roles',
    access: ['admin'],
    summary: 'Set the global roles of an account',
    params: idParams,
    body: rolesBody,
    response: { 200: rolesBody },
  }),
});

/** The accounts' pages (sign-in and the links mailed to confirm an address, sign in or reset a password). */
export const accountsPages = {
  signIn: openPage('/signin'),
  signUp: openPage('/signup'),
  forgotPassword: openPage('/forgot-password'),
  verify: openPage('/auth/verify'),
  signInLink: openPage('/auth/link'),
  reset: openPage('/auth/reset'),
  account: accountPage('/account'),
  users: staffPage('/users'),
};
