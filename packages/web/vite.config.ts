import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { precompress } from './build-plugins/precompress.ts';
import { serviceWorker, serviceWorkerFileName } from './build-plugins/service-worker.ts';

/**
 * Writes dist/.vite/chunk-modules.json: for each output chunk, the source modules inside it. The
 * bundle test walks the client entry's imports with it to prove no practitioner module is in them.
 */
function chunkModules(): Plugin {
  return {
    name: 'tandem-chunk-modules',
    apply: 'build',
    generateBundle(_options, bundle) {
      const root = import.meta.dirname;
      const map: Record<string, string[]> = {};
      for (const output of Object.values(bundle)) {
        if (output.type !== 'chunk') continue;
        map[output.fileName] = Object.keys(output.modules).map((id) =>
          id.startsWith(root) ? path.relative(root, id) : id.replace(/^.*node_modules\//, 'node_modules/'),
        );
      }
      this.emitFile({ type: 'asset', fileName: '.vite/chunk-modules.json', source: JSON.stringify(map, null, 1) });
    },
  };
}

/**
 * Two entry points, one build: the client app (`/`) and the practitioner app (`/staff/`). Each
 * page loads only its own code, so a client never downloads practitioner code (checked by
 * e2e/bundle.spec.ts against the build manifest). A third entry is the client app's service
 * worker (/sw.js), which the build gives the list of files to keep on the phone.
 */
export default defineConfig({
  plugins: [
    react(),
    chunkModules(),
    serviceWorker({ entry: 'sw', clientEntryName: 'client', clientPage: 'index.html' }),
    // Brotli and gzip copies of the text files, served as they are (packages/server/src/http/web-app.ts).
    precompress(),
  ],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    manifest: true,
    // No inline scripts or data-URL modules: the Content-Security-Policy forbids them.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
    rollupOptions: {
      input: {
        client: path.resolve(import.meta.dirname, 'index.html'),
        staff: path.resolve(import.meta.dirname, 'staff/index.html'),
        // The client app's service worker, as /sw.js (build-plugins/service-worker.ts).
        sw: path.resolve(import.meta.dirname, 'src/sw/service-worker.ts'),
      },
      output: { entryFileNames: serviceWorkerFileName('sw') },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:3000' },
  },
});
