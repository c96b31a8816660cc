import { describe, expect, it } from 'vitest';
import { ageOn, checkEligibility, validateAnswers } from './form.js';
import { templates } from './templates.js';

const form = templates['sci-tech'].form;

describe('answers are checked against the form definition', () => {
  it('a draft may be incomplete, a submission may not', () => {
    expect(validateAnswers(form, { title: { 'zh-Hans': '量子网络' } }, { complete: false }).problems).toEqual([]);
    const { problems } = validateAnswers(form, { title: { 'zh-Hans': '量子网络' } }, { complete: true });
    expect(problems.map((p) => p.path)).toEqual(expect.arrayContaining(['answers.applicantType', 'answers.summary', 'answers.attachment']));
    expect(problems.every((p) => p.code === 'required')).toBe(true);
  });

  it('enforces types, options and length limits', () => {
    const { problems } = validateAnswers(
      form,
      {
        title: { en: 'x'.repeat(121) },
        applicantType: 'government',
        country: 'XX1',
        maturity: 'pilot',
        video: 'javascript:alert(1)',
        team: [{ email: 'no-name@example.org' }],
      },
      { complete: false },
    );
    const byPath = Object.fromEntries(problems.map((p) => [p.path, p.code]));
    expect(byPath['answers.title.en']).toBe('too_long');
    expect(byPath['answers.applicantType']).toBe('not_an_option');
    expect(byPath['answers.country']).toBe('invalid');
    expect(byPath['answers.video']).toBe('invalid');
    expect(byPath['answers.team.0.name']).toBe('invalid');
  });

  it('counts characters, not UTF-16 units or bytes', () => {
    expect(validateAnswers(form, { title: { 'zh-Hans': '网'.repeat(120) } }, { complete: false }).problems).toEqual([]);
  });

  it('shows and checks a conditional field only when its condition holds', () => {
    // video is shown only for maturity pilot or deployed: a bad URL is ignored (and dropped) for research.
    const r = validateAnswers(form, { maturity: 'research', video: 'not a url' }, { complete: false });
    expect(r.problems).toEqual([]);
    expect(r.answers.video).toBeUndefined();
  });

  it('drops unknown keys', () => {
    expect(validateAnswers(form, { hack: 1 }, { complete: false }).answers).toEqual({});
  });
});

describe('eligibility', () => {
  it('checks applicant type, country and age at the close date', () => {
    const close = new Date('2025-09-30T16:00:00Z');
    expect(ageOn('1985-10-01', close)).toBe(39);
    expect(ageOn('1985-09-30', close)).toBe(40);
    expect(checkEligibility({ maxAge: 40 }, { birthDate: '1985-09-30' }, close)).toEqual([]);
    expect(checkEligibility({ maxAge: 40 }, { birthDate: '1984-09-29' }, close)).toEqual(['age 41 is above the limit of 40']);
    expect(
      checkEligibility({ applicantTypes: ['team'], excludedCountries: ['AQ'] }, { applicantType: 'individual', countryCode: 'AQ' }, close),
    ).toHaveLength(2);
  });
});
