import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo.js';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { signIn } from '../accounts/testkit.js';

/**
 * An organization's page for the secretariat (issue 23): its profile, people and history from the
 * directory; its membership, event registrations and working-group places from their features. On the
 * demo's Hangzhou lab: member@ (王晓梅) is its director, its contact and a delegate of the 2026 summit.
 */
let h: Harness;
let staff: TestUser;
let member: TestUser;
let hz: string;
beforeAll(async () => {
  h = await createHarness();
  const refs = await seedDemo(h.ctx);
  staff = await h.user({ roles: ['secretariat'] });
  const memberId = refs.accounts.get('member@wuzhen.example')!;
  member = { id: memberId, email: 'member@wuzhen.example', ...(await signIn(h.ctx.db, memberId)) };
  hz = refs.organizations!.get('hz-lab')!;
});
afterAll(() => h.close());

const get = (who: TestUser | null, url: string) => h.call(who, { method: 'GET', url });
const pages = (id: string) => [
  `/api/v1/directory/organizations/${id}/record`,
  `/api/v1/membership/memberships?organization=${id}`,
  `/api/v1/membership/applications?organization=${id}`,
  `/api/v1/organizations/${id}/event-registrations`,
  `/api/v1/organizations/${id}/group-memberships`,
];

describe("an organization's page", () => {
  it('shows its profile, its people and its history', async () => {
    const changed = await h.call(staff, {
      method: 'PUT',
      url: `/api/v1/directory/organizations/${hz}`,
      payload: {
        name: { en: 'Hangzhou Cyberspace Governance Lab', 'zh-Hans': '杭州网络空间治理实验室' },
        shortName: 'HCGL',
        countryCode: 'CN',
        stakeholderGroup: 'academia',
        website: 'https://hcgl.example',
      },
    });
    expect(changed.statusCode).toBe(200);
    const page = (await get(staff, `/api/v1/directory/organizations/${hz}/record`)).json();
    expect(page.organization).toMatchObject({ id: hz, shortName: 'HCGL', countryCode: 'CN', website: 'https://hcgl.example' });
    expect(page.people).toContainEqual(
      expect.objectContaining({ name: '王晓梅', nameLatin: 'Wang Xiaomei', title: { en: 'Director', 'zh-Hans': '主任' }, current: true }),
    );
    expect(page.history[0]).toMatchObject({ action: 'organization.update', entity: 'organization', actorEmail: staff.email });
  });

  it('lists its membership, its people’s event registrations and its places in working groups', async () => {
    const memberships = (await get(staff, `/api/v1/membership/memberships?organization=${hz}`)).json();
    expect(memberships.items.map((m: { organizationId: string }) => m.organizationId)).toEqual([hz]);
    // The filter keeps other members out.
    expect(memberships.total).toBe(1);
    const registrations = (await get(staff, `/api/v1/organizations/${hz}/event-registrations`)).json();
    expect(registrations).toEqual([
      expect.objectContaining({
        name: '王晓梅',
        status: 'approved',
        category: 'delegate',
        categoryName: expect.objectContaining({ en: 'Delegate' }),
        event: expect.objectContaining({ 'zh-Hans': expect.stringContaining('乌镇峰会') }),
      }),
    ]);
    const groups = (await get(staff, `/api/v1/organizations/${hz}/group-memberships`)).json();
    expect(groups.length).toBeGreaterThan(0);
    expect(groups[0]).toEqual({
      groupId: expect.any(String),
      slug: expect.any(String),
      group: expect.objectContaining({ en: expect.any(String) }),
      name: expect.any(String),
      role: expect.stringMatching(/^(chair|co_chair|member)$/),
      status: expect.stringMatching(/^(invited|requested|active|declined|left)$/),
      since: expect.any(String),
    });
  });

  it('is the secretariat’s only: its own contact and other users are refused, an unknown organization is not found', async () => {
    for (const url of pages(hz)) {
      expect((await get(member, url)).statusCode, url).toBe(403);
      expect((await get(null, url)).statusCode, url).toBe(401);
    }
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const url of [pages(unknown)[0], pages(unknown)[3], pages(unknown)[4]]) expect((await get(staff, url)).statusCode, url).toBe(404);
  });
});
