import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { getTableName, sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import * as schema from '../schema.js';
import { syncCountries } from '../features/directory/service.js';
import { engine, freshDatabase } from '../test/harness.js';
import { backup, restore, tablesInOrder } from './backup.js';
import type { Database } from './db/index.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'wz-backup-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** A checksum of every row of every table: the sum of the rows' 64-bit hashes, which needs no sort. */
async function fingerprint(db: Database) {
  const out: Record<string, string> = {};
  for (const t of tablesInOrder(schema)) {
    const name = getTableName(t);
    const [row] = await db.rows<{ h: string; n: number }>(
      sql`select coalesce(sum(hashtextextended(x::text, 0)), 0)::text as h, count(*)::int as n from ${sql.identifier(name)} x`,
    );
    out[name] = `${row.n}:${row.h}`;
  }
  return out;
}

describe(`backup and restore (${engine})`, () => {
  it('restores a database of more than 20 MB into an empty one with identical contents and files', { timeout: 600_000 }, async () => {
    const a = await freshDatabase();
    await syncCountries(a.database.db);
    // A directory of realistic shape and a database of more than 20 MB: 4,000 organizations, 20,000 people with
    // affiliations, and an audit trail that holds most of the bytes (a long trail costs little to index, while
    // every person's row feeds the trigram search index, the slowest part of writing it on both engines).
    await a.database.db.execute(sql`
      insert into organizations (name, short_name, country_code, stakeholder_group, website, description, search_text)
      select jsonb_build_object('en', 'Organization ' || g, 'zh-Hans', '机构' || g), 'O' || g,
             (array['CN','KE','BR','DE','US','AU','IN','EG'])[1 + g % 8], (array['government','business','academia','civil-society'])[1 + g % 4],
             'https://org' || g || '.example.org', jsonb_build_object('en', repeat('A description of the organization. ', 8)), 'organization ' || g || ' 机构' || g
      from generate_series(1, 4000) g`);
    await a.database.db.execute(sql`
      insert into people (name, name_latin, country_code, gender, email, phone, search_text)
      select '人员' || g, 'Person ' || g, (array['CN','KE','BR','DE','US','AU','IN','EG'])[1 + g % 8], (array['female','male'])[1 + g % 2],
             'person' || g || '@example.org', '+1 555 ' || g, 'person ' || g
      from generate_series(1, 20000) g`);
    await a.database.db.execute(sql`
      insert into affiliations (person_id, organization_id, title, start_date)
      select p.id, o.id, '{"en":"Member"}'::jsonb, date '2020-01-01' + (row_number() over ()) % 1000 * interval '1 day'
      from (select id, row_number() over (order by email) r from people) p join (select id, row_number() over (order by short_name) r from organizations) o on o.r = 1 + p.r % 4000`);
    await a.database.db.execute(sql`
      insert into audit_log (action, entity, entity_id, after)
      select 'person.create', 'person', g::text, jsonb_build_object('name', 'Person ' || g, 'note', repeat(md5(g::text), 14)) from generate_series(1, 30000) g`);
    const [{ size }] = await a.database.rows<{ size: number }>(sql`select pg_database_size(current_database())::bigint as size`);
    expect(Number(size)).toBeGreaterThan(20 * 1024 * 1024);

    const filesA = path.join(tmp, `files-a-${engine}`);
    fs.mkdirSync(path.join(filesA, 'ab'), { recursive: true });
    fs.writeFileSync(path.join(filesA, 'ab', 'abcdef'), Buffer.from('%PDF-1.4 a stored file'));
    const file = path.join(tmp, `backup-${engine}.wzb`);
    await backup(a.database, schema, filesA, file);
    const before = await fingerprint(a.database);
    await a.database.close();
    await a.drop();

    const b = await freshDatabase();
    await syncCountries(b.database.db);
    const filesB = path.join(tmp, `files-b-${engine}`);
    await restore(b.database, schema, filesB, file);
    expect(await fingerprint(b.database)).toEqual(before);
    expect(fs.readFileSync(path.join(filesB, 'ab', 'abcdef'), 'utf8')).toBe('%PDF-1.4 a stored file');
    // Serial ids continue after the restored rows.
    await b.database.db.execute(sql`insert into audit_log (action, entity) values ('after.restore', 'test')`);
    const [{ max }] = await b.database.rows<{ max: number }>(sql`select max(id)::int as max from audit_log`);
    expect(max).toBe(30001);
    // A second restore into a database that now has data is refused, and changes nothing.
    await expect(restore(b.database, schema, filesB, file)).rejects.toThrow(/not empty/);
    await b.database.close();
    await b.drop();
  });

  it('refuses a truncated backup and leaves the target empty', async () => {
    const a = await freshDatabase();
    await syncCountries(a.database.db);
    await a.database.db.execute(sql`insert into audit_log (action, entity) values ('x', 'y')`);
    const file = path.join(tmp, `small-${engine}.wzb`);
    await backup(a.database, schema, path.join(tmp, 'none'), file);
    await a.database.close();
    await a.drop();
    const zlib = await import('node:zlib');
    const text = zlib.gunzipSync(fs.readFileSync(file)).toString().split('\n');
    fs.writeFileSync(`${file}.cut`, zlib.gzipSync(text.slice(0, -2).join('\n')));
    const b = await freshDatabase();
    await expect(restore(b.database, schema, path.join(tmp, 'none2'), `${file}.cut`)).rejects.toThrow(/incomplete/);
    const [{ n }] = await b.database.rows<{ n: number }>(sql`select count(*)::int as n from audit_log`);
    expect(n).toBe(0);
    await b.database.close();
    await b.drop();
  });
});
