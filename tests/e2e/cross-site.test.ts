import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, launchBrowser, signIn, startServer, type Server } from './support.js';

// A signed-in chair visits a hostile page, which tries to write in their name:
// a form post, a credentialed fetch with a "simple" body, and a JSON fetch.
// From another site the session cookie is not sent (SameSite=Lax); from the
// same site on another port (a sibling app, say) it is, and the CSRF token
// stops the write. A control from the real origin proves the write works.

let server: Server;
let browser: Browser;
let attacker: http.Server;
let attackerPort = 0;
let groupId = '';

/** The hostile page: three ways to write to the group as whoever is signed in. */
const hostilePage = (target: string) => `<!doctype html><html><body>
<form id=f method=post action="${target}/api/v1/groups/${groupId}/threads" enctype="text/plain">
<input name='{"title":"CSRF form","body":"x","pad":"' value='"}'></form>
<script>
  (async () => {
    const url = '${target}/api/v1/groups/${groupId}/threads';
    const results = {};
    try { await fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ title: 'CSRF simple', body: 'x' }) }); results.simple = 'sent'; } catch (e) { results.simple = String(e); }
    try { const r = await fetch(url, { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ title: 'CSRF json', body: 'x' }) }); results.json = r.status; } catch (e) { results.json = 'blocked'; }
    try { await fetch('${target}/api/v1/auth/logout-all', { method: 'POST', mode: 'no-cors', credentials: 'include' }); results.logout = 'sent'; } catch (e) { results.logout = String(e); }
    window.results = results;
    document.getElementById('f').submit();
  })();
</script></body></html>`;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const chair = await apiAs(server.url, 'ai.chair@wuzhen.example');
  const groups = (await chair.get('/api/v1/groups')).body as
    | Array<{ id: string; slug: string }>
    | { items: Array<{ id: string; slug: string }> };
  groupId = (Array.isArray(groups) ? groups : groups.items).find((g) => g.slug === 'artificial-intelligence')!.id;
  attacker = http.createServer((_req, res) => {
    res.setHeader('content-type', 'text/html; charset=utf-8');
    res.end(hostilePage(server.url));
  });
  await new Promise<void>((r) => attacker.listen(0, '0.0.0.0', r));
  attackerPort = (attacker.address() as AddressInfo).port;
}, 180_000);

afterAll(async () => {
  attacker?.close();
  await browser?.close();
  await server?.stop();
});

async function threadTitles() {
  const chair = await apiAs(server.url, 'ai.chair@wuzhen.example');
  const res = (await chair.get(`/api/v1/groups/${groupId}/workspace`)).body as { threads: Array<{ title: string }> };
  return res.threads.map((t) => t.title);
}

describe('cross-site requests', () => {
  it('a hostile page cannot write as the signed-in chair, from another site or from the same site on another port', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, server.url, 'ai.chair@wuzhen.example');
    const origin = new URL(server.url);
    for (const host of ['localhost', origin.hostname]) {
      // localhost is another site than 127.0.0.1; 127.0.0.1 on another port is the same site, another origin.
      // A blank page first, so that no request of the signed-in app still under way is counted below.
      await page.goto('about:blank');
      const answers: Array<{ url: string; status: number }> = [];
      page.on('response', (r) => {
        // The browser's own fetch of the site's icon (remembered from the signed-in page) is no request of the hostile page.
        if (r.url().startsWith(server.url) && new URL(r.url()).pathname !== '/favicon.svg')
          answers.push({ url: r.url(), status: r.status() });
      });
      await page.goto(`http://${host}:${attackerPort}/`);
      await page.waitForURL((u) => u.toString().startsWith(server.url), { timeout: 15_000 }); // the form post navigated to the API
      const shown = await page.locator('body').innerText();
      expect(shown, host).toMatch(host === 'localhost' ? /unauthenticated|csrf_failed/ : /csrf_failed/);
      page.removeAllListeners('response');
      expect(
        answers.every((a) => a.status === 401 || a.status === 403),
        `${host}: ${JSON.stringify(answers)}`,
      ).toBe(true);
    }
    // Nothing was written and the chair is still signed in (logout-all was refused too).
    expect((await threadTitles()).filter((t) => t.startsWith('CSRF'))).toEqual([]);
    const me = await page.evaluate(async (u) => (await fetch(`${u}/api/v1/auth/me`)).status, server.url);
    expect(me).toBe(200);

    // Control: the app itself, on its own origin with the token, does write.
    const ok = await page.evaluate(
      async ({ u, g }) => {
        const me = await (await fetch(`${u}/api/v1/auth/me`)).json();
        const r = await fetch(`${u}/api/v1/groups/${g}/threads`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken },
          body: JSON.stringify({ title: 'Same origin', body: 'x' }),
        });
        return r.status;
      },
      { u: server.url, g: groupId },
    );
    expect(ok).toBe(201);
    expect(await threadTitles()).toContain('Same origin');
    await context.close();
  });
});
