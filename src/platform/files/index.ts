import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { eq } from 'drizzle-orm';
import { fileTypeFromBuffer } from 'file-type';
import type { DbOrTx } from '../db/index.js';
import { fail } from '../http/errors.js';
import { platformErrors } from '../http/codes.js';
import { files } from './model.js';

export const imageTypes = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
export const documentTypes = [
  'application/pdf',
  'image/png',
  'image/jpeg',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  'application/zip',
];

export interface StoreInput {
  data: Buffer;
  filename: string;
  allowed: string[];
  maxBytes: number;
  ownerId?: string | null;
}

/** Sniffs the content (never trusts the name or the declared type), caps the size, stores by hash. */
export async function storeFile(db: DbOrTx, filesDir: string, input: StoreInput) {
  if (input.data.length === 0)
    throw fail(platformErrors, 'file_empty', 'The file is empty.', { fields: [{ path: 'file', message: 'empty', code: 'required' }] });
  if (input.data.length > input.maxBytes) {
    throw fail(platformErrors, 'file_too_large', `The file is larger than ${Math.round(input.maxBytes / 1024 / 1024)} MB.`, {
      fields: [{ path: 'file', message: 'too large', code: 'too_large' }],
    });
  }
  const sniffed = await fileTypeFromBuffer(input.data);
  let mime = sniffed?.mime as string | undefined;
  // docx is a zip: accept it only when declared by extension and sniffed as zip.
  if (mime === 'application/zip' && /\.docx$/i.test(input.filename))
    mime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  if (!mime || !input.allowed.includes(mime)) {
    throw fail(platformErrors, 'file_type_not_allowed', `This kind of file is not accepted here. Accepted: ${input.allowed.join(', ')}.`, {
      fields: [{ path: 'file', message: 'type not allowed', code: 'not_an_option' }],
    });
  }
  const sha256 = crypto.createHash('sha256').update(input.data).digest('hex');
  const target = path.join(filesDir, sha256.slice(0, 2), sha256);
  await fs.mkdir(path.dirname(target), { recursive: true });
  await fs.writeFile(target, input.data, { flag: 'w' });
  const safeName = safeFileName(input.filename);
  const [row] = await db
    .insert(files)
    .values({ sha256, mime, size: input.data.length, originalName: safeName, ownerId: input.ownerId ?? null })
    .returning();
  return row;
}

/**
 * The name kept for display and downloads: the last path segment (either
 * separator), without control or bidirectional-override characters (which
 * can disguise "evil\u202Efdp.exe" as "evilexe.pdf"), at most 200 characters
 * without splitting one, never "." or "..".
 */
export function safeFileName(name: string): string {
  const last = name.split(/[/\\]/).pop() ?? '';
  const clean = last
    // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what a stored name must not keep
    .replace(/[\u0000-\u001f\u007f-\u009f]/g, '_')
    .replace(/[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g, '')
    .replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD') // lone surrogates
    .trim();
  const cut = Array.from(clean).slice(0, 200).join('');
  return cut === '' || cut === '.' || cut === '..' ? 'file' : cut;
}

export async function readFile(db: DbOrTx, filesDir: string, id: string) {
  const [row] = await db.select().from(files).where(eq(files.id, id));
  if (!row) return null;
  const data = await fs.readFile(path.join(filesDir, row.sha256.slice(0, 2), row.sha256));
  return { ...row, data };
}

export { files };
