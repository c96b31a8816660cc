// npm run bench [-- <name> ...]: runs the benchmarks and prints each figure beside its baseline.
// Set BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) for those that need PostgreSQL.
import fs from 'node:fs';
import path from 'node:path';

const here = import.meta.dirname;
const all = ['registration', 'assignment', 'search', 'pages', 'coldstart'];
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const names = wanted.length ? wanted : all;
const unknown = names.filter((n) => !all.includes(n));
if (unknown.length) {
  console.error(`Unknown benchmark(s): ${unknown.join(', ')}. Known: ${all.join(', ')}`);
  process.exit(2);
}
let failed = 0;
for (const name of names) {
  const file = path.join(here, `${name}.ts`);
  if (!fs.existsSync(file)) {
    console.log(`\n== ${name}: not present in this checkout`);
    failed++;
    continue;
  }
  console.log(`\n== ${name}`);
  const started = Date.now();
  try {
    const mod = (await import(file)) as { run: (args: string[]) => Promise<void> };
    await mod.run(process.argv.slice(2).filter((a) => a.startsWith('-')));
    console.log(`(${name} took ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  } catch (err) {
    failed++;
    console.error(`${name} failed:`, err);
  }
}
process.exit(failed ? 1 : 0);
