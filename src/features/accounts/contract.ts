import { z } from 'zod';
import { globalRoles } from '../../platform/auth/access.js';
import { localeSchema } from '../../platform/i18n/text.js';

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

export const scopedRole = z.object({ role: z.string(), scopeType: z.string(), scopeId: z.string() });
export const me = z.object({
  user: z
    .object({
      id: z.uuid(),
      email: z.string(),
      name: z.string(),
      locale: z.string(),
      roles: z.array(z.enum(globalRoles)),
      scopes: z.array(scopedRole),
    })
    .nullable(),
  csrfToken: z.string().nullable(),
});
export type Me = z.infer<typeof me>;

export const signedIn = z.object({ ok: z.literal(true), csrfToken: z.string(), next: z.string().optional() });
export const accepted = z.object({ ok: z.literal(true), message: z.string() });

export const createStaffBody = z.object({
  email,
  name: z.string().trim().min(1).max(200),
  locale: localeSchema.default('en'),
  roles: z.array(z.enum(globalRoles)).min(1),
});
export const rolesBody = z.object({ roles: z.array(z.enum(globalRoles)) });
export const userListItem = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  locale: z.string(),
  emailVerifiedAt: z.date().nullable(),
  lockedUntil: z.date().nullable(),
  createdAt: z.date(),
  roles: z.array(z.string()),
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
