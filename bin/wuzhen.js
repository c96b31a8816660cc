#!/usr/bin/env node
// Runs the TypeScript sources directly (tsx), so there is no build step for the server.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/main.ts');
await runCli(process.argv.slice(2));
