// Hashes upload bytes off the main thread. Each upload has its own running SHA-1 (`key`); chunks are
// appended in the order the upload sent them, so the digest is ready the moment the last one is sent.
import { runningSha1, type RunningSha1 } from './sha1';
import type { HashReply, HashRequest } from './hash-protocol';

const states = new Map<string, RunningSha1>();
const dropped = new Set<string>(); // seen before their turn: a long append of a paused upload stops early
const PIECE = 4 * 1024 * 1024; // read big slices piecewise: memory stays flat whatever the chunk size

async function handle(msg: HashRequest): Promise<HashReply> {
  if (msg.op === 'append') {
    let h = states.get(msg.key);
    if (!h) states.set(msg.key, (h = await runningSha1()));
    for (let at = 0; at < msg.blob.size && !dropped.has(msg.key); at += PIECE) h.update(new Uint8Array(await msg.blob.slice(at, at + PIECE).arrayBuffer()));
    return { req: msg.req };
  }
  if (msg.op === 'digest') {
    const hex = (states.get(msg.key) ?? (await runningSha1())).hex();
    states.delete(msg.key);
    return { req: msg.req, hex };
  }
  if (msg.op === 'peek') return { req: msg.req, hex: (states.get(msg.key) ?? (await runningSha1())).peekHex() };
  states.delete(msg.key);
  dropped.delete(msg.key);
  return { req: msg.req };
}

// one at a time, in arrival order: appends to the same key must not interleave
let queue = Promise.resolve();
self.onmessage = (e: MessageEvent<HashRequest>) => {
  const msg = e.data;
  if (msg.op === 'drop') dropped.add(msg.key);
  queue = queue.then(async () => {
    let reply: HashReply;
    try {
      reply = await handle(msg);
    } catch (err) {
      states.delete(msg.key);
      reply = { req: msg.req, error: err instanceof Error ? err.message : String(err) };
    }
    self.postMessage(reply);
  });
};
