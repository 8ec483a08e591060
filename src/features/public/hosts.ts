import { config } from '../../config';

/** pCloud's two data centres; the US one first, as most links live there. */
export const US_API = 'https://api.pcloud.com';
export const EU_API = 'https://eapi.pcloud.com';

/**
 * The API hosts to ask about a link code, in order. A build with a local pCloud server answers
 * everything there. Otherwise a code is tried on the US API and, when that answers 7001 "Invalid
 * link 'code'." (codes are region-specific and the wrong region says exactly that), on the EU API:
 * the address a visitor pasted onto this host no longer tells which region issued it.
 */
export function publicApiBases(): readonly string[] {
  return config.localApiUrl ? [new URL(config.localApiUrl).origin] : [US_API, EU_API];
}
