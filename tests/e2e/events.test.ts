import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, lastMailTo, launchBrowser, seriousViolations, signIn, startServer, type Server } from './support';

/**
 * Acceptance 1: staff create an event with two sessions (one with capacity 1)
 * and invite a guest through a channel; the guest accepts, registers on site
 * and picks the small session; a second guest is waitlisted; staff accredit;
 * the first guest leaves the session and the second is promoted and e-mailed;
 * staff check the second in by the badge token; a second scan warns.
 */
let server: Server;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function as(email: string): Promise<Page> {
  const ctx = await browser.newContext({ locale: 'en-GB' });
  const page = await ctx.newPage();
  await signIn(page, server.url, email);
  return page;
}

async function acceptAndRegister(page: Page, email: string) {
  const mail = await lastMailTo(server.url, email);
  expect(mail.subject).toContain('Invitation');
  const link = /(http\S+\/invitations\/\S+)/.exec(mail.text)![1];
  await page.goto(link);
  await page.getByRole('button', { name: 'Accept and register' }).click();
  await page.waitForURL(/\/register(\?category=\w+)?$/);
  await page.getByLabel('Name in Latin letters').fill(email.split('@')[0]);
  await page.getByLabel(/Small roundtable/).check();
  await page.getByRole('button', { name: 'Submit registration' }).click();
  await page.waitForURL(/\/me\/registrations$/);
}

describe('events end to end', () => {
  it('the public agenda of the 2023 summit shows the program in both time zones, without serious accessibility problems', async () => {
    const page = await (await browser.newContext({ locale: 'en-GB', timezoneId: 'Europe/Madrid', bypassCSP: true })).newPage();
    await page.goto(`${server.url}/en/events/wuzhen-summit-2023`);
    await page.getByText('Opening Ceremony').first().waitFor();
    expect(await page.getByTestId('session-card').count()).toBe(8);
    expect(await page.getByTestId('session-card').first().textContent()).toContain('09:30');
    await page.getByText(/My time/).click();
    await expect.poll(() => page.getByTestId('session-card').first().textContent()).toContain('02:30');
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('an event manager outside the secretariat runs their own event from the staff area, and only that one', async () => {
    const page = await as('forum@wuzhen.example');
    await page.goto(`${server.url}/admin`);
    const nav = page.getByRole('navigation', { name: 'Administration' });
    await nav.getByRole('link', { name: 'Events' }).click();
    await page.waitForURL(/\/admin\/events$/);
    // The rows of the table's body (the header row names the columns).
    const rows = page.locator('tbody').getByRole('row');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await page.getByRole('columnheader').allTextContents()).toEqual(['Name', 'First day', 'Status', 'Visibility']);
    expect(await rows.first().textContent()).toContain('2026 World Internet Conference Wuzhen Summit');
    expect(await page.getByRole('button', { name: 'New event' }).count()).toBe(0);
    expect(await nav.getByRole('link', { name: 'Accounts' }).count()).toBe(0);
    await rows.first().getByRole('link').click();
    await page.getByRole('tab', { name: 'Accreditation' }).click();
    await page.getByRole('tab', { name: 'Figures' }).click();
    await page.getByText('Registrations').first().waitFor();
    // Another event's page is refused by the API and shown as not found.
    const api = await apiAs(server.url, 'forum@wuzhen.example');
    const events = (await api.get('/api/v1/events')).body as Array<{ id: string; slug: string }>;
    const other = events.find((e) => e.slug === 'wuzhen-summit-2023')!;
    expect((await api.get(`/api/v1/events/${other.id}/registrations`)).status).toBe(404);
  });

  it('a new guest invited as a speaker creates an account from the invitation, accepts once and registers as a speaker', async () => {
    const secretariat = await apiAs(server.url, 'secretariat@wuzhen.example');
    const agenda = (await secretariat.get('/api/v1/events/wuzhen-summit-2026/agenda')).body as {
      event: { id: string; registrationOpen: boolean; categories: Array<{ key: string }> };
    };
    expect(agenda.event.registrationOpen).toBe(true);
    expect(agenda.event.categories.map((c) => c.key)).toContain('speaker');
    const email = `new.speaker.${Date.now().toString(36)}@example.org`;
    const sent = await secretariat.post(`/api/v1/events/${agenda.event.id}/invitations`, {
      email,
      name: 'Lena Novak',
      category: 'speaker',
      locale: 'en',
    });
    expect(sent.status).toBe(201);

    const guest = await (await browser.newContext({ locale: 'en-GB' })).newPage();
    await guest.goto(/(http\S+\/invitations\/\S+)/.exec((await lastMailTo(server.url, email)).text)![1]);
    await guest.getByRole('link', { name: 'Create an account and accept' }).click();
    await guest.waitForURL(/\/signup\?/);
    // The invitation fills in who the guest is.
    expect(await guest.getByLabel('E-mail').inputValue()).toBe(email);
    expect(await guest.getByLabel('Name').inputValue()).toBe('Lena Novak');
    await guest.getByLabel('Password').fill('a-new-speaker-password-1');
    await guest.getByRole('button', { name: 'Create account' }).click();
    await guest.getByText('Check your mailbox').waitFor();

    // The address-confirmation link signs the guest in, accepts the invitation and opens the form with the category.
    await guest.goto(/(http\S+token=\S+)/.exec((await lastMailTo(server.url, email)).text)![1]);
    await guest.waitForURL(/\/events\/wuzhen-summit-2026\/register\?category=speaker$/);
    await expect.poll(() => guest.getByRole('textbox', { name: 'Category' }).inputValue()).toBe('Speaker');
    const mine = (await secretariat.get(`/api/v1/events/${agenda.event.id}/invitations`)).body as Array<{ email: string; status: string }>;
    expect(mine.find((i) => i.email === email)?.status).toBe('accepted');
    await guest.context().close();
  });

  it('invite, register, waitlist, accredit, promote, check in', async () => {
    const staff = await as('secretariat@wuzhen.example');
    try {
      await flow(staff);
    } catch (err) {
      if (process.env.E2E_SHOTS)
        for (const [i, c] of browser.contexts().entries())
          for (const p of c.pages()) await p.screenshot({ path: `/tmp/events-e2e-${i}.png`, fullPage: true });
      throw err;
    }
  });
});

async function flow(staff: Page) {
  {
    await staff.goto(`${server.url}/admin/events`);
    await staff.getByRole('button', { name: /New event|新建活动/ }).click();
    const dialog = staff.getByRole('dialog');
    // The secretariat demo account uses Chinese; switch the form by labels in either language.
    await dialog.getByLabel(/Short name in links|链接短名/).fill('e2e-forum');
    await dialog.getByLabel(/\(English\)/).fill('E2E Forum');
    await dialog.getByLabel(/\(简体中文\)/).fill('端到端论坛');
    await dialog.getByLabel(/First day|开始日期/).fill('2026-12-20');
    await dialog.getByLabel(/Last day|结束日期/).fill('2026-12-21');
    await dialog.getByRole('button', { name: /^(Create|新建)$/ }).click();
    await staff.waitForURL(/\/admin\/events\/[0-9a-f-]{36}$/);
    const eventId = staff.url().split('/').pop()!;

    const addSession = async (title: string, capacity?: string) => {
      await staff.getByLabel(/^(Title|标题)$/).fill(title);
      if (capacity)
        await staff
          .getByLabel(/^(Capacity|容量)$/)
          .last()
          .fill(capacity);
      await staff.getByRole('button', { name: /Add session|添加场次/ }).click();
      await expect.poll(() => staff.getByTestId('admin-session').filter({ hasText: title }).count()).toBe(1);
    };
    await addSession('Opening plenary');
    await addSession('Small roundtable', '1');
    await staff.getByRole('button', { name: /^(Publish|发布)$/ }).click();
    await staff
      .getByText(/^(Published|已发布)$/)
      .first()
      .waitFor();

    await staff.getByRole('tab', { name: /Invitations|邀请/ }).click();
    await staff
      .getByLabel(/^(Channel|渠道)$/)
      .first()
      .fill('Partner organization');
    await staff.getByRole('button', { name: /Add channel|添加渠道/ }).click();
    await staff.getByText('Partner organization').first().waitFor();
    for (const [email, name] of [
      ['member@wuzhen.example', 'Wang Xiaomei'],
      ['reviewer@wuzhen.example', 'Amara Diallo'],
    ]) {
      await staff.getByLabel(/^(E-mail|电子邮件)$/).fill(email);
      await staff.getByLabel(/^(Name|名称)$/).fill(name);
      await staff
        .getByRole('textbox', { name: /^(Channel|渠道)$/ })
        .last()
        .click();
      await staff.getByRole('option', { name: /Partner organization/ }).click();
      await staff.getByRole('button', { name: /^(Invite|邀请)$/ }).click();
      await expect.poll(() => staff.getByTestId('invitation-row').filter({ hasText: email }).count()).toBe(1);
    }

    // The first guest accepts, registers on site and takes the one seat.
    const g1 = await as('member@wuzhen.example');
    await g1.evaluate(() => localStorage.setItem('wz.lang', 'en'));
    await acceptAndRegister(g1, 'member@wuzhen.example');
    const mySession = g1.getByTestId('my-session').filter({ hasText: 'Small roundtable' });
    await expect.poll(() => mySession.textContent()).toContain('Seat confirmed');

    // The second guest is waitlisted.
    const g2 = await as('reviewer@wuzhen.example');
    await acceptAndRegister(g2, 'reviewer@wuzhen.example');
    await expect
      .poll(() => g2.getByTestId('my-session').filter({ hasText: 'Small roundtable' }).textContent())
      .toContain('Place 1 on the waitlist');

    // Staff accredit both.
    await staff.getByRole('tab', { name: /Accreditation|资格审核/ }).click();
    for (let i = 0; i < 2; i++) {
      await staff
        .getByRole('button', { name: /^(Approve|通过)$/ })
        .first()
        .click();
      await expect.poll(() => staff.getByTestId('accreditation-row').count()).toBe(1 - i);
    }

    // The first guest leaves the session: the second is promoted and told by e-mail.
    await g1.reload();
    await mySession.getByRole('button', { name: 'Leave session' }).click();
    await expect
      .poll(() =>
        g1.getByTestId('my-session').filter({ hasText: 'Small roundtable' }).getByRole('button', { name: 'Join session' }).count(),
      )
      .toBe(1);
    const promo = await lastMailTo(server.url, 'reviewer@wuzhen.example');
    expect(promo.subject).toContain('Small roundtable');
    await g2.reload();
    await expect.poll(() => g2.getByTestId('my-session').filter({ hasText: 'Small roundtable' }).textContent()).toContain('Seat confirmed');

    // The badge's QR code carries this token (the guest's badge PDF prints it).
    const guest2 = await apiAs(server.url, 'reviewer@wuzhen.example');
    const regs = (await guest2.get('/api/v1/me/registrations')).body as Array<{ id: string; eventId: string; status: string }>;
    const reg = regs.find((r) => r.eventId === eventId)!;
    expect(reg.status).toBe('approved');
    const token = ((await guest2.get(`/api/v1/registrations/${reg.id}/badge-token`)).body as { token: string }).token;

    await staff.goto(`${server.url}/admin/events/${eventId}/checkin`);
    const scan = async () => {
      await staff.getByLabel(/Badge code|证件码/).fill(token);
      await staff
        .getByRole('button', { name: /^(Check in|签到)$/ })
        .first()
        .click();
    };
    await scan();
    await expect.poll(() => staff.getByTestId('checkin-result').getAttribute('data-result')).toBe('ok');
    await scan();
    await expect.poll(() => staff.getByTestId('checkin-result').getAttribute('data-result')).toBe('already');
    expect(await staff.getByTestId('checkin-result').textContent()).toMatch(/Already checked in|已签到过/);
  }
}
