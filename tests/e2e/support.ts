import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page, type Request } from 'playwright-core';
import { inject } from 'vitest';

export const demoPassword = 'wuzhen-demo-2026';
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

export interface Server {
  url: string;
  dataDir: string;
  process: ChildProcess;
  output: () => string;
  stop: () => Promise<void>;
}

/** Waits for the run's demo data directory (global-setup.ts) and copies it to a new folder; undefined without one. */
export async function copyOfDemoData(): Promise<string | undefined> {
  const template = inject('demoTemplate');
  if (!template) return undefined;
  const deadline = Date.now() + 180_000;
  while (!fs.existsSync(path.join(template, 'done'))) {
    const failed = path.join(template, 'failed');
    if (fs.existsSync(failed)) throw new Error(`seeding the demo data failed:\n${fs.readFileSync(failed, 'utf8')}`);
    if (Date.now() > deadline) throw new Error('the demo data was not ready in time');
    await new Promise((r) => setTimeout(r, 200));
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-e2e-'));
  fs.cpSync(path.join(template, 'data'), dataDir, { recursive: true });
  return dataDir;
}

/**
 * Starts the real server (`wuzhen start --demo`) on a fresh data directory and waits until it answers.
 * The directory is a copy of the run's demo data, so the server finds it seeded; `--demo` seeds
 * one that is given empty (DATA_DIR) or when the run has no copy to give.
 */
export async function startServer(env: Record<string, string> = {}): Promise<Server> {
  const dataDir = env.DATA_DIR ?? (await copyOfDemoData()) ?? fs.mkdtempSync(path.join(os.tmpdir(), 'wz-e2e-'));
  // Two servers starting at once may be offered the same free port: the one that loses the race exits, and
  // another server answers on its address. Only our own process saying it runs counts; a lost race starts over.
  for (let attempt = 1; ; attempt++) {
    try {
      return await launch(dataDir, env);
    } catch (e) {
      if (attempt >= 3 || !String((e as Error).message).includes('EADDRINUSE')) throw e;
    }
  }
}

async function launch(dataDir: string, env: Record<string, string>): Promise<Server> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let out = '';
  const child = spawn(process.execPath, ['bin/wuzhen.js', 'start', '--demo'], {
    cwd: path.resolve(import.meta.dirname, '../..'),
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, PUBLIC_URL: url, LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (out += d));
  child.stderr!.on('data', (d) => (out += d));
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${out}`);
    if (out.includes('Wuzhen is running on')) {
      try {
        const res = await fetch(`${url}/api/health`);
        if (res.ok) break;
      } catch {
        // not answering yet
      }
    }
    if (Date.now() > deadline) throw new Error(`server did not start in time:\n${out}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    dataDir,
    process: child,
    output: () => out,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
      if (!env.DATA_DIR) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: chromiumPath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}

export async function signIn(page: Page, baseUrl: string, email: string, password = demoPassword) {
  await page.goto(`${baseUrl}/signin`);
  await page.locator('input[name=email]').fill(email);
  await page.locator('input[name=password]').fill(password);
  await page.locator('form:has(input[name=password]) button[type=submit]').click();
  await page.waitForURL((u) => !u.pathname.startsWith('/signin'));
}

/** An API client signed in as someone, for reading what the UI cannot show (e.g. the mail outbox). */
export async function apiAs(baseUrl: string, email: string, password = demoPassword) {
  const res = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login failed: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const call = async (method: string, url: string, body?: unknown) => {
    const r = await fetch(`${baseUrl}${url}`, {
      method,
      headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    const type = r.headers.get('content-type') ?? '';
    return { status: r.status, body: type.includes('json') ? await r.json() : await r.text() };
  };
  /** A file as multipart/form-data in the field "file", after the other fields given. */
  const upload = async (
    method: 'POST' | 'PUT',
    url: string,
    name: string,
    data: Buffer,
    type: string,
    fields: Record<string, string> = {},
  ) => {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) form.append(k, v);
    form.append('file', new Blob([new Uint8Array(data)], { type }), name);
    const r = await fetch(`${baseUrl}${url}`, { method, headers: { cookie, 'x-csrf-token': csrfToken }, body: form });
    return { status: r.status, body: (await r.json()) as unknown };
  };
  /** A download (PDF, calendar) as bytes, with its status and type. */
  const bytes = async (url: string) => {
    const r = await fetch(`${baseUrl}${url}`, { headers: { cookie } });
    return { status: r.status, type: r.headers.get('content-type') ?? '', data: Buffer.from(await r.arrayBuffer()) };
  };
  return {
    /** The session's cookies, as a Cookie header. */
    cookie,
    bytes,
    get: (u: string) => call('GET', u),
    post: (u: string, b?: unknown) => call('POST', u, b ?? {}),
    put: (u: string, b?: unknown) => call('PUT', u, b ?? {}),
    patch: (u: string, b?: unknown) => call('PATCH', u, b ?? {}),
    delete: (u: string) => call('DELETE', u),
    upload,
  };
}

/** The newest mail to an address, read from the admin outbox. */
export async function lastMailTo(baseUrl: string, to: string) {
  const admin = await apiAs(baseUrl, 'admin@wuzhen.example');
  const r = await admin.get(`/api/v1/admin/outbox?to=${encodeURIComponent(to)}&pageSize=1`);
  return (r.body as { items: Array<{ subject: string; text: string }> }).items[0];
}

const axeSource = fs.readFileSync(path.resolve(import.meta.dirname, '../../node_modules/axe-core/axe.min.js'), 'utf8');

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function seriousViolations(page: Page) {
  // Evaluated through the devtools protocol, so the page's CSP does not block it.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    // @ts-expect-error injected above
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v: { id: string; impact: string; help: string; nodes: Array<{ target: string[] }> }) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }));
  });
  return result.filter((v: { impact: string }) => v.impact === 'serious' || v.impact === 'critical');
}

const inFlight = new WeakMap<Page, Set<Request>>();

/** Counts the page's requests in flight from now on, for settled(). */
function watch(page: Page) {
  let open = inFlight.get(page);
  if (open) return open;
  open = new Set();
  const done = (r: Request) => open.delete(r);
  page.on('request', (r) => open.add(r));
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  inFlight.set(page, open);
  return open;
}

/**
 * Opens a URL and waits until the page has shown what it loads: no request in flight and no loader for
 * `quiet` ms (Playwright's networkidle waits 500 ms after the last request; a page here settles in a few).
 */
export async function visit(page: Page, url: string, quiet = 120) {
  watch(page);
  await page.goto(url);
  await settled(page, quiet);
}

/** Waits until no request of the page is in flight and no loader shows, for `quiet` ms in a row (at most 10 s). */
export async function settled(page: Page, quiet = 120) {
  const open = watch(page);
  const deadline = Date.now() + 10_000;
  let calmSince = 0;
  while (Date.now() < deadline) {
    const busy = open.size > 0 || (await page.locator('.mantine-Loader').count()) > 0;
    if (busy) calmSince = 0;
    else if (!calmSince) calmSince = Date.now();
    else if (Date.now() - calmSince >= quiet) return;
    await new Promise((r) => setTimeout(r, 30));
  }
}
