import fs from 'node:fs';
import type { Config } from './config.js';
import { openDatabase, type Database } from './db/index.js';

/** Opens the configured database and brings its schema up to date. */
export async function openPlatformDatabase(config: Config): Promise<Database> {
  fs.mkdirSync(config.dataDir, { recursive: true });
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.dataDir, poolSize: config.DATABASE_POOL_SIZE });
  try {
    await database.migrate();
  } catch (err) {
    await database.close();
    throw err;
  }
  return database;
}
