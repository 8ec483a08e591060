// Shared by the benchmark suites (issue 20): a timing is reported as min / median / max over
// several runs, budgets are judged on the median, and every suite prints the machine's load average
// at its start and end, because the development machine is shared and one run proves little.
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';

/** Runs per timing; `--runs N` overrides, never below 5. */
export const RUNS = Math.max(5, Number(argValue('runs') ?? 5) || 5);

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export interface Spread {
  min: number;
  median: number;
  max: number;
  runs: number;
}

/** min / median / max; the median of an even count is the mean of the middle two. */
export function spread(values: number[]): Spread {
  const v = values.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (!v.length) return { min: NaN, median: NaN, max: NaN, runs: 0 };
  const mid = v.length >> 1;
  const median = v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
  return { min: v[0], median, max: v[v.length - 1], runs: v.length };
}

const round = (x: number, digits: number) => Number(x.toFixed(digits));

/**
 * One `name median unit` line (the median is the value), followed by the spread:
 * `big_folder_response_to_first_rows 412 ms min=380 max=530 runs=5`.
 */
export function timing(name: string, values: number[], unit: string, digits = 1): Spread {
  const s = spread(values);
  console.log(`${name} ${round(s.median, digits)} ${unit} min=${round(s.min, digits)} max=${round(s.max, digits)} runs=${s.runs}`);
  return s;
}

/** `a / b / c` for a budget table: min / median / max. */
export function describe(s: Spread, unit: string, digits = 0): string {
  return `median ${round(s.median, digits)} ${unit} (min ${round(s.min, digits)}, max ${round(s.max, digits)}, ${s.runs} runs)`;
}

/** Calls `run` `n` times one after the other and collects what each returns. */
export async function repeat<T>(n: number, run: (i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < n; i++) out.push(await run(i));
  return out;
}

/** The 1 / 5 / 15 minute load averages and the core count, e.g. `load_average_start 3.1 2.8 2.2 cores=2`. */
export function printLoad(when: 'start' | 'end'): number[] {
  const l = loadavg();
  console.log(`load_average_${when} ${l.map((x) => x.toFixed(2)).join(' ')} cores=${cpus().length}`);
  return l;
}

/** Which checkout is measured: commit and the number of files changed beside it (0 = clean). */
export function printCheckout(): void {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--short', '--untracked-files=no'], { encoding: 'utf8' }).split('\n').filter(Boolean).length;
    console.log(`checkout ${commit} uncommitted_files=${dirty}`);
  } catch {
    console.log('checkout unknown (not a git work tree)');
  }
}
