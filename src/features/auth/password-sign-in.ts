// Full-access sign-in with e-mail and password (docs/pcloud/methods-core.md §7): getdigest, then
// userinfo with getauth + username + digest + passworddigest, so the password itself never leaves
// the browser; a two-factor account answers 2297 and finishes with tfa_login. Calls go straight from
// this browser to the region's API, never through the host that serves the app.
import {
  tfaLogin,
  tfaLoginWithRecoveryCode,
  tfaSendCodeViaSms,
  tfaSendCodeViaSysNotification,
  userInfoWithCredentials,
  type LoginReply,
} from '../../api/auth';
import type { CallOptions } from '../../api/client';
import { PcloudError } from '../../api/errors';
import { getDigest } from '../../api/general';
import { apiBaseFor, config, type RegionId } from '../../config';
import { signedIn } from '../../stores/session';
import { keepDeviceId, keptDeviceId } from '../../stores/trusted-device';
import { passwordDigest } from './digest';

const HOSTS: Record<'us' | 'eu', string> = { us: 'api.pcloud.com', eu: 'eapi.pcloud.com' };

/** Where a password sign-in may go: the local server when the build knows one, and both pCloud regions. */
export function passwordRegions(): RegionId[] {
  return [...(config.localApiUrl ? (['local'] as const) : []), 'us', 'eu'];
}

function apiBaseOf(region: RegionId): string {
  if (region === 'local') return new URL(config.localApiUrl ?? '').origin;
  return apiBaseFor(HOSTS[region]);
}

/** "Chrome on Linux" — the label the account's list of signed-in devices shows for this sign-in. */
export function browserDeviceName(ua: string): string {
  const browser =
    /Edg\//.test(ua) ? 'Edge'
    : /OPR\/|Opera/.test(ua) ? 'Opera'
    : /Firefox\//.test(ua) ? 'Firefox'
    : /Chrome\/|Chromium\//.test(ua) ? 'Chrome'
    : /Safari\//.test(ua) ? 'Safari'
    : 'Browser';
  const os =
    /Android/.test(ua) ? 'Android'
    : /iPhone|iPad|iPod/.test(ua) ? 'iOS'
    : /Windows/.test(ua) ? 'Windows'
    : /Mac OS X|Macintosh/.test(ua) ? 'macOS'
    : /CrOS/.test(ua) ? 'ChromeOS'
    : /Linux/.test(ua) ? 'Linux'
    : '';
  return `pCloud Web · ${browser}${os ? ` on ${os}` : ''}`;
}

/**
 * The random id "trust this device" is remembered by on the server. Kept only once the user chose
 * to trust this browser; otherwise a fresh one per sign-in.
 */
function deviceId(): string {
  const kept = keptDeviceId();
  if (kept) return kept;
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface SignInRequest {
  email: string;
  password: string;
  region: RegionId;
  keep: boolean;
}

/** The second step of a two-factor account, as pCloud's 2297 answer described it. */
export interface SecondStep {
  token: string;
  /** 1 = SMS, 2 = authenticator app (a third-party reading of pclsync; unverified). */
  tfatype: number;
  /** Other signed-in pCloud apps can show the code. */
  hasdevices: boolean;
  region: RegionId;
  keep: boolean;
  deviceid: string;
}

export type SignInOutcome = { done: true } | { done: false; second: SecondStep };

const CALL: CallOptions = { anonymous: true, retry: 0 };

function finish(reply: LoginReply, region: RegionId, keep: boolean): SignInOutcome {
  if (!reply.auth) throw new Error('The sign-in reply carried no auth token');
  const apiBase = apiBaseOf(region);
  signedIn({
    token: reply.auth,
    kind: 'auth',
    hostname: new URL(apiBase).host,
    apiBase,
    locationid: region === 'us' ? 1 : region === 'eu' ? 2 : null,
    userid: reply.userid ?? null,
    region,
    keep,
  });
  return { done: true };
}

async function attempt(req: SignInRequest, region: RegionId, deviceid: string, useDigest: boolean): Promise<LoginReply> {
  const apiBase = apiBaseOf(region);
  const common = { username: req.email, getauth: true, device: browserDeviceName(navigator.userAgent), deviceid };
  if (!useDigest) return userInfoWithCredentials({ ...common, password: req.password }, { ...CALL, apiBase });
  const { digest } = await getDigest({ ...CALL, apiBase });
  const passworddigest = await passwordDigest(req.password, req.email, digest);
  return userInfoWithCredentials({ ...common, digest, passworddigest }, { ...CALL, apiBase });
}

/**
 * Signs in, or says that a second factor is needed. Throws PcloudError for what the form words
 * (2000 wrong e-mail or password, 4000 too many tries, …).
 */
export async function signInWithPassword(req: SignInRequest): Promise<SignInOutcome> {
  const deviceid = deviceId();
  let region = req.region;
  let useDigest = true;
  let movedRegion = false;
  for (;;) {
    try {
      return finish(await attempt(req, region, deviceid, useDigest), region, req.keep);
    } catch (err) {
      if (!(err instanceof PcloudError)) throw err;
      if (err.code === 2297) {
        const d = err.details;
        return {
          done: false,
          second: { token: String(d.token ?? ''), tfatype: Number(d.tfatype ?? 0), hasdevices: d.hasdevices === true, region, keep: req.keep, deviceid },
        };
      }
      // the account lives in the other pCloud region: the reply names it (location.id 1 = US, 2 = EU)
      if (err.code === 2321 && region !== 'local' && !movedRegion) {
        const id = (err.details.location as { id?: number } | undefined)?.id;
        region = id === 2 ? 'eu' : id === 1 ? 'us' : region === 'us' ? 'eu' : 'us';
        movedRegion = true;
        continue;
      }
      // pclsync's answer to 2237: the digest was not accepted, send the password itself (POST body)
      if (err.code === 2237 && useDigest) {
        useDigest = false;
        continue;
      }
      throw err;
    }
  }
}

/** Finishes a two-factor sign-in with a code from the authenticator, an SMS or a notification, or a recovery code. */
export async function finishSecondStep(step: SecondStep, code: string, opts: { recovery: boolean; trust: boolean }): Promise<void> {
  const params = {
    token: step.token,
    code: code.trim(),
    trustdevice: opts.trust,
    getauth: true,
    device: browserDeviceName(navigator.userAgent),
    deviceid: step.deviceid,
  };
  const call = { ...CALL, apiBase: apiBaseOf(step.region) };
  const reply = opts.recovery ? await tfaLoginWithRecoveryCode(params, call) : await tfaLogin(params, call);
  if (opts.trust) keepDeviceId(step.deviceid);
  finish(reply, step.region, step.keep);
}

export function sendCodeBySms(step: SecondStep) {
  return tfaSendCodeViaSms({ token: step.token }, { ...CALL, apiBase: apiBaseOf(step.region) });
}

export function sendCodeToDevices(step: SecondStep) {
  return tfaSendCodeViaSysNotification({ token: step.token }, { ...CALL, apiBase: apiBaseOf(step.region) });
}

