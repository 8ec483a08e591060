// A permissive emulator (OAuth tokens may call getzip, trash, collections, listtokens …), run next
// to the faithful one the Playwright config starts. The `permissive` worker fixture in fixtures.ts
// starts one per worker, the first time a test asks for it.
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface Running {
  api: string;
  app: string;
  stop(): Promise<void>;
}

export function startPermissive(): Promise<Running> {
  const data = mkdtempSync(join(tmpdir(), 'pcloud-e2e-permissive-'));
  const child: ChildProcess = spawn('node_modules/.bin/tsx', ['emulator/cli.ts', 'serve', '--permissive', '--port', '0', '--data', data, '--app', process.env.E2E_APP_DIST ?? 'dist', '--app-port', '0'], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(data, { recursive: true, force: true });
  };
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`permissive emulator did not start: ${out}`));
    }, 60_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const api = /listening on (\S+)/.exec(out)?.[1];
      const app = /app on (\S+)/.exec(out)?.[1];
      if (api && app) {
        clearTimeout(timer);
        resolve({ api, app, stop });
      }
    });
    child.on('exit', (code) => reject(new Error(`permissive emulator exited (${code}): ${out}`)));
  });
}
