import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo.js';
import { readSheet } from '../../platform/exports/index.js';
import { searchDocs } from '../../platform/search/model.js';
import { createHarness, multipart, type Harness, type TestUser } from '../../test/harness.js';
import { accountIdByEmail, loadActorBySession } from '../accounts/index.js';
import { rolesOf } from '../accounts/testkit.js';
import { listCountries } from '../directory/index.js';
import { rebuild } from '../search/index.js';
import { demoMemberPlan } from './demo.js';
import { isoDay } from './members.js';
import { delegate } from '../events/testkit.js';

let h: Harness;
let staff: TestUser;
let continentOf: Map<string, string>;

beforeAll(async () => {
  h = await createHarness();
  continentOf = new Map((await listCountries(h.ctx.db)).map((c) => [c.code, c.continent]));
  await seedDemo(h.ctx);
  staff = await h.user({ roles: ['secretariat'] });
});
afterAll(() => h.close());

const count = <T>(xs: T[], key: (x: T) => string) => {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
};
const asMap = (buckets: Array<{ key: string; count: number }>) => new Map(buckets.map((b) => [b.key, b.count]));

describe('the demo members', () => {
  const plan = demoMemberPlan(isoDay(new Date()));
  const counting = plan.filter((m) => m.status === 'active' || m.status === 'grace');

  it('are 120–140 members from 24–30 countries on six continents', () => {
    expect(plan.length).toBeGreaterThanOrEqual(120);
    expect(plan.length).toBeLessThanOrEqual(140);
    const countries = new Set(plan.map((m) => m.country));
    expect(countries.size).toBeGreaterThanOrEqual(24);
    expect(countries.size).toBeLessThanOrEqual(30);
    expect(new Set(plan.map((m) => continentOf.get(m.country))).size).toBe(6);
  });

  it('the dashboard figures match the demo data', async () => {
    const res = await h.call(staff, { method: 'GET', url: '/api/v1/membership/dashboard' });
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d.totalMembers).toBe(counting.length);
    expect(asMap(d.byCountry)).toEqual(count(counting, (m) => m.country));
    expect(asMap(d.byContinent)).toEqual(count(counting, (m) => continentOf.get(m.country)!));
    expect(asMap(d.byStakeholderGroup)).toEqual(count(counting, (m) => m.group));
    expect(asMap(d.byCategory)).toEqual(count(counting, (m) => m.category));
    expect(asMap(d.byYearJoined)).toEqual(count(counting, (m) => m.startDate.slice(0, 4)));
    expect(asMap(d.byStatus)).toEqual(count(plan, (m) => m.status));
    expect(asMap(d.applicationsByStatus)).toEqual(
      new Map([
        ['draft', 1],
        ['info_requested', 1],
        ['submitted', 2],
      ]),
    );
    const cn = d.byCountry.find((b: { key: string }) => b.key === 'CN');
    expect(cn.share).toBe(Math.round((cn.count / counting.length) * 1000) / 10);
    const goals = Object.fromEntries(
      d.goals.map((g: { dimension: string; rule: string; result: unknown }) => [`${g.dimension}:${g.rule}`, g.result]),
    );
    expect(goals['continent:min_distinct']).toMatchObject({ met: true, current: 6 });
    expect(goals['country:max_share']).toMatchObject({ met: true, subject: 'CN', current: cn.share });
    expect(goals['country:min_distinct']).toMatchObject({ met: false, current: new Set(counting.map((m) => m.country)).size });
  });

  it('members and delegates are one figure each: the home page, the dashboard, the admin list and the events agree', async () => {
    const home = await h.call(null, { method: 'GET', url: '/en/' });
    const figures = Object.fromEntries([...home.body.matchAll(/<dt>([^<]+)<\/dt><dd data-figure>([^<]+)<\/dd>/g)].map((m) => [m[1], m[2]]));
    const dashboard = (await h.call(staff, { method: 'GET', url: '/api/v1/membership/dashboard' })).json();
    expect(figures.members).toBe(String(counting.length));
    expect(dashboard.totalMembers).toBe(counting.length);
    expect(figures['countries and regions']).toBe(String(dashboard.byCountry.length));
    expect(figures.continents).toBe(String(dashboard.byContinent.length));
    let counted = 0;
    for (const status of ['active', 'grace']) {
      const list = await h.call(staff, { method: 'GET', url: `/api/v1/membership/memberships?status=${status}&pageSize=1` });
      expect(list.statusCode, list.body).toBe(200);
      counted += list.json().total;
    }
    expect(counted).toBe(counting.length);
    const admin = await h.user({ roles: ['admin'] });
    const events = (await h.call(admin, { method: 'GET', url: '/api/v1/events' })).json() as Array<{ id: string; slug: string }>;
    // Two people register for the open summit; one is accredited: one delegate more, everywhere.
    const summit = events.find((e) => e.slug === 'wuzhen-summit-2026')!;
    for (const name of ['Accredited Person', 'Waiting Person']) {
      const r = await h.call(await h.user(), { method: 'POST', url: `/api/v1/events/${summit.id}/registrations`, payload: delegate(name) });
      expect(r.statusCode, r.body).toBe(201);
      if (name.startsWith('Accredited'))
        expect(
          (await h.call(admin, { method: 'POST', url: `/api/v1/registrations/${r.json().id}/decision`, payload: { decision: 'approve' } }))
            .statusCode,
        ).toBe(200);
    }
    const again = await h.call(null, { method: 'GET', url: '/en/' });
    const now = Object.fromEntries([...again.body.matchAll(/<dt>([^<]+)<\/dt><dd data-figure>([^<]+)<\/dd>/g)].map((m) => [m[1], m[2]]));
    let delegates = 0;
    for (const e of events) delegates += (await h.call(admin, { method: 'GET', url: `/api/v1/events/${e.id}/figures` })).json().delegates;
    expect(delegates).toBe(Number(figures['registered delegates']) + 1);
    expect(now['registered delegates']).toBe(String(delegates));
  });

  it('the public directory lists exactly the opted-in active members, and the index holds them', async () => {
    const listed = plan.filter((m) => m.optIn && (m.status === 'active' || m.status === 'grace'));
    const res = await h.call(null, { method: 'GET', url: '/api/v1/membership/members?pageSize=200' });
    expect(res.json().total).toBe(listed.length);
    const names = new Set(res.json().items.map((m: { name: { en?: string } }) => m.name.en));
    for (const m of plan.filter((x) => !listed.includes(x))) expect(names.has(m.name.en), m.key).toBe(false);
    const docs = await h.ctx.db.select().from(searchDocs).where(eq(searchDocs.kind, 'member'));
    expect(docs).toHaveLength(listed.length);
    // 杭州网络空间治理实验室 is found by its Traditional (Taiwan) spelling.
    const tw = await h.call(null, { method: 'GET', url: `/api/v1/membership/members?q=${encodeURIComponent('網路空間治理')}` });
    expect(tw.json().items.map((m: { name: Record<string, string> }) => m.name['zh-Hans'])).toEqual(['杭州网络空间治理实验室']);
    const africa = await h.call(null, { method: 'GET', url: '/api/v1/membership/members?continent=africa&pageSize=200' });
    expect(africa.json().total).toBe(listed.filter((m) => continentOf.get(m.country) === 'africa').length);
    const gov = await h.call(null, { method: 'GET', url: '/api/v1/membership/members?stakeholderGroup=government&country=MX' });
    expect(
      gov
        .json()
        .items.every(
          (m: { stakeholderGroup: string; countryCode: string }) => m.stakeholderGroup === 'government' && m.countryCode === 'MX',
        ),
    ).toBe(true);
    expect(gov.json().total).toBe(listed.filter((m) => m.group === 'government' && m.country === 'MX').length);
  });

  it('member@wuzhen.example is a member and a contact of 杭州网络空间治理实验室', async () => {
    const login = await h.call(null, {
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'member@wuzhen.example', password: 'wuzhen-demo-2026' },
    });
    const who = {
      id: '',
      email: 'member@wuzhen.example',
      cookie: String(login.headers['set-cookie']).split(';')[0],
      csrf: login.json().csrfToken,
    };
    const portal = await h.call(who, { method: 'GET', url: '/api/v1/membership/portal' });
    expect(portal.json().map((m: { name: Record<string, string> }) => m.name['zh-Hans'])).toEqual(['杭州网络空间治理实验室']);
    expect(await h.ctx.membership.isMember(await loadActorBySession(h.ctx.db, who.cookie.split('=')[1]))).toBe(true);
  });

  it('the secretariat never leaks internal comments of demo applications to the applicant', async () => {
    const q = await h.call(staff, { method: 'GET', url: '/api/v1/membership/applications?status=info_requested' });
    const [app] = q.json().items;
    const full = await h.call(staff, { method: 'GET', url: `/api/v1/membership/applications/${app.id}` });
    expect(full.json().messages.some((m: { internal: boolean }) => m.internal)).toBe(true);
  });
});

describe('goals', () => {
  it('a goal flips from met to not met when imported members break it, and the export carries the figures', async () => {
    const goal = await h.call(staff, {
      method: 'POST',
      url: '/api/v1/membership/goals',
      payload: { dimension: 'country', rule: 'max_share', target: 25, label: { en: 'No country above 25%' } },
    });
    expect(goal.statusCode, goal.body).toBe(201);
    const before = (await h.call(staff, { method: 'GET', url: '/api/v1/membership/goals' }))
      .json()
      .find((g: { id: string }) => g.id === goal.json().id);
    expect(before.result).toMatchObject({ met: true, subject: 'CN' });
    const { population } = before.result;
    const cnNow = Math.round((before.result.current / 100) * population);
    // Enough new Chinese members to pass 25%.
    const extra = Math.ceil((0.25 * population - cnNow) / 0.75) + 1;
    const rows = ['kind,category,name_en,name_zh_hans,country,stakeholder_group,website,start_date,directory'];
    for (let i = 0; i < extra; i++)
      rows.push(`organization,enterprise,Import Test Company ${i},导入测试公司${i},CN,business,https://c${i}.example.com,2026-01-15,yes`);
    const file = multipart('members.csv', rows.join('\n'), 'text/csv');
    const dry = await h.call(staff, { method: 'POST', url: '/api/v1/membership/import', ...file });
    expect(dry.json()).toMatchObject({ dryRun: true, rows: extra, written: 0, errors: [] });
    const stillMet = (await h.call(staff, { method: 'GET', url: '/api/v1/membership/goals' }))
      .json()
      .find((g: { id: string }) => g.id === goal.json().id);
    expect(stillMet.result.met).toBe(true);
    const real = await h.call(staff, { method: 'POST', url: '/api/v1/membership/import?dryRun=false', ...file });
    expect(real.json()).toMatchObject({ dryRun: false, written: extra, errors: [] });
    const after = (await h.call(staff, { method: 'GET', url: '/api/v1/membership/goals' }))
      .json()
      .find((g: { id: string }) => g.id === goal.json().id);
    expect(after.result).toMatchObject({ met: false, subject: 'CN', population: population + extra });
    expect(after.result.current).toBeGreaterThan(25);

    const csv = await h.call(staff, { method: 'GET', url: '/api/v1/membership/dashboard/export?format=csv' });
    expect(csv.headers['content-type']).toContain('text/csv');
    const sheet = await readSheet(csv.rawPayload, 'x.csv');
    expect(sheet.find((r) => r.values.section === 'members' && r.values.key === 'total')?.values.count).toBe(String(population + extra));
    expect(sheet.some((r) => r.values.section === 'goal' && r.values.key === 'country max_share 25' && r.values.note === 'not met')).toBe(
      true,
    );
    const xlsx = await h.call(staff, { method: 'GET', url: '/api/v1/membership/dashboard/export?format=xlsx' });
    expect((await readSheet(xlsx.rawPayload, 'x.xlsx')).length).toBe(sheet.length);
  });

  it('goals of other populations are stored and listed by population', async () => {
    const res = await h.call(staff, {
      method: 'POST',
      url: '/api/v1/membership/goals',
      payload: { population: 'speakers:demo', dimension: 'gender', rule: 'min_share', target: 40, value: 'female' },
    });
    expect(res.statusCode).toBe(201);
    const listed = await h.call(staff, { method: 'GET', url: '/api/v1/membership/goals?population=speakers:demo' });
    expect(listed.json()).toHaveLength(1);
    expect((await h.call(null, { method: 'GET', url: '/api/v1/membership/dashboard' })).statusCode).toBe(401);
  });
});

describe('bulk import', () => {
  it('reports every bad row by line and column, and writes nothing', async () => {
    const csv = [
      'kind,category,name_en,country,stakeholder_group,start_date,contact_email,name,email',
      'organization,enterprise,Good Co,SG,business,2025-02-01,boss@good.example,,',
      'organization,nope,Bad Category Co,SG,business,2025-02-01,,,',
      'organization,enterprise,Bad Country Co,XX,business,2025-02-01,,,',
      'organization,enterprise,Hangzhou Cyberspace Governance Lab,CN,academia,,,,',
      'individual,individual,,FR,,2025-13-01,,Jean Dupont,not-an-email',
      'robot,enterprise,X,SG,business,,,,',
    ].join('\n');
    const res = await h.call(staff, {
      method: 'POST',
      url: '/api/v1/membership/import?dryRun=false',
      ...multipart('m.csv', csv, 'text/csv'),
    });
    expect(res.statusCode, res.body).toBe(200);
    const r = res.json();
    expect(r.written).toBe(0);
    const at = (line: number) => r.errors.filter((e: { line: number }) => e.line === line).map((e: { field: string }) => e.field);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual(['category']);
    expect(at(4)).toEqual(['country']);
    expect(at(5)).toEqual(['name_en']); // already a member
    expect(at(6).sort()).toEqual(['email', 'start_date']);
    expect(at(7)).toContain('kind');
    const none = await h.call(null, { method: 'GET', url: '/api/v1/membership/members?q=Good%20Co' });
    expect(none.json().total).toBe(0);
  });

  it('imports an existing directory organization and gives its contact the role', async () => {
    const org = await h.call(staff, {
      method: 'POST',
      url: '/api/v1/directory/organizations',
      payload: { name: { en: 'Lagoon Data Trust' }, countryCode: 'NG', stakeholderGroup: 'civil-society' },
    });
    const csv =
      'kind,category,name_en,start_date,contact_name,contact_email,directory\norganization,institutional,Lagoon Data Trust,2024-05-05,Ada,ada@lagoon.example,no\n';
    const res = await h.call(staff, {
      method: 'POST',
      url: '/api/v1/membership/import?dryRun=false',
      ...multipart('m.csv', csv, 'text/csv'),
    });
    expect(res.json()).toMatchObject({ written: 1, errors: [] });
    const list = await h.call(staff, { method: 'GET', url: '/api/v1/membership/memberships?country=NG&q=Lagoon' });
    expect(list.json().items).toEqual([
      expect.objectContaining({ organizationId: org.json().id, status: 'active', startDate: '2024-05-05', directoryOptIn: false }),
    ]);
    const userId = (await accountIdByEmail(h.ctx.db, 'ada@lagoon.example'))!;
    expect((await rolesOf(h.ctx.db, userId)).filter((g) => g.scopeId === org.json().id)).toHaveLength(1);
  });
});

describe('search index rebuild', () => {
  it('a rebuild puts back exactly the listed members', async () => {
    const { features } = await import('../index.js');
    const before = await h.ctx.db.select().from(searchDocs).where(eq(searchDocs.kind, 'member'));
    await rebuild(h.ctx, features);
    const after = await h.ctx.db.select().from(searchDocs).where(eq(searchDocs.kind, 'member'));
    expect(after.map((d) => d.id).sort()).toEqual(before.map((d) => d.id).sort());
    expect(after.length).toBeGreaterThan(100);
  });
});
