/// <reference types="vitest/config" />
import { defineConfig, type Plugin } from 'vite';
import { resolve } from 'node:path';

/**
 * The specifiers the import map of index.html points at /tessera/vendor/lit.js (the UI contract):
 * the shell and every module UI leave them external, so that one Lit is loaded once.
 */
export const SHARED_LIT_SPECIFIERS = [
  'lit',
  'lit/decorators.js',
  'lit/directives/repeat.js',
  'lit/directives/class-map.js',
  'lit/directives/if-defined.js',
  'lit/directives/live.js',
  'lit/directives/unsafe-html.js',
  'lit/directives/style-map.js',
  'lit/directives/ref.js',
  'lit/directives/until.js',
];

const VENDOR_ENTRY = resolve(import.meta.dirname, 'src/vendor/lit.ts');
/** The distribution whose API the dev and preview servers proxy to (a private one while developing). */
const API_TARGET = process.env.TESSERA_API_TARGET ?? 'http://localhost:18201';

/** Build only: Lit stays external everywhere but in the vendor entry, which bundles it. */
function sharedLit(): Plugin {
  return {
    name: 'tessera-shared-lit',
    apply: 'build',
    enforce: 'pre',
    resolveId(source, importer) {
      if (!importer || !SHARED_LIT_SPECIFIERS.includes(source) || resolve(importer) === VENDOR_ENTRY) {
        return null;
      }
      return { id: source, external: true };
    },
  };
}

/** Dev only: the import map's /tessera/vendor/lit.js is served from the vendor entry's source. */
function devVendor(): Plugin {
  return {
    name: 'tessera-dev-vendor',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url?.startsWith('/tessera/vendor/lit.js')) {
          req.url = '/tessera/src/vendor/lit.ts';
        }
        next();
      });
    },
  };
}

const proxy = { '/tessera/api': { target: API_TARGET, changeOrigin: false } };

export default defineConfig({
  base: '/tessera/',
  plugins: [sharedLit(), devVendor()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rollupOptions: {
      input: { index: resolve(import.meta.dirname, 'index.html'), lit: VENDOR_ENTRY },
      // the vendor entry is a library for module UIs: its exports must all survive
      preserveEntrySignatures: 'strict',
      output: {
        entryFileNames: (chunk) => (chunk.name === 'lit' ? 'vendor/lit.js' : 'assets/[name]-[hash].js'),
        chunkFileNames: 'assets/[name]-[hash].js',
        assetFileNames: 'assets/[name]-[hash][extname]',
      },
    },
  },
  server: { port: 18208, strictPort: true, proxy },
  preview: { port: 18209, strictPort: true, proxy },
  test: {
    environment: 'happy-dom',
    include: ['test/**/*.test.ts'],
  },
});
