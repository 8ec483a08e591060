import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        plugins: [react()],
        test: { name: 'app', include: ['src/**/*.test.{ts,tsx}'], environment: 'jsdom' },
      },
      {
        test: { name: 'emulator', include: ['emulator/**/*.test.ts'], environment: 'node', pool: 'forks' },
      },
    ],
  },
});
