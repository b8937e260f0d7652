import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Plugin } from 'vite';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

/** Text formats worth compressing; images and fonts are compressed already. */
const compressible = new Set(['.js', '.css', '.html', '.svg', '.json', '.webmanifest', '.txt']);

/** Below this, the compressed file saves less than a network packet and costs a disk read. */
const minimumBytes = 1024;

/** Every file under `dir` outside dot folders (Vite's `.vite/` build records are never served). */
function servedFiles(dir: string): string[] {
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
    .filter((file) => !path.relative(dir, file).split(path.sep).some((part) => part.startsWith('.')));
}

/** Writes `file.br` and `file.gz` beside `file`, each at its codec's highest setting. */
async function compressFile(file: string, source: Buffer): Promise<void> {
  const [br, gz] = await Promise.all([
    brotli(source, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: source.length,
      },
    }),
    gzip(source, { level: zlib.constants.Z_BEST_COMPRESSION }),
  ]);
  await Promise.all([fs.promises.writeFile(`${file}.br`, br), fs.promises.writeFile(`${file}.gz`, gz)]);
}

/**
 * After the build is written, puts a brotli (`.br`) and a gzip (`.gz`) copy beside every text file
 * over a kilobyte, public files included, so the server sends them as they are
 * (`preCompressed` in packages/server/src/http/web-app.ts) instead of compressing on each request
 * or not at all. Maximum settings cost build time once (about a second, on zlib's worker threads)
 * and save bytes on every phone. It runs when the bundle is closed, after every output is on disk.
 */
export function precompress(): Plugin {
  let outDir: string;
  return {
    name: 'tandem-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = path.resolve(config.root, config.build.outDir);
    },
    async closeBundle(error?: Error) {
      if (error || !fs.existsSync(outDir)) return;
      const files = servedFiles(outDir).filter((file) => compressible.has(path.extname(file)));
      await Promise.all(
        files.map(async (file) => {
          const source = await fs.promises.readFile(file);
          if (source.length > minimumBytes) await compressFile(file, source);
        }),
      );
    },
  };
}
