import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { fail } from '../http/errors.js';
import { platformErrors } from '../http/codes.js';

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | null | undefined;
  width?: number;
}

/**
 * CSV as Excel opens it: UTF-8 with a byte-order mark, CRLF line ends. Text
 * starting with = + - @ or a tab gets a leading apostrophe, so a spreadsheet
 * shows a stored "=HYPERLINK(…)" instead of running it.
 */
export function toCsv<T>(columns: Column<T>[], rows: T[]): Buffer {
  const body = stringify([columns.map((c) => c.header), ...rows.map((r) => columns.map((c) => c.value(r) ?? ''))], {
    record_delimiter: '\r\n',
    escape_formulas: true,
  });
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]);
}

export async function toXlsx<T>(sheet: string, columns: Column<T>[], rows: T[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet.slice(0, 31));
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width ?? Math.max(12, c.header.length + 2) }));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  for (const r of rows) ws.addRow(columns.map((c) => c.value(r) ?? null));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A table as a downloadable file: CSV (UTF-8 with BOM) or XLSX, named after what it holds and today's date. */
export async function sheetFile<T>(name: string, format: 'csv' | 'xlsx', columns: Column<T>[], rows: T[], sheet = name) {
  const stamp = new Date().toISOString().slice(0, 10);
  return format === 'xlsx'
    ? { mime: xlsxType, data: await toXlsx(sheet, columns, rows), name: `${name}-${stamp}.xlsx` }
    : { mime: 'text/csv; charset=utf-8', data: toCsv(columns, rows), name: `${name}-${stamp}.csv` };
}

export const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export interface SheetRow {
  /** 1-based line in the file, counting the header as line 1. */
  line: number;
  values: Record<string, string>;
}

/** One bad cell of an import, by line and column, so the person can fix the file. */
export interface ImportError {
  line: number;
  field: string;
  message: string;
}

/** The first non-empty value among a row's columns (a column may go by several names). */
export function cell(r: SheetRow, ...keys: string[]) {
  for (const k of keys) {
    const v = r.values[k];
    if (v !== undefined && v !== '') return v;
  }
  return undefined;
}

/** What an XLSX may unpack to: far above any real import, far below what would hurt the server. */
const maxUnpackedBytes = 128 * 1024 * 1024;

const unreadable = () =>
  fail(platformErrors, 'file_unreadable', 'This XLSX file cannot be read.', {
    fields: [{ path: 'file', message: 'unreadable', code: 'invalid' }],
  });

/**
 * Refuses an XLSX that unpacks to more than maxUnpackedBytes (a "zip bomb")
 * before ExcelJS inflates it: by the sizes the archive declares and, since
 * those can lie, by inflating each entry once while yauzl checks the real size
 * against the declared one.
 */
async function refuseZipBomb(data: Buffer) {
  let total = 0;
  try {
    const zip = await yauzl.fromBufferPromise(data, { lazyEntries: true, validateEntrySizes: true });
    try {
      for await (const entry of zip.eachEntry()) {
        total += entry.uncompressedSize;
        if (total > maxUnpackedBytes) break;
        const stream = await zip.openReadStreamPromise(entry);
        for await (const _ of stream); // inflated and dropped: only the size check matters
      }
    } finally {
      zip.close();
    }
  } catch {
    throw unreadable();
  }
  if (total > maxUnpackedBytes)
    throw fail(platformErrors, 'file_too_large', `This spreadsheet unpacks to more than ${maxUnpackedBytes / 1024 / 1024} MB.`, {
      fields: [{ path: 'file', message: 'too large', code: 'too_large' }],
    });
}

/** A cell as exported: the apostrophe that kept it from being a formula comes off again. */
const unescapeFormula = (v: string) => (/^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v);

/** Reads a CSV (any BOM, comma or semicolon) or an XLSX upload into rows keyed by header. */
export async function readSheet(data: Buffer, filename: string): Promise<SheetRow[]> {
  if (/\.xlsx$/i.test(filename) || (data[0] === 0x50 && data[1] === 0x4b)) {
    await refuseZipBomb(data);
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(data as unknown as ArrayBuffer);
    } catch {
      throw unreadable();
    }
    const ws = wb.worksheets[0];
    if (!ws) return [];
    const headers: string[] = [];
    ws.getRow(1).eachCell((cell, col) => (headers[col] = String(cell.text ?? '').trim()));
    const out: SheetRow[] = [];
    ws.eachRow((row, n) => {
      if (n === 1) return;
      const values: Record<string, string> = {};
      headers.forEach((h, col) => {
        if (h) values[h] = String(row.getCell(col).text ?? '').trim();
      });
      if (Object.values(values).some((v) => v !== '')) out.push({ line: n, values });
    });
    return out;
  }
  const text = data.toString('utf8').replace(/^\uFEFF/, '');
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  let records: string[][];
  try {
    records = parse(text, { delimiter, relax_column_count: true, skip_empty_lines: false, bom: true });
  } catch (err) {
    // The parser's message quotes the file's content: only the line number is passed on.
    const line = (err as { lines?: unknown }).lines;
    throw fail(
      platformErrors,
      'file_unreadable',
      typeof line === 'number' ? `This CSV file cannot be read (line ${line}).` : 'This CSV file cannot be read.',
      { fields: [{ path: 'file', message: 'unreadable', code: 'invalid' }] },
    );
  }
  const [header, ...rest] = records;
  if (!header) return [];
  const keys = header.map((h) => h.trim());
  return rest
    .map((r, i) => ({ line: i + 2, values: Object.fromEntries(keys.map((k, j) => [k, unescapeFormula((r[j] ?? '').trim())])) }))
    .filter((r) => Object.values(r.values).some((v) => v !== ''));
}
