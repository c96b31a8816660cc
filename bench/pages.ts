import fs from 'node:fs';
import path from 'node:path';
import { compare, fmt, load, root, startServer } from './lib.js';

/**
 * Public pages: requests per second for the server-rendered home page and an
 * event agenda, against a static file of the same size served by the same
 * server, in the same run (embedded database, demo data).
 */
export async function run(args: string[]) {
  const duration = args.includes('--short') ? 3 : 10;
  const server = await startServer({ WORKERS: 'off' });
  const staticFile = path.join(root, 'dist/web/bench-static.html');
  try {
    const events = (await (await fetch(`${server.url}/api/v1/events`)).json()) as
      | { items?: Array<{ slug: string }> }
      | Array<{ slug: string }>;
    const list = Array.isArray(events) ? events : (events.items ?? []);
    const pages: Array<[string, string]> = [['home page', '/en/']];
    const agenda = list.find((e) => /summit.*2023|2023.*summit/.test(e.slug)) ?? list[0];
    if (agenda) pages.push(['event agenda', `/en/events/${agenda.slug}`]);
    for (const [label, url] of pages) {
      const body = await (await fetch(`${server.url}${url}`)).text();
      fs.writeFileSync(staticFile, body);
      const ours = await load(`${server.url}${url}`, { duration });
      const base = await load(`${server.url}/bench-static.html`, { duration });
      compare(`${label} ${url} (${fmt(body.length / 1024, 1)} KB), req/s`, ours.rps, base.rps, 'req/s');
      console.log(
        `  p50/p99 latency ours ${ours.p50}/${ours.p99} ms, static ${base.p50}/${base.p99} ms; errors ${ours.errors}/${base.errors}; target ≥ 50% of static: ${ours.rps >= base.rps / 2 ? 'met' : 'MISSED'}`,
      );
    }
  } finally {
    fs.rmSync(staticFile, { force: true });
    await server.stop();
  }
}
