/// <reference types="vitest/config" />
import { defineConfig } from 'vite';

// The shell's import map gives every module UI one shared Lit (/tessera/vendor/lit.js): a module imports
// 'lit' and 'lit/...' and leaves them out of its own build.
const SHARED_BY_THE_SHELL = /^lit(\/.*)?$/;

export default defineConfig({
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    lib: {
      entry: 'src/index.ts',
      formats: ['es'],
      // a stable name: tessera-ui.json names it and the shell loads it by URL
      fileName: () => 'marketing-ui.js',
    },
    rollupOptions: {
      external: (id) => SHARED_BY_THE_SHELL.test(id),
    },
  },
  test: {
    environment: 'happy-dom',
    include: ['test/**/*.test.ts'],
  },
});
