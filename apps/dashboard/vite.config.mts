import react from '@vitejs/plugin-react';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');

export default defineConfig({
  root: here,
  plugins: [react()],
  resolve: {
    alias: {
      '@vfr/domain': resolve(root, 'libs/domain/src/index.ts'),
    },
  },
  build: {
    outDir: resolve(root, 'dist/apps/dashboard'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 800,
  },
  server: {
    port: 4200,
    proxy: { '/graphql': 'http://localhost:3000', '/health': 'http://localhost:3000' },
  },
});
