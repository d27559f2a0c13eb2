import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const alias = {
  '@': fileURLToPath(new URL('./src', import.meta.url)),
  '@data': fileURLToPath(new URL('./data', import.meta.url)),
};

export default defineConfig({
  plugins: [react()],
  resolve: { alias },
  build: { target: 'es2022', chunkSizeWarningLimit: 1200 },
  test: {
    globals: true,
    environment: 'node',
    setupFiles: ['./tests/setup.ts'],
    globalSetup: ['./tests/support/seed-notice.ts'],
    // Held on a busy two-core machine (the 500-host canvas case took 8.4 s there; vitest's default is 5 s).
    testTimeout: 30_000,
    hookTimeout: 60_000,
    include: ['tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    css: false,
  },
});
