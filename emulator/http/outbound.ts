// Server-side fetches (downloadfile): the allow-list is checked on every hop, redirects are followed
// by hand, and a host admitted by `*` must resolve only to public addresses, checked when the socket
// connects (so a name that resolves differently the second time cannot reach the inside).
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { BlockList, isIP, type LookupFunction } from 'node:net';

const INTERNAL = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) INTERNAL.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['2001:db8::', 32], ['64:ff9b::', 96]] as const) {
  INTERNAL.addSubnet(net, bits, 'ipv6');
}

/** True for loopback, private, link-local, unique-local, CGNAT, multicast and unspecified addresses. */
export function isInternalAddress(address: string): boolean {
  const bare = address.replace(/^\[|\]$/g, '');
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(bare);
  if (mapped) return INTERNAL.check(mapped[1], 'ipv4');
  const family = isIP(bare);
  if (family === 0) return true;
  return INTERNAL.check(bare, family === 4 ? 'ipv4' : 'ipv6');
}

export class OutboundRefused extends Error {}

/**
 * A URL may be fetched when its host is listed by name (trusted whatever it resolves to), or the list
 * holds `*` and the host is not an internal address (names are re-checked at connect time).
 */
function admit(u: URL, allow: string[]): { trusted: boolean } {
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new OutboundRefused(`scheme ${u.protocol} refused`);
  if (u.username || u.password) throw new OutboundRefused('credentials in URL refused');
  const host = u.hostname.toLowerCase();
  if (allow.some((a) => a.toLowerCase() === host)) return { trusted: true };
  if (!allow.includes('*')) throw new OutboundRefused(`host ${host} is not on the download allow-list`);
  if (isIP(host.replace(/^\[|\]$/g, '')) && isInternalAddress(host)) throw new OutboundRefused(`internal address ${host} refused`);
  return { trusted: false };
}

const publicOnly: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 0);
    const bad = addresses.find((a) => isInternalAddress(a.address));
    if (bad || !addresses.length) return callback(new OutboundRefused(`${hostname} resolves to internal address ${bad?.address ?? '(none)'}`), '', 0);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
};

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

/** GETs `url`, following at most `maxRedirects` redirects, each hop admitted anew. */
export async function fetchGuarded(url: URL, allow: string[], maxRedirects: number, idleMs: number): Promise<IncomingMessage> {
  let current = url;
  for (let hop = 0; ; hop++) {
    const { trusted } = admit(current, allow);
    const res = await new Promise<IncomingMessage>((resolve, reject) => {
      const send = current.protocol === 'https:' ? httpsRequest : httpRequest;
      const req = send(current, { method: 'GET', lookup: trusted ? undefined : publicOnly, headers: { 'User-Agent': 'pcloud-emulator' } }, resolve);
      if (idleMs > 0) req.setTimeout(idleMs, () => req.destroy(new Error('origin timed out')));
      req.on('error', reject);
      req.end();
    });
    const location = res.headers.location;
    if (!REDIRECTS.has(res.statusCode ?? 0) || !location) return res;
    res.resume();
    if (hop >= maxRedirects) throw new OutboundRefused(`more than ${maxRedirects} redirects`);
    current = new URL(location, current);
  }
}
