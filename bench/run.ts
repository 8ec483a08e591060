// `npm run bench`: every benchmark of the project, one after the other.
import { spawnSync } from 'node:child_process';

// emulator: server figures; app: the web app's budgets in Chromium; upload: the app's upload path
// against curl; media: click → first frame / sound and thumbnail requests per screen
const suites = ['bench/emulator.ts', 'bench/app.ts', 'bench/upload.ts', 'bench/media.ts'];
let failed = 0;
for (const s of suites) {
  console.log(`== ${s}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', s, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
