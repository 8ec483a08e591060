import { describe, expect, it } from 'vitest';
import { formatPcloudDate } from '../api/protocol/dates';
import { earliestExpiry, LINK_EXPIRY_MARGIN_MS, LINK_MAX_STALE_MS, linkStaleTime } from './content-links';
import { fileLinkOptions } from './streaming';
import { thumbLinksOptions } from './thumbnails';

const NOW = Date.UTC(2026, 0, 1, 12, 0, 0);
const inSeconds = (s: number) => formatPcloudDate(NOW / 1000 + s);

describe('content link staleness', () => {
  it('stays fresh until a margin before expiry, never longer than the cap', () => {
    const state = (data: unknown) => ({ state: { data } });
    expect(linkStaleTime(state({ hosts: ['h'], path: '/p', expires: inSeconds(300) }), NOW)).toBe(300_000 - LINK_EXPIRY_MARGIN_MS);
    expect(linkStaleTime(state({ expires: inSeconds(30) }), NOW)).toBe(0);
    expect(linkStaleTime(state({ expires: inSeconds(-10) }), NOW)).toBe(0);
    expect(linkStaleTime(state({ expires: inSeconds(86_400) }), NOW)).toBe(LINK_MAX_STALE_MS);
    expect(linkStaleTime(state(undefined), NOW)).toBe(0);
  });

  it('uses the earliest expiry of batch replies (thumbs, variants)', () => {
    const thumbs = [
      { fileid: 1, result: 0, expires: inSeconds(600) },
      { fileid: 2, result: 2009 },
      { fileid: 3, result: 0, expires: inSeconds(200) },
    ];
    expect(earliestExpiry(thumbs)).toBe(NOW + 200_000);
    expect(earliestExpiry({ variants: [{ expires: inSeconds(400) }, { expires: inSeconds(100) }] })).toBe(NOW + 100_000);
  });

  it('link queries carry the expiry-based staleTime and are never persisted', () => {
    for (const options of [fileLinkOptions(1), thumbLinksOptions([1], '64x64')]) {
      expect(options.staleTime).toBe(linkStaleTime);
      expect(options.meta).toMatchObject({ persist: false });
      expect(options.gcTime).toBeLessThanOrEqual(60_000);
    }
  });
});
