import { promises as fsp, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Which server processes use a data dir: each `serve` leaves `servers/<pid>` while it runs. A server
 * sweeps temp files and orphan blobs at start-up only when no other live process is listed, because
 * those files may be uploads in flight in that other process. Entries of processes that died (kill -9)
 * are recognised by their pid no longer existing and removed.
 */
export async function registerServer(dataDir: string, pid = process.pid): Promise<{ alone: boolean; release: () => void }> {
  const dir = join(dataDir, 'servers');
  await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
  let alone = true;
  for (const name of await fsp.readdir(dir)) {
    const other = Number(name);
    if (!Number.isInteger(other) || other === pid) continue;
    if (isAlive(other)) alone = false;
    else await fsp.rm(join(dir, name), { force: true });
  }
  const mine = join(dir, String(pid));
  await fsp.writeFile(mine, new Date().toISOString(), { mode: 0o600 });
  return { alone, release: () => rmSync(mine, { force: true }) };
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (err) {
    // EPERM: the process exists but belongs to someone else
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  // a server killed with -9 whose parent died too can stay a zombie where nothing reaps orphans
  // (a container's PID 1): it still answers signal 0, but it serves nothing
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return true; // no procfs (not Linux): signal 0 is all we know
  }
}
