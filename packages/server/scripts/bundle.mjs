// Builds the server into one ES module, dist/tandem.mjs (the CLI: `node dist/tandem.mjs serve`).
// Starting from it skips compiling some four hundred TypeScript files at every start (issue 13's
// start-up target). Only this repository's code is bundled, @tandem/domain included; every
// package from npm stays an ordinary import, resolved from node_modules at run time.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const serverDir = path.resolve(import.meta.dirname, '..');
const manifest = (dir) => JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
const server = manifest(serverDir);
const domain = manifest(path.join(serverDir, '../domain'));
const fromNpm = [server.dependencies, server.devDependencies, domain.dependencies, domain.devDependencies]
  .flatMap((deps) => Object.keys(deps ?? {}))
  .filter((name) => !name.startsWith('@tandem/'));

const result = await build({
  entryPoints: [path.join(serverDir, 'src/cli/main.ts')],
  outfile: path.join(serverDir, 'dist/tandem.mjs'),
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external: fromNpm.flatMap((name) => [name, `${name}/*`]),
  sourcemap: 'linked',
  metafile: true,
  logLevel: 'warning',
});

const bytes = fs.statSync(path.join(serverDir, 'dist/tandem.mjs')).size;
const inputs = Object.keys(result.metafile.inputs).length;
process.stdout.write(`Server bundle: dist/tandem.mjs, ${inputs} modules, ${(bytes / 1024).toFixed(0)} KB\n`);
