import type { FastifyRequest } from 'fastify';
import { AppError, fail } from './errors.js';
import { platformErrors } from './codes.js';

/** A route that takes a file declares `consumes: ['multipart/form-data']` in its schema. */
export const isUploadRoute = (schema: unknown) =>
  !!(schema as { consumes?: string[] } | undefined)?.consumes?.includes('multipart/form-data');

/** A file someone sent, with the size limit it was read under (storeFile() applies it again). */
export interface Upload {
  data: Buffer;
  filename: string;
  fields: Record<string, string>;
  maxBytes: number;
}

/** Reads the one file of a multipart request, refusing anything else cleanly. */
export async function readUpload(req: FastifyRequest, maxBytes: number): Promise<Upload> {
  if (!req.isMultipart())
    throw fail(platformErrors, 'multipart_required', 'Send the file as multipart/form-data in a field named "file".', {
      fields: [{ path: 'file', message: 'required', code: 'required' }],
    });
  let file: { data: Buffer; filename: string } | undefined;
  const fields: Record<string, string> = {};
  try {
    for await (const part of req.parts({ limits: { fileSize: maxBytes, files: 1, fields: 20, fieldSize: 10_000 } })) {
      if (part.type === 'file') {
        const data = await part.toBuffer();
        if (part.file.truncated)
          throw fail(platformErrors, 'file_too_large', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`, {
            fields: [{ path: 'file', message: 'too large', code: 'too_large' }],
          });
        file = { data, filename: part.filename || 'file' };
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw fail(platformErrors, 'file_too_large', `The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`, {
        fields: [{ path: 'file', message: 'too large', code: 'too_large' }],
      });
    throw fail(platformErrors, 'multipart_invalid', 'The upload could not be read; send multipart/form-data with one file.', {
      fields: [{ path: 'file', message: 'unreadable', code: 'invalid' }],
    });
  }
  if (!file)
    throw fail(platformErrors, 'validation_failed', 'file: no file was sent', {
      fields: [{ path: 'file', message: 'required', code: 'required' }],
    });
  if (!file.data.length)
    throw fail(platformErrors, 'file_empty', 'The file is empty.', { fields: [{ path: 'file', message: 'empty', code: 'required' }] });
  return { ...file, fields, maxBytes };
}
