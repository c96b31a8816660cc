import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, multipart, type Harness, type TestUser } from '../../test/harness.js';

let h: Harness;
let staff: TestUser;
beforeAll(async () => {
  h = await createHarness();
  staff = await h.user({ roles: ['secretariat'] });
});
afterAll(() => h.close());

const org = (over: Record<string, unknown> = {}) => ({
  name: { en: 'Cyberspace Institute', 'zh-Hans': '网络空间研究院' },
  countryCode: 'cn',
  stakeholderGroup: 'academia',
  website: 'https://cyber.example.org',
  ...over,
});
const count = async (table: string) =>
  (await h.database.rows<{ n: number }>(sql`select count(*)::int as n from ${sql.identifier(table)}`))[0].n;

describe('countries', () => {
  it('ships ISO codes with UN M49 regions, continents and three languages', async () => {
    const res = await h.call(null, { method: 'GET', url: '/api/v1/countries' });
    const list = res.json() as Array<{ code: string; m49: string; continent: string; subregion: string; name: Record<string, string> }>;
    expect(list.length).toBeGreaterThan(240);
    expect(list.find((c) => c.code === 'KE')).toMatchObject({
      m49: '404',
      continent: 'africa',
      subregion: 'Eastern Africa',
      name: { en: 'Kenya', 'zh-Hans': '肯尼亚', 'zh-Hant': '肯亞' },
    });
    expect(new Set(list.map((c) => c.continent))).toEqual(
      new Set(['africa', 'asia', 'europe', 'north-america', 'south-america', 'oceania', 'antarctica']),
    );
  });
});

describe('organizations', () => {
  it('creates, reads, updates and deletes, with an audit entry for each write', async () => {
    const c = await h.call(staff, { method: 'POST', url: '/api/v1/directory/organizations', payload: org() });
    expect(c.statusCode).toBe(201);
    const id = c.json().id;
    expect(c.json()).toMatchObject({ countryCode: 'CN', continent: 'asia' });
    const u = await h.call(staff, { method: 'PUT', url: `/api/v1/directory/organizations/${id}`, payload: org({ shortName: 'CI' }) });
    expect(u.json().shortName).toBe('CI');
    const d = await h.call(staff, { method: 'DELETE', url: `/api/v1/directory/organizations/${id}` });
    expect(d.statusCode).toBe(200);
    expect((await h.call(staff, { method: 'GET', url: `/api/v1/directory/organizations/${id}` })).statusCode).toBe(404);
    const actions = await h.database.rows<{ action: string }>(sql`select action from audit_log where entity_id = ${id} order by id`);
    expect(actions.map((a) => a.action)).toEqual(['organization.create', 'organization.update', 'organization.delete']);
  });

  it('refuses an unknown country and a name in no language, by field', async () => {
    const r = await h.call(staff, { method: 'POST', url: '/api/v1/directory/organizations', payload: org({ countryCode: 'XX' }) });
    expect(r.statusCode).toBe(400);
    expect(r.json().errors[0].path).toBe('countryCode');
    const r2 = await h.call(staff, { method: 'POST', url: '/api/v1/directory/organizations', payload: org({ name: { en: '' } }) });
    expect(r2.json().errors[0].path).toBe('body.name');
  });

  it('finds a Simplified name by its Traditional spelling and back, and filters by continent and group', async () => {
    await h.call(staff, {
      method: 'POST',
      url: '/api/v1/directory/organizations',
      payload: org({ name: { 'zh-Hans': '数字丝路信息中心' }, countryCode: 'KZ', stakeholderGroup: 'international-organization' }),
    });
    await h.call(staff, {
      method: 'POST',
      url: '/api/v1/directory/organizations',
      payload: org({ name: { 'zh-Hant': '臺灣網路資訊協會' }, countryCode: 'TW', stakeholderGroup: 'civil-society' }),
    });
    await h.call(staff, {
      method: 'POST',
      url: '/api/v1/directory/organizations',
      payload: org({ name: { en: 'Nairobi Open Data Lab' }, countryCode: 'KE', stakeholderGroup: 'civil-society' }),
    });
    const find = async (q: string, extra = '') =>
      (await h.call(staff, { method: 'GET', url: `/api/v1/directory/organizations?q=${encodeURIComponent(q)}${extra}` }))
        .json()
        .items.map((o: { name: Record<string, string> }) => Object.values(o.name)[0]);
    // Taiwan phrasing (數位 for 数字, 資訊 for 信息) folds to the same form.
    expect(await find('數位絲路資訊')).toEqual(['数字丝路信息中心']);
    expect(await find('數字絲路資訊中心')).toEqual(['数字丝路信息中心']);
    expect(await find('网络信息协会')).toEqual(['臺灣網路資訊協會']);
    expect(await find('NAIROBI open')).toEqual(['Nairobi Open Data Lab']);
    expect(await find('', '&continent=africa')).toEqual(['Nairobi Open Data Lab']);
    expect(await find('', '&stakeholderGroup=civil-society&sort=name&order=desc')).toHaveLength(2);
    const paged = (await h.call(staff, { method: 'GET', url: '/api/v1/directory/organizations?pageSize=1&page=2' })).json();
    expect(paged).toMatchObject({ page: 2, pageSize: 1 });
    expect(paged.items).toHaveLength(1);
    expect(paged.total).toBeGreaterThanOrEqual(3);
  });

  it('accepts a PNG logo, refuses a script named logo.png, and serves logos publicly', async () => {
    const o = (await h.call(staff, { method: 'POST', url: '/api/v1/directory/organizations', payload: org() })).json();
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4c40000000049454e44ae426082',
      'hex',
    );
    const ok = await h.call(staff, {
      method: 'PUT',
      url: `/api/v1/directory/organizations/${o.id}/logo`,
      ...multipart('logo.png', png, 'image/png'),
    });
    expect(ok.statusCode).toBe(200);
    const bad = await h.call(staff, {
      method: 'PUT',
      url: `/api/v1/directory/organizations/${o.id}/logo`,
      ...multipart('logo.png', '<script>alert(1)</script>', 'image/png'),
    });
    expect(bad.statusCode).toBe(415);
    expect(bad.json().code).toBe('file_type_not_allowed');
    const img = await h.call(null, { method: 'GET', url: `/api/v1/files/logos/${ok.json().fileId}` });
    expect(img.statusCode).toBe(200);
    expect(img.headers['content-type']).toBe('image/png');
  });
});

describe('people', () => {
  it('keeps the name in its own script and in Latin letters, with affiliations over time', async () => {
    const o = (
      await h.call(staff, { method: 'POST', url: '/api/v1/directory/organizations', payload: org({ name: { en: 'Affiliation Org' } }) })
    ).json();
    const p = await h.call(staff, {
      method: 'POST',
      url: '/api/v1/directory/people',
      payload: {
        name: '王芳',
        nameLatin: 'Wang Fang',
        countryCode: 'CN',
        gender: 'female',
        email: 'Wang.Fang@Example.org',
        phone: '+86 571 0000 0000',
        affiliations: [{ organizationId: o.id, title: { en: 'Director', 'zh-Hans': '主任' }, startDate: '2022-07-12' }],
      },
    });
    expect(p.statusCode).toBe(201);
    expect(p.json()).toMatchObject({
      name: '王芳',
      nameLatin: 'Wang Fang',
      email: 'wang.fang@example.org',
      affiliations: [{ organizationId: o.id, startDate: '2022-07-12' }],
    });
    const byLatin = await h.call(staff, { method: 'GET', url: '/api/v1/directory/people?q=wang%20fang' });
    expect(byLatin.json().items.map((x: { name: string }) => x.name)).toContain('王芳');
    const bad = await h.call(staff, {
      method: 'POST',
      url: '/api/v1/directory/people',
      payload: { name: '', phone: 'call me', gender: 'robot' },
    });
    expect(
      bad
        .json()
        .errors.map((e: { path: string }) => e.path)
        .sort(),
    ).toEqual(['body.gender', 'body.name', 'body.phone']);
  });
});

describe('import and export', () => {
  const header = 'name_en,name_zh_hans,name_zh_hant,short_name,country,stakeholder_group,website';
  const file = [
    header,
    'Lagos Digital Hub,拉各斯数字中心,,LDH,NG,business,https://ldh.example.org',
    'Bad Country Org,,,,ZZ,business,',
    'Quito Network,基多网络,,,EC,technical-community,',
    ',,,,FR,academia,',
    'Wrong Group,,,,DE,pirates,not-a-url',
    'Lima Data Commons,,,,PE,civil-society,',
  ].join('\n');

  it('a dry run reports every bad row by line and column and writes nothing', async () => {
    const before = await count('organizations');
    const r = await h.call(staff, {
      method: 'POST',
      url: '/api/v1/directory/import/organizations?dryRun=true',
      ...multipart('orgs.csv', `\uFEFF${file}`, 'text/csv'),
    });
    expect(r.statusCode).toBe(200);
    const report = r.json();
    expect(report.rows).toBe(6);
    expect(report.written).toBe(0);
    expect([...new Set(report.errors.map((e: { line: number }) => e.line))]).toEqual([3, 5, 6]);
    expect(report.errors).toEqual(
      expect.arrayContaining([
        { line: 3, field: 'country', message: 'unknown country code ZZ' },
        expect.objectContaining({ line: 5, field: 'name' }),
        expect.objectContaining({ line: 6, field: 'stakeholder_group' }),
        expect.objectContaining({ line: 6, field: 'website' }),
      ]),
    );
    expect(await count('organizations')).toBe(before);
  });

  it('a real import of a file with bad rows also writes nothing; a clean file writes every row', async () => {
    const before = await count('organizations');
    const r = await h.call(staff, {
      method: 'POST',
      url: '/api/v1/directory/import/organizations?dryRun=false',
      ...multipart('orgs.csv', file, 'text/csv'),
    });
    expect(r.json().written).toBe(0);
    expect(await count('organizations')).toBe(before);
    const clean = file
      .split('\n')
      .filter((_, i) => ![2, 4, 5].includes(i))
      .join('\n');
    const ok = await h.call(staff, {
      method: 'POST',
      url: '/api/v1/directory/import/organizations?dryRun=false',
      ...multipart('orgs.csv', clean, 'text/csv'),
    });
    expect(ok.json()).toMatchObject({ written: 3, errors: [] });
    expect(await count('organizations')).toBe(before + 3);
  });

  it('imports people from XLSX, linking them to organizations by name in any script', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('people');
    ws.addRow(['name', 'name_latin', 'country', 'gender', 'email', 'organization', 'title']);
    ws.addRow(['Adaeze Obi', '', 'NG', 'female', 'adaeze@example.org', '拉各斯數字中心', 'Founder']);
    const r = await h.call(staff, {
      method: 'POST',
      url: '/api/v1/directory/import/people?dryRun=false',
      ...multipart('people.xlsx', Buffer.from(await wb.xlsx.writeBuffer())),
    });
    expect(r.json()).toMatchObject({ rows: 1, written: 1, errors: [] });
    const p = (await h.call(staff, { method: 'GET', url: '/api/v1/directory/people?q=adaeze' })).json().items[0];
    expect(p.affiliations[0].organizationName['zh-Hans']).toBe('拉各斯数字中心');
  });

  it('exports CSV with a BOM and XLSX that reads back', async () => {
    const csv = await h.call(staff, { method: 'GET', url: '/api/v1/directory/export/organizations?format=csv&country=NG' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.rawPayload.toString('utf8')).toContain('拉各斯数字中心');
    const xlsx = await h.call(staff, { method: 'GET', url: '/api/v1/directory/export/organizations?format=xlsx&continent=south-america' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = wb.worksheets[0].getSheetValues().filter(Boolean) as unknown[][];
    expect(rows[0]).toContain('name_en');
    expect(
      rows
        .slice(1)
        .map((r) => r[2])
        .sort(),
    ).toEqual(['Lima Data Commons', 'Quito Network']);
  });

  it('refuses a file that is not a spreadsheet', async () => {
    const r = await h.call(staff, {
      method: 'POST',
      url: '/api/v1/directory/import/organizations',
      ...multipart('x.xlsx', Buffer.from('PK\u0003\u0004garbage')),
    });
    expect(r.statusCode).toBe(400);
    expect(r.json().code).toBe('file_unreadable');
  });
});
