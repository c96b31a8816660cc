import { expect, it } from 'vitest';
import { conflictReason } from './service.js';

const reviewer = { id: 'r', userId: 'u-r', email: 'expert@x.example', country: 'KE', orgIds: new Set(['org-1']) };
const sub = {
  id: 's',
  organizationId: null,
  nominatedByOrg: null,
  countryCode: 'BR',
  peopleEmails: [] as string[],
  applicantId: 'u-a',
  nomineeEmail: null,
};
const none = new Map<string, string>();

it('finds conflicts of interest automatically', () => {
  expect(conflictReason({ sameCountryConflict: false }, reviewer, sub, none)).toBeNull();
  expect(conflictReason({ sameCountryConflict: false }, reviewer, { ...sub, organizationId: 'org-1' }, none)).toBe('same organization');
  expect(conflictReason({ sameCountryConflict: false }, reviewer, { ...sub, nominatedByOrg: 'org-1' }, none)).toBe('same organization');
  expect(conflictReason({ sameCountryConflict: false }, reviewer, { ...sub, peopleEmails: ['expert@x.example'] }, none)).toBe(
    'applicant or co-applicant',
  );
  expect(conflictReason({ sameCountryConflict: false }, reviewer, { ...sub, applicantId: 'u-r' }, none)).toBe('applicant or co-applicant');
  // Same country counts only when the call says so (e.g. youth leaders).
  expect(conflictReason({ sameCountryConflict: false }, reviewer, { ...sub, countryCode: 'KE' }, none)).toBeNull();
  expect(conflictReason({ sameCountryConflict: true }, reviewer, { ...sub, countryCode: 'KE' }, none)).toBe('same country');
  expect(conflictReason({ sameCountryConflict: false }, reviewer, sub, new Map([['r|s', 'forbidden by staff']]))).toBe(
    'forbidden by staff',
  );
});
