// `npm run dev`: the emulator with demo data on :8787 (or PORT; the next free one when the default is
// taken) plus Vite's dev server with hot reload on 5173 (or APP_PORT), told the emulator's real URL.
import { spawn, type ChildProcess } from 'node:child_process';

const children: ChildProcess[] = [];
const emulator = spawn('npx', ['tsx', 'emulator/cli.ts', 'serve', '--demo', '--data', '.data'], { stdio: ['inherit', 'pipe', 'inherit'] });
children.push(emulator);
let vite = false;
emulator.stdout.on('data', (chunk: Buffer) => {
  process.stdout.write(chunk);
  const api = /listening on (http\S+)/.exec(chunk.toString('utf8'))?.[1];
  if (!api || vite) return;
  vite = true;
  const port = process.env.APP_PORT?.trim() || '5173';
  children.push(spawn('npx', ['vite', '--port', port], { stdio: 'inherit', env: { ...process.env, VITE_LOCAL_API_URL: api } }));
  children.at(-1)!.on('exit', (code) => code && stop());
});
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
emulator.on('exit', (code) => code && stop());
