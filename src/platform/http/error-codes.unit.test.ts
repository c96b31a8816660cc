import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { core } from 'zod';
import { accountsErrors } from '../../features/accounts/contract.js';
import { callsErrors } from '../../features/calls/contract.js';
import { eventsErrors } from '../../features/events/contract.js';
import { groupsErrors } from '../../features/groups/contract.js';
import { libraryErrors } from '../../features/library/contract.js';
import { membershipErrors } from '../../features/membership/contract.js';
import { reviewErrors } from '../../features/review/contract.js';
import { showcaseErrors } from '../../features/showcase/contract.js';
import { errorTexts } from '../../web/locales/errors.js';
import { fieldCodes, platformErrors, type ErrorCatalogue } from './codes.js';
import { mapDbError, refusals } from './problem.js';

/** Every catalogue, by the name the throw sites use. */
const catalogues: Record<string, ErrorCatalogue> = {
  platformErrors,
  accountsErrors,
  callsErrors,
  eventsErrors,
  groupsErrors,
  libraryErrors,
  membershipErrors,
  reviewErrors,
  showcaseErrors,
};
const serverCodes = new Set(Object.values(catalogues).flatMap((c) => Object.keys(c)));
/** Texts the web app shows for its own reasons, not for a server code. */
const uiOnly = ['generic', 'notFoundTitle', 'backHome', 'http_error', 'download_failed'];
const languages = ['en', 'zh-Hans', 'zh-Hant'] as const;

// Exhaustive by type: a zod issue code added by an upgrade fails to compile here.
const zodIssueCodes: Record<core.$ZodIssue['code'], true> = {
  invalid_type: true,
  too_big: true,
  too_small: true,
  invalid_format: true,
  not_multiple_of: true,
  unrecognized_keys: true,
  invalid_union: true,
  invalid_key: true,
  invalid_element: true,
  invalid_value: true,
  custom: true,
};

const root = path.resolve(import.meta.dirname, '../..');
function serverSources(dir = root): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'web' ? [] : serverSources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('every error code has a message in every UI language', () => {
  for (const lang of languages) {
    it(`${lang}: each code the server can answer has its own text`, () => {
      const texts: Record<string, string> = errorTexts[lang].errors;
      // i18next would fall back to English: each language must carry the key itself.
      const missing = [...serverCodes].filter((c) => !texts[c]?.trim());
      expect(missing).toEqual([]);
    });

    it(`${lang}: no text for a code that no longer exists`, () => {
      const stale = Object.keys(errorTexts[lang].errors).filter((k) => !serverCodes.has(k) && !uiOnly.includes(k));
      expect(stale).toEqual([]);
    });

    it(`${lang}: each field code has its own text, and no other`, () => {
      const texts: Record<string, string> = errorTexts[lang].fieldErrors;
      expect(fieldCodes.filter((c) => !texts[c]?.trim())).toEqual([]);
      expect(Object.keys(texts).filter((k) => !(fieldCodes as readonly string[]).includes(k))).toEqual([]);
    });
  }

  it('the Chinese texts are Chinese, not English left in place', () => {
    for (const lang of ['zh-Hans', 'zh-Hant'] as const)
      for (const [k, v] of Object.entries({ ...errorTexts[lang].errors, ...errorTexts[lang].fieldErrors }))
        expect(v, `${lang} ${k}`).toMatch(/\p{Script=Han}/u);
  });

  it("zod's issue codes, which reach the UI as field codes, are all field codes", () => {
    expect(Object.keys(zodIssueCodes).filter((c) => !(fieldCodes as readonly string[]).includes(c))).toEqual([]);
  });
});

describe('the catalogues are what the server answers', () => {
  it('codes are snake_case and statuses are 4xx or 5xx', () => {
    for (const [name, c] of Object.entries(catalogues))
      for (const [code, status] of Object.entries(c)) {
        expect(code, name).toMatch(/^[a-z]+(_[a-z]+)*$/);
        expect(status >= 400 && status < 600, `${name}.${code}`).toBe(true);
      }
  });

  it("the problem handler's refusals and database outcomes carry the catalogue's status", () => {
    for (const [code, [status]] of Object.entries(refusals))
      expect([code, status]).toEqual([code, platformErrors[code as keyof typeof platformErrors]]);
    for (const sqlState of ['23505', '23503', '22P02', '40001', '40P01', '53300']) {
      const { status, code } = mapDbError({ code: sqlState });
      expect(status).toBe(platformErrors[code]);
    }
  });

  it('a source scan finds no code thrown outside a catalogue', () => {
    const sites: string[] = [];
    const problems: string[] = [];
    for (const file of serverSources()) {
      const rel = path.relative(root, file);
      const text = fs.readFileSync(file, 'utf8');
      // Errors are made by fail() (or the helpers built on it), so the status always comes from a catalogue.
      if (rel !== path.join('platform', 'http', 'errors.ts') && /new AppError\s*\(/.test(text))
        problems.push(`${rel}: new AppError( — use fail(<catalogue>, 'code', …)`);
      for (const m of text.matchAll(/\bfail\(\s*(\w+)\s*,\s*(?:'([^']*)'|([^,)]+))/g)) {
        const [, name, code, other] = m;
        if (rel === path.join('platform', 'http', 'errors.ts') && name === 'catalogue') continue;
        sites.push(`${name}.${code}`);
        if (!catalogues[name]) problems.push(`${rel}: fail(${name}, …) — not a known catalogue`);
        else if (code === undefined) problems.push(`${rel}: fail(${name}, ${other}) — the code must be a string literal`);
        else if (!(code in catalogues[name])) problems.push(`${rel}: '${code}' is not in ${name}`);
      }
      for (const m of text.matchAll(/'(\w+)' satisfies PlatformError/g))
        if (!(m[1] in platformErrors)) problems.push(`${rel}: '${m[1]}' is not in platformErrors`);
      if (/\bconflict\(\s*'/.test(text)) problems.push(`${rel}: conflict(…) — use fail(<catalogue>, 'code', …)`);
    }
    expect(problems).toEqual([]);
    // The scan sees the throw sites (a broken pattern would find none and pass).
    expect(sites.length).toBeGreaterThan(100);
    expect(sites).toEqual(
      expect.arrayContaining([
        'callsErrors.call_closed',
        'eventsErrors.already_signed_up',
        'platformErrors.not_found',
        'accountsErrors.invalid_credentials',
      ]),
    );
  });

  it('each catalogue code is thrown somewhere (no dead codes)', () => {
    const thrown = new Set<string>();
    for (const file of serverSources()) {
      const text = fs.readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\bfail\(\s*(\w+)\s*,\s*'([^']*)'/g)) thrown.add(`${m[1]}.${m[2]}`);
    }
    // Platform codes are also answered by the problem handler itself (refusals, database outcomes).
    const handled = new Set([
      ...Object.keys(refusals),
      ...[
        'already_exists',
        'in_use_or_missing_reference',
        'invalid_value',
        'busy_retry',
        'database_unavailable',
        'internal_error',
        'validation_failed',
        'malformed_json',
        'multipart_required',
        'unsupported_media_type',
      ],
    ]);
    const dead = Object.entries(catalogues).flatMap(([name, c]) =>
      Object.keys(c)
        .filter((code) => !thrown.has(`${name}.${code}`) && !(name === 'platformErrors' && handled.has(code)))
        .map((code) => `${name}.${code}`),
    );
    expect(dead).toEqual([]);
  });
});
