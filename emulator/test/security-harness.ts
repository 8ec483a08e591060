// Shared pieces of the security suites (emulator/test/security-*.test.ts): raw sockets for requests
// a well-behaved client would never send, a seeded random source, and the race runner.
import { connect, type Socket } from 'node:net';
import { expect } from 'vitest';
import type { TestServer } from '../testing';

/** A raw TCP connection to the emulator; `closed` settles when the server (or we) close it. */
export async function rawSocket(srv: TestServer): Promise<{ sock: Socket; received: () => string; closed: Promise<void> }> {
  const sock = connect(srv.port, '127.0.0.1');
  await new Promise<void>((resolve, reject) => {
    sock.once('connect', resolve);
    sock.once('error', reject);
  });
  const chunks: Buffer[] = [];
  sock.on('data', (c: Buffer) => chunks.push(c));
  sock.on('error', () => {});
  const closed = new Promise<void>((resolve) => sock.once('close', () => resolve()));
  return { sock, received: () => Buffer.concat(chunks).toString('utf8'), closed };
}

/** mulberry32: a small deterministic PRNG, so a failing fuzz case replays with the same seed. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface RaceRound<S> {
  /** Makes the resource both operations fight over (fresh per round). */
  setup: (round: number) => Promise<S>;
  /** The two operations, started together. */
  a: (s: S) => Promise<unknown>;
  b: (s: S) => Promise<unknown>;
  /** Checks the state once both settled; throws (expect) when an invariant broke. */
  check: (s: S, ra: unknown, rb: unknown, round: number) => Promise<void>;
}

/**
 * Runs two operations on one resource `rounds` times, concurrently, checking invariants after each
 * round. The second one starts after a varying number of event-loop turns so both orders and the
 * overlaps in between are exercised, deterministically.
 */
export async function race<S>(rounds: number, r: RaceRound<S>): Promise<void> {
  for (let i = 0; i < rounds; i++) {
    const s = await r.setup(i);
    const pa = r.a(s);
    for (let k = 0; k < i % 4; k++) await new Promise<void>((res) => setImmediate(res));
    const pb = r.b(s);
    const [ra, rb] = await Promise.all([pa, pb]);
    await r.check(s, ra, rb, i);
  }
}

/** A reply that must be pCloud-shaped: HTTP 200, JSON, numeric `result`. */
export function expectEnvelope(label: string, r: { status: number; headers: Record<string, unknown>; json: unknown; text: string }): number {
  const ct = String(r.headers['content-type'] ?? '');
  const result = (r.json as { result?: unknown } | undefined)?.result;
  expect([label, r.status, ct.startsWith('application/json'), typeof result], r.text.slice(0, 300)).toEqual([label, 200, true, 'number']);
  return result as number;
}
