/**
 * Call forms: field definitions staff build, and the server-side check of an
 * applicant's answers against them. Pure code, shared with the browser through
 * contract.ts (the browser renders the same definitions).
 */
import { z } from 'zod';
import type { FieldCode } from '../../platform/http/codes.js';
import { labelled } from '../../platform/http/contract.js';
import { localizedText, type LocalizedText } from '../../platform/i18n/text.js';

export const fieldTypes = ['text', 'longtext', 'choice', 'multichoice', 'number', 'date', 'country', 'url', 'file', 'people'] as const;
export type FieldType = (typeof fieldTypes)[number];

export const applicantTypes = [
  'government',
  'international-organization',
  'civil-society',
  'academia',
  'technical-community',
  'business',
  'team',
  'individual',
] as const;

export const option = z.object({ value: z.string().trim().min(1).max(100), label: localizedText(300) });
export type Option = { value: string; label: LocalizedText };

export const formField = z.object({
  key: z.string().regex(/^[a-z][a-zA-Z0-9_]{0,49}$/, 'starts with a lower-case letter; letters, digits and _ only'),
  type: labelled(fieldTypes, 'calls:fieldTypes'),
  label: localizedText(300),
  help: localizedText(2000).optional(),
  required: z.boolean().default(false),
  /** Text fields: the answer is a map { en, zh-Hans, zh-Hant } and any language may be given. */
  localized: z.boolean().optional(),
  minLength: z.number().int().min(0).max(100_000).optional(),
  maxLength: z.number().int().min(1).max(100_000).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  maxItems: z.number().int().min(1).max(200).optional(),
  options: z.array(option).max(200).optional(),
  /** Shown (and checked) only when another field's answer equals one of these values. */
  showIf: z.object({ field: z.string(), equals: z.array(z.string()).min(1) }).optional(),
  /** Shown on the public showcase when the entry is selected. */
  public: z.boolean().optional(),
});
export type FormField = z.input<typeof formField>;

export const formDefinition = z
  .array(formField)
  .max(100)
  .superRefine((fields, ctx) => {
    const keys = new Set<string>();
    fields.forEach((f, i) => {
      if (keys.has(f.key)) ctx.addIssue({ code: 'custom', path: [i, 'key'], message: `duplicate key ${f.key}` });
      keys.add(f.key);
      if ((f.type === 'choice' || f.type === 'multichoice') && !f.options?.length)
        ctx.addIssue({ code: 'custom', path: [i, 'options'], message: 'a choice needs options' });
      if (f.showIf && !fields.slice(0, i).some((g) => g.key === f.showIf!.field))
        ctx.addIssue({ code: 'custom', path: [i, 'showIf'], message: 'must refer to an earlier field' });
    });
  });

export const eligibility = z.object({
  applicantTypes: z.array(labelled(applicantTypes, 'calls:applicantTypes')).optional(),
  /** If set, only these countries may apply. */
  countries: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
  excludedCountries: z.array(z.string().regex(/^[A-Z]{2}$/)).optional(),
  /** Youth programs: age at the close date must not exceed this. */
  maxAge: z.number().int().min(1).max(120).optional(),
  minAge: z.number().int().min(0).max(120).optional(),
});
export type Eligibility = z.infer<typeof eligibility>;

export const person = z.object({
  name: z.string().trim().min(1).max(200),
  email: z
    .email()
    .max(254)
    .optional()
    .or(z.literal('').transform(() => undefined)),
  organization: z.string().trim().max(300).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  role: z.string().trim().max(100).optional(),
});
export type Person = z.infer<typeof person>;

/** One answer of a form: text, number, yes/no, a date or country code, a text in several languages, choices, file ids or people. */
export const answer = z.union([
  z.string(),
  z.number(),
  z.boolean(),
  z.null(),
  z.record(z.string(), z.string()),
  z.array(z.union([z.string(), person.partial().extend({ name: z.string() })])),
]);
export const answers = z.record(z.string(), answer);
export type Answers = z.output<typeof answers>;

export interface AnswerProblem {
  path: string;
  message: string;
  code: FieldCode;
}

const textLength = (s: string) => [...s].length;

/** Whether a field is shown, given the other answers. */
export function isShown(field: FormField, answers: Record<string, unknown>) {
  if (!field.showIf) return true;
  const v = answers[field.showIf.field];
  const vals = Array.isArray(v) ? v.map(String) : v == null ? [] : [String(v)];
  return vals.some((x) => field.showIf!.equals.includes(x));
}

const isEmpty = (v: unknown) =>
  v == null ||
  v === '' ||
  (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && !Array.isArray(v) && Object.values(v as object).every((x) => x == null || x === ''));

export interface ValidateOptions {
  /** On submit, required fields must be answered; drafts may be incomplete. */
  complete: boolean;
  countryCodes?: Set<string>;
  /** File ids the applicant may reference (uploaded by them). */
  fileOk?: (id: string) => boolean;
}

/**
 * Checks answers against the form. Returns the cleaned answers (unknown keys and
 * hidden fields dropped) and the problems, each with the path of its field.
 */
export function validateAnswers(
  form: FormField[],
  raw: Record<string, unknown>,
  opts: ValidateOptions,
): { answers: Answers; problems: AnswerProblem[] } {
  const problems: AnswerProblem[] = [];
  const answers: Answers = {};
  const bad = (path: string, message: string, code: FieldCode = 'invalid') => problems.push({ path: `answers.${path}`, message, code });
  for (const f of form) {
    const v = raw[f.key];
    if (!isShown(f, raw)) continue;
    if (isEmpty(v)) {
      if (f.required && opts.complete) bad(f.key, 'is required', 'required');
      continue;
    }
    const lengthOk = (s: string, path: string) => {
      const n = textLength(s);
      if (f.maxLength && n > f.maxLength) bad(path, `is longer than ${f.maxLength} characters (${n})`, 'too_long');
      else if (f.minLength && opts.complete && n < f.minLength) bad(path, `is shorter than ${f.minLength} characters (${n})`, 'too_short');
    };
    switch (f.type) {
      case 'text':
      case 'longtext': {
        if (f.localized) {
          const parsed = localizedText(100_000).safeParse(v);
          if (!parsed.success) {
            bad(f.key, 'must be a text per language: { "en", "zh-Hans", "zh-Hant" }');
            break;
          }
          for (const [lang, s] of Object.entries(parsed.data)) lengthOk(s!, `${f.key}.${lang}`);
          if (Object.keys(parsed.data).length) answers[f.key] = parsed.data;
          else if (f.required && opts.complete) bad(f.key, 'is required', 'required');
        } else {
          if (typeof v !== 'string') {
            bad(f.key, 'must be text');
            break;
          }
          const s = v.trim();
          if (f.type === 'text' && /[\r\n]/.test(s)) bad(f.key, 'must be one line');
          lengthOk(s, f.key);
          answers[f.key] = s;
        }
        break;
      }
      case 'choice': {
        if (typeof v !== 'string' || !f.options?.some((o) => o.value === v)) bad(f.key, 'is not one of the options', 'not_an_option');
        else answers[f.key] = v;
        break;
      }
      case 'multichoice': {
        if (!Array.isArray(v) || v.some((x) => typeof x !== 'string' || !f.options?.some((o) => o.value === x)))
          bad(f.key, 'must be a list of the options', 'not_an_option');
        else if (f.maxItems && v.length > f.maxItems) bad(f.key, `may hold at most ${f.maxItems} choices`, 'too_many');
        else answers[f.key] = [...new Set(v as string[])];
        break;
      }
      case 'number': {
        const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
        if (!Number.isFinite(n)) bad(f.key, 'must be a number');
        else if (f.min != null && n < f.min) bad(f.key, `must be at least ${f.min}`, 'too_small');
        else if (f.max != null && n > f.max) bad(f.key, `must be at most ${f.max}`, 'too_large');
        else answers[f.key] = n;
        break;
      }
      case 'date': {
        if (
          typeof v !== 'string' ||
          !/^\d{4}-\d{2}-\d{2}$/.test(v) ||
          Number.isNaN(Date.parse(`${v}T00:00:00Z`)) ||
          new Date(`${v}T00:00:00Z`).toISOString().slice(0, 10) !== v
        )
          bad(f.key, 'must be a date YYYY-MM-DD');
        else answers[f.key] = v;
        break;
      }
      case 'country': {
        const c = typeof v === 'string' ? v.trim().toUpperCase() : '';
        if (!/^[A-Z]{2}$/.test(c) || (opts.countryCodes && !opts.countryCodes.has(c))) bad(f.key, 'must be a country code, e.g. CN');
        else answers[f.key] = c;
        break;
      }
      case 'url': {
        const s = typeof v === 'string' ? v.trim() : '';
        let ok = false;
        try {
          ok = /^https?:$/.test(new URL(s).protocol) && s.length <= 2000;
        } catch {
          ok = false;
        }
        if (!ok) bad(f.key, 'must be a web address starting with http:// or https://');
        else answers[f.key] = s;
        break;
      }
      case 'file': {
        const ids = Array.isArray(v) ? v : [v];
        if (ids.some((x) => typeof x !== 'string' || !z.uuid().safeParse(x).success || (opts.fileOk && !opts.fileOk(x))))
          bad(f.key, 'must refer to files you uploaded to this submission', 'bad_file');
        else if (ids.length > (f.maxItems ?? 1)) bad(f.key, `may hold at most ${f.maxItems ?? 1} files`, 'too_many');
        else answers[f.key] = f.maxItems && f.maxItems > 1 ? ids : ids[0];
        break;
      }
      case 'people': {
        const parsed = z.array(person).safeParse(v);
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          bad(`${f.key}.${issue.path.join('.')}`, issue.message);
        } else if (f.maxItems && parsed.data.length > f.maxItems) bad(f.key, `may list at most ${f.maxItems} people`, 'too_many');
        else answers[f.key] = parsed.data;
        break;
      }
      default: {
        const never: never = f.type;
        throw new Error(`unknown field type ${String(never)}`);
      }
    }
  }
  return { answers, problems };
}

/** Age in whole years on a given day. */
export function ageOn(birthDate: string, on: Date) {
  const b = new Date(`${birthDate}T00:00:00Z`);
  let age = on.getUTCFullYear() - b.getUTCFullYear();
  const m = on.getUTCMonth() - b.getUTCMonth();
  if (m < 0 || (m === 0 && on.getUTCDate() < b.getUTCDate())) age--;
  return age;
}

/** The automatic eligibility check: a list of problems, empty when eligible. */
export function checkEligibility(
  rules: Eligibility,
  s: { applicantType?: string | null; countryCode?: string | null; birthDate?: string | null },
  closesAt: Date,
): string[] {
  const out: string[] = [];
  if (rules.applicantTypes?.length && (!s.applicantType || !rules.applicantTypes.includes(s.applicantType as never)))
    out.push(`applicant type ${s.applicantType ?? '(none)'} is not eligible`);
  if (rules.countries?.length && (!s.countryCode || !rules.countries.includes(s.countryCode)))
    out.push(`country ${s.countryCode ?? '(none)'} is not eligible`);
  if (s.countryCode && rules.excludedCountries?.includes(s.countryCode)) out.push(`country ${s.countryCode} is excluded`);
  if (rules.maxAge != null || rules.minAge != null) {
    if (!s.birthDate) out.push('date of birth is missing');
    else {
      const age = ageOn(s.birthDate, closesAt);
      if (rules.maxAge != null && age > rules.maxAge) out.push(`age ${age} is above the limit of ${rules.maxAge}`);
      if (rules.minAge != null && age < rules.minAge) out.push(`age ${age} is below the minimum of ${rules.minAge}`);
    }
  }
  return out;
}
