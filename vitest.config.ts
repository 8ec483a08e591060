import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

export default defineConfig({
  test: {
    // a loaded 2-core machine makes a 1 s test take several; Vitest's 5 s default cut a player test
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      // `extends: true`: a project otherwise drops the root test options above (timeouts included)
      {
        extends: true,
        plugins: [react()],
        test: { name: 'app', include: ['src/**/*.test.{ts,tsx}'], environment: 'jsdom' },
      },
      {
        extends: true,
        test: { name: 'emulator', include: ['emulator/**/*.test.ts'], environment: 'node', pool: 'forks' },
      },
    ],
  },
});
