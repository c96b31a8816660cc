import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../demo.js';
import { createHarness, type Harness } from '../../test/harness.js';

let h: Harness;
beforeAll(async () => {
  h = await createHarness();
  await seedDemo(h.ctx);
});
afterAll(() => h.close());

describe('events demo data', () => {
  it('holds the real events of the seeds with conflict-free sample programs', async () => {
    const list = (await h.call(null, { method: 'GET', url: '/api/v1/events' })).json() as Array<{
      slug: string;
      timeZone: string;
      startDate: string;
    }>;
    expect(list.map((e) => e.slug).sort()).toEqual([
      'computing-network-forum-2024',
      'digital-silk-road-forum-2024',
      'nishan-dialogue-2023',
      'wuzhen-summit-2023',
      'wuzhen-summit-2026',
    ]);
    expect(list.find((e) => e.slug === 'computing-network-forum-2024')!.timeZone).toBe('Europe/Madrid');
    const agenda = (await h.call(null, { method: 'GET', url: '/api/v1/events/wuzhen-summit-2023/agenda' })).json();
    expect(agenda.days).toEqual(['2023-11-08', '2023-11-09', '2023-11-10']);
    expect(new Set(agenda.sessions.map((s: { kind: string }) => s.kind))).toEqual(
      new Set(['ceremony', 'plenary', 'sub-forum', 'roundtable', 'special-dialogue', 'lecture']),
    );
    expect(agenda.sessions[0].startsAt).toBe('2023-11-08T01:30:00.000Z'); // 09:30 in Wuzhen
    // The portal renders the programme as real HTML for search engines and link previews.
    const page = await h.call(null, { method: 'GET', url: '/zh-hans/events/wuzhen-summit-2023' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('2023年世界互联网大会乌镇峰会');
    expect(page.body).toContain('开幕式');
    expect(page.body).toMatch(/2023年11月8日 09:30/);
    const admin = await h.user({ roles: ['admin'] });
    for (const e of list) {
      const full = (await h.call(admin, { method: 'GET', url: `/api/v1/events/${e.slug}` })).json();
      expect((await h.call(admin, { method: 'GET', url: `/api/v1/events/${full.id}/conflicts` })).json()).toEqual([]);
    }
  });
});
