import { defineConfig } from 'vitest/config';

// The shell's import map provides these (one shared Lit, loaded once): they stay external here.
const SHARED_BY_THE_SHELL = /^lit(\/.*)?$/;

export default defineConfig({
  publicDir: 'public',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    lib: {
      entry: 'src/forecasting-ui.ts',
      formats: ['es'],
      // a stable name: tessera-ui.json names it, the shell loads it by URL
      fileName: () => 'forecasting-ui.js',
    },
    rollupOptions: {
      external: (id) => SHARED_BY_THE_SHELL.test(id),
      // served to browsers as is, not bundled again by an application: minify whitespace too (a library build keeps it)
      output: { minify: true },
    },
  },
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
  },
});
