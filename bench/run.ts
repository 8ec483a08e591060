// `npm run bench`: every benchmark of the project, one after the other. Each suite builds the app
// of the current checkout afresh into a temp dir (never whatever dist/ holds), reports its timings
// as min / median / max over several runs and its own load averages (bench/stats.ts); this prints
// the checkout and the load average around the whole run, since the machine may be shared.
import { spawnSync } from 'node:child_process';
import { printCheckout, printLoad } from './stats';

// emulator: server figures; app: the web app's budgets in Chromium; upload: the app's upload path
// against curl; media: click → first frame / sound and thumbnail requests per screen
const suites = ['bench/emulator.ts', 'bench/app.ts', 'bench/upload.ts', 'bench/media.ts'];
printCheckout();
printLoad('start');
let failed = 0;
for (const s of suites) {
  console.log(`== ${s}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', s, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) failed++;
}
printLoad('end');
process.exit(failed ? 1 : 0);
