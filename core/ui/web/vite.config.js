// Placeholder build of the shell: index.html plus the shared Lit at a stable name (vendor/lit.js).
import { defineConfig } from 'vite';

export default defineConfig({
  base: '/tessera/',
  build: {
    rollupOptions: {
      input: { index: 'index.html', lit: 'src/vendor-lit.js' },
      preserveEntrySignatures: 'exports-only',
      output: {
        entryFileNames: (chunk) => (chunk.name === 'lit' ? 'vendor/lit.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
