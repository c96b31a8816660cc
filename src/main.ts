import { parseArgs } from 'node:util';
import { help } from './help.js';
import { ConfigError, loadConfig } from './platform/config.js';

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
