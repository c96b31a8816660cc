import contentDisposition from 'content-disposition';
import type { FastifyReply } from 'fastify';

/** Answers with a file: its type, a download name in any script, and no type sniffing by the browser. */
export function sendFile(
  reply: FastifyReply,
  file: { mime: string; data: Buffer | string; name?: string },
  opts: { inline?: boolean; cache?: string } = {},
) {
  reply.type(file.mime).header('x-content-type-options', 'nosniff');
  if (file.name) reply.header('content-disposition', contentDisposition(file.name, { type: opts.inline ? 'inline' : 'attachment' }));
  if (opts.cache) reply.header('cache-control', opts.cache);
  return reply.send(file.data);
}
