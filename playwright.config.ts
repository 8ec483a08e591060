import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Ports and the data dir are chosen once, in the main process; workers inherit them via env.
function freePort(): string {
  const script = "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  return execFileSync(process.execPath, ['-e', script]).toString();
}
process.env.E2E_API_PORT ??= freePort();
process.env.E2E_APP_PORT ??= freePort();
process.env.E2E_DATA ??= mkdtempSync(join(tmpdir(), 'pcloud-e2e-'));
// E2E_APP_DIST lets several checkouts' builds be tested side by side (default: dist/)

export const API_URL = `http://127.0.0.1:${process.env.E2E_API_PORT}`;
export const APP_URL = `http://127.0.0.1:${process.env.E2E_APP_PORT}`;

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 2,
  // a retry only in CI (reported as flaky there); locally a failure shows at once, with its trace
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: 'list',
  use: {
    baseURL: APP_URL,
    browserName: 'chromium',
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update'],
    },
  },
  webServer: {
    command: `npx tsx emulator/cli.ts serve --demo --data ${process.env.E2E_DATA} --port ${process.env.E2E_API_PORT} --app ${process.env.E2E_APP_DIST ?? 'dist'} --app-port ${process.env.E2E_APP_PORT}`,
    url: `${API_URL}/health`,
    timeout: 180_000,
    reuseExistingServer: false,
    stdout: 'pipe',
  },
});
