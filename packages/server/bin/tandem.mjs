#!/usr/bin/env node
// The `tandem` command: runs the TypeScript CLI through tsx. Stop signals are passed on, so a
// process manager (or a test) that stops this process stops the server it runs — and the
// embedded database's lock is released — instead of leaving it running on its own.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const tsx = require.resolve('tsx/cli');
const main = path.join(import.meta.dirname, '..', 'src', 'cli', 'main.ts');
const child = spawn(process.execPath, [tsx, main, ...process.argv.slice(2)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
