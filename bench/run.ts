// `npm run bench`: every benchmark of the project, one after the other.
import { spawnSync } from 'node:child_process';

// bench/app.ts: the web app's budgets in Chromium (issue 8)
const suites = ['bench/emulator.ts', 'bench/app.ts'];
let failed = 0;
for (const s of suites) {
  console.log(`== ${s}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', s, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);
