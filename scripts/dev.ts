// `npm run dev`: the emulator with demo data on :8787 plus Vite's dev server with hot reload.
import { spawn } from 'node:child_process';

const api = 'http://127.0.0.1:8787';
const children = [
  spawn('npx', ['tsx', 'emulator/cli.ts', 'serve', '--demo', '--data', '.data', '--port', '8787'], { stdio: 'inherit' }),
  spawn('npx', ['vite', '--port', '5173', '--strictPort'], { stdio: 'inherit', env: { ...process.env, VITE_LOCAL_API_URL: api } }),
];
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', (code) => code && stop());
