import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';

let h: Harness;
let admin: TestUser;
beforeAll(async () => {
  h = await createHarness();
  admin = await h.user({ roles: ['admin'] });
});
afterAll(() => h.close());

it('a person downloads their data; an admin erases them, keeping aggregate figures and an audit entry', async () => {
  const u = await h.user({ email: 'lucia@example.org', name: 'Lucía Fernández' });
  const org = (
    await h.call(admin, {
      method: 'POST',
      url: '/api/v1/directory/organizations',
      payload: { name: { en: 'Iberian Lab' }, countryCode: 'ES', stakeholderGroup: 'academia' },
    })
  ).json();
  const person = (
    await h.call(admin, {
      method: 'POST',
      url: '/api/v1/directory/people',
      payload: {
        name: 'Lucía Fernández',
        countryCode: 'ES',
        gender: 'female',
        email: 'lucia@example.org',
        phone: '+34 600 000 000',
        affiliations: [{ organizationId: org.id }],
      },
    })
  ).json();

  const mine = await h.call(u, { method: 'GET', url: '/api/v1/me/data' });
  expect(mine.statusCode).toBe(200);
  expect(mine.json().accounts.account.email).toBe('lucia@example.org');
  expect(mine.json().directory).toMatchObject({ name: 'Lucía Fernández', phone: '+34 600 000 000' });

  expect(mine.headers['content-type']).toMatch(/^application\/json/);
  expect(mine.headers['content-disposition']).toContain('my-data.json');
  // The secretariat answers a subject-access request with the same document, found through the directory entry.
  const theirs = await h.call(admin, { method: 'GET', url: `/api/v1/admin/people/${person.id}/data` });
  expect(theirs.statusCode).toBe(200);
  expect(theirs.json().accounts.account.email).toBe('lucia@example.org');
  expect(theirs.json().subject).toMatchObject({ personId: person.id, userId: u.id });
  const refused = await h.call(u, { method: 'POST', url: `/api/v1/admin/people/${person.id}/erase`, payload: { confirm: true } });
  expect(refused.statusCode).toBe(403);
  const r = await h.call(admin, { method: 'POST', url: `/api/v1/admin/people/${person.id}/erase`, payload: { confirm: true } });
  expect(r.statusCode).toBe(200);

  const after = (await h.call(admin, { method: 'GET', url: `/api/v1/directory/people/${person.id}` })).json();
  expect(after).toMatchObject({ name: 'Erased person', email: null, phone: null, nameLatin: null, countryCode: 'ES', gender: 'female' });
  expect(after.affiliations).toHaveLength(1);
  const found = await h.database.rows(
    sql`select 1 from users where email = 'lucia@example.org' union all select 1 from people where email = 'lucia@example.org' union all select 1 from mail_outbox where "to" = 'lucia@example.org'`,
  );
  expect(found).toEqual([]);
  expect((await h.call(u, { method: 'GET', url: '/api/v1/auth/me' })).json().user).toBeNull();
  const log = await h.database.rows<{ action: string }>(
    sql`select action from audit_log where action = 'privacy.erase' and entity_id = ${person.id}`,
  );
  expect(log).toHaveLength(1);
});
