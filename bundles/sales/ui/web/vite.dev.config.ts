import { defineConfig } from 'vite';

// The dev page only (not shipped): dev/index.html mounts the sales elements with a minimal host,
// and the API calls go through this proxy to a running distribution (TESSERA_API, default :18401).
const api = process.env.TESSERA_API ?? 'http://localhost:18401';

export default defineConfig({
  root: 'dev',
  server: {
    port: Number(process.env.DEV_PORT ?? 18405),
    strictPort: true,
    fs: { allow: ['..'] },
    proxy: { '/tessera/api': { target: api, changeOrigin: true } },
  },
});
