/** The CLI's help texts: `wuzhen --help` and `wuzhen <command> --help`. */
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
