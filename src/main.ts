import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './platform/config.js';

export const help: Record<string, string> = {
  main: `Usage: wuzhen <command> [options]

Commands:
  start [--demo]            start the server (web UI and API on one port)
  migrate                   apply database migrations and exit
  seed --demo               add the demo data to an empty database
  admin create --email E    create an admin account (prints a sign-in link)
  backup <file>             write a backup of the database and files
  restore <file>            restore a backup into an empty database
  search rebuild            empty the search index and fill it again from every feature

Configuration is read from the environment: see docs/operations.md.
Run "wuzhen <command> --help" for a command's options.`,
  start: `Usage: wuzhen start [--demo]

Starts the server on PORT (default 3000). Applies migrations first.
  --demo   when the database is empty, fill it with the demo data first`,
  migrate: `Usage: wuzhen migrate

Applies the database migrations (on the embedded database in DATA_DIR, or on DATABASE_URL) and exits.`,
  seed: `Usage: wuzhen seed --demo

Adds the demo organization, events, programs, groups and sample people. Refuses a database that already has accounts.`,
  admin: `Usage: wuzhen admin create --email <address> [--name <name>] [--password <password>]

Creates an admin account, or gives an existing account the admin role.
Without --password, prints a one-time link to choose one (also queued as mail).`,
  backup: `Usage: wuzhen backup <file>

Writes a consistent backup (database and uploaded files) to <file> (gzip'd NDJSON).
The same format restores on the embedded database and on PostgreSQL.`,
  search: `Usage: wuzhen search rebuild

Empties the search index and re-adds every public, member-only and staff-only
document that the features hold (each with its visibility), in one transaction.`,
  restore: `Usage: wuzhen restore <file>

Restores a backup into an empty database (a new DATA_DIR, or an empty PostgreSQL database).`,
};

export async function main(argv: string[]) {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h' || command === 'help') {
    console.log(help.main);
    return 0;
  }
  if (!(command in help) || command === 'main') {
    console.error(`Unknown command "${command}".\n\n${help.main}`);
    return 2;
  }
  const { values, positionals } = parseArgs({
    args: rest,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      demo: { type: 'boolean' },
      email: { type: 'string' },
      name: { type: 'string' },
      password: { type: 'string' },
    },
  });
  if (values.help) {
    console.log(help[command]);
    return 0;
  }
  const config = loadConfig();
  // The server's modules load only for a command that runs, so --help and a bad configuration answer at once.
  const { runCommand } = await import('./commands.js');
  return runCommand(command, values, positionals, config);
}

export async function runCli(argv: string[]) {
  try {
    const code = await main(argv);
    if (code !== null) process.exit(code);
  } catch (err) {
    if (err instanceof ConfigError || (await isCommandError(err))) {
      console.error((err as Error).message);
      process.exit(1);
    }
    if ((err as { code?: string }).code === 'ECONNREFUSED') {
      console.error(`Cannot reach the database at DATABASE_URL: ${(err as Error).message}`);
      process.exit(1);
    }
    if ((err as { code?: string }).code === 'EADDRINUSE') {
      console.error(`Port ${process.env.PORT ?? 3000} is in use. Set PORT to another port.`);
      process.exit(1);
    }
    console.error(err);
    process.exit(1);
  }
}

/** The refusals a command explains in one line. */
async function isCommandError(err: unknown) {
  const [{ DataDirLockedError }, { RestoreError }] = await Promise.all([import('./platform/db/index.js'), import('./platform/backup.js')]);
  return err instanceof DataDirLockedError || err instanceof RestoreError;
}
