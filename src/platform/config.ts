import path from 'node:path';
import { z } from 'zod';
import { setPublicUrl } from './http/urls.js';

/** Every setting the server reads, checked once at start. docs/operations.md lists them. */
const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  PUBLIC_URL: z.url().optional(),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional(),
  MAIL_FROM: z.string().default('Wuzhen <no-reply@localhost>'),
  MAIL_RETRY_SECONDS: z.coerce.number().positive().max(3600).default(30),
  MAIL_GIVE_UP_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 30)
    .default(72),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MAX_UPLOAD_MB: z.coerce.number().positive().max(1024).default(20),
  SESSION_DAYS: z.coerce.number().int().positive().max(365).default(30),
  WORKERS: z.enum(['on', 'off']).default('on'),
  PAGE_CACHE_SECONDS: z.coerce.number().min(0).max(3600).default(5),
  SEARCH_COUNT_CAP: z.coerce.number().int().min(1).max(1_000_000).default(10_000),
});

export type Config = z.infer<typeof schema> & { dataDir: string; filesDir: string; publicUrl: string };

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}\nSee docs/operations.md for every setting.`);
  }
  const c = parsed.data;
  const dataDir = path.resolve(c.DATA_DIR);
  const publicUrl = (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, '');
  setPublicUrl(publicUrl);
  return { ...c, dataDir, filesDir: path.join(dataDir, 'files'), publicUrl };
}
