import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Plugin, ResolvedConfig } from 'vite';

/** What the build writes into the worker in place of `__TANDEM_BUILD__`. */
export interface ServiceWorkerBuild {
  version: string;
  shell: string[];
}

interface OutputChunkLike {
  type: 'chunk';
  name: string;
  isEntry: boolean;
  fileName: string;
  code: string;
  imports: string[];
  dynamicImports: string[];
  viteMetadata?: { importedCss: Set<string>; importedAssets: Set<string> };
}

/** Public files kept on the phone: all of them but the crawlers' file. */
const publicForClient = (name: string) => name !== 'robots.txt';

/** Every file under the public folder, as paths relative to it with forward slashes. */
function publicFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return (fs.readdirSync(dir, { recursive: true, withFileTypes: true }) as fs.Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}

/**
 * Builds the client app's service worker as /sw.js (src/sw/service-worker.ts, an extra entry) and
 * writes into it the app shell to keep on the phone: the client page, every chunk the client entry
 * can load (lazy ones too: the Arabic strings must work offline), its styles and assets, and the
 * public files. Never a practitioner chunk. The version is a hash of that list (file names carry
 * their content's hash) and the page, so any change to the client app is a new worker, and the
 * same source builds the same worker.
 */
export function serviceWorker(options: { entry: string; clientEntryName: string; clientPage: string }): Plugin {
  let config: ResolvedConfig;
  return {
    name: 'tandem-service-worker',
    apply: 'build',
    configResolved(resolved) {
      config = resolved;
    },
    // After the pages are written into the bundle (Vite's HTML plugin emits them in this hook).
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
      const chunks = new Map<string, OutputChunkLike>();
      for (const output of Object.values(bundle)) if (output.type === 'chunk') chunks.set(output.fileName, output as unknown as OutputChunkLike);
      const worker = [...chunks.values()].find((c) => c.isEntry && c.name === options.entry);
      const client = [...chunks.values()].find((c) => c.isEntry && c.name === options.clientEntryName);
      const page = bundle[options.clientPage];
      if (!worker || !client || !page || page.type !== 'asset') this.error('service worker: the worker, the client entry or the client page is missing from the build');

      const files = new Set<string>([options.clientPage]);
      const walk = (fileName: string) => {
        if (files.has(fileName)) return;
        const chunk = chunks.get(fileName);
        if (!chunk) return;
        files.add(fileName);
        for (const css of chunk.viteMetadata?.importedCss ?? []) files.add(css);
        for (const asset of chunk.viteMetadata?.importedAssets ?? []) files.add(asset);
        for (const next of [...chunk.imports, ...chunk.dynamicImports]) walk(next);
      };
      walk(client.fileName);
      for (const name of publicFiles(config.publicDir)) if (publicForClient(name)) files.add(name);

      const shell = [...files].map((f) => `/${f}`).sort();
      const hash = createHash('sha256').update(shell.join('\n')).update(String(page.source)).digest('hex').slice(0, 12);
      const build: ServiceWorkerBuild = { version: hash, shell };
      if (!worker.code.includes('__TANDEM_BUILD__')) this.error('service worker: no __TANDEM_BUILD__ placeholder in the worker');
      worker.code = worker.code.replace(/__TANDEM_BUILD__/g, JSON.stringify(build));
      this.emitFile({ type: 'asset', fileName: '.vite/service-worker.json', source: JSON.stringify(build, null, 1) });
      },
    },
  };
}

/** The worker's file name: it must sit at the root to look after every page of the client app. */
export function serviceWorkerFileName(entry: string) {
  return (chunk: { name: string }) => (chunk.name === entry ? 'sw.js' : 'assets/[name]-[hash].js');
}
