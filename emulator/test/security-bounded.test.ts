// Bounded state the server keeps for callers (progress jobs keyed by their own hashes) and the
// start-up sweep that must never delete files of uploads in flight in another process.
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_HASH_LENGTH, Progress } from '../progress';
import { Storage } from '../store/storage';
import { registerServer } from '../store/live-servers';

const job = (n: number) => ({ kind: 'x', userid: 1, updated: 0, n });

describe('progress jobs', () => {
  it('keep at most `capacity` jobs, forgetting the least recently updated', () => {
    const p = new Progress(100);
    for (let i = 0; i < 5000; i++) p.set(`h${i}`, job(i));
    expect(p.size).toBe(100);
    expect(p.get('h4999')).toBeDefined();
    expect(p.get('h0')).toBeUndefined();
  });

  it('keep a job that is still being updated', () => {
    const p = new Progress(10);
    p.set('busy', job(0));
    for (let i = 0; i < 100; i++) {
      p.set(`other${i}`, job(i));
      p.touch('busy');
    }
    expect(p.get('busy')).toBeDefined();
  });

  it('ignore keys longer than the bound', () => {
    const p = new Progress();
    p.set('k'.repeat(MAX_HASH_LENGTH + 1), job(1));
    expect(p.size).toBe(0);
  });
});

describe('start-up sweep', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('is not run when the CLI opens a data dir: temp files of uploads in flight survive', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sweep-test-'));
    (await Storage.open(dir, { sweep: true })).close();
    await writeFile(join(dir, 'tmp', 'in-flight'), 'bytes of an upload another process is writing');
    (await Storage.open(dir)).close();
    expect(await readdir(join(dir, 'tmp'))).toContain('in-flight');
    (await Storage.open(dir, { sweep: true })).close();
    expect(await readdir(join(dir, 'tmp'))).not.toContain('in-flight');
  });

  it('is left out by a server when another live server uses the dir, and done once that one died', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sweep-test-'));
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' });
    try {
      const first = await registerServer(dir, other.pid!);
      expect(first.alone).toBe(true);
      const second = await registerServer(dir);
      expect(second.alone).toBe(false);
      second.release();
      other.kill('SIGKILL');
      await new Promise((r) => other.once('exit', r));
      // the entry of the killed process is stale: the next server is alone again and removes it
      const third = await registerServer(dir);
      expect(third.alone).toBe(true);
      expect(await readdir(join(dir, 'servers'))).toEqual([String(process.pid)]);
      third.release();
    } finally {
      other.kill('SIGKILL');
    }
  });

  it('counts a zombie (killed, never reaped) as dead', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sweep-test-'));
    // perl forks a child that exits at once and never reaps it: the child stays a zombie while perl sleeps
    const parent = spawn('perl', ['-e', '$| = 1; $p = fork(); if (!$p) { exit 0 } print "$p\n"; sleep 30'], { stdio: ['ignore', 'pipe', 'ignore'] });
    try {
      const zombie = Number(await new Promise<string>((r) => parent.stdout!.once('data', (d: Buffer) => r(d.toString()))));
      await new Promise((r) => setTimeout(r, 200));
      await registerServer(dir, zombie);
      const next = await registerServer(dir);
      expect(next.alone).toBe(true);
      next.release();
    } finally {
      parent.kill('SIGKILL');
    }
  });
});
