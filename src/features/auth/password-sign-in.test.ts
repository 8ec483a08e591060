// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { configureClient, resetClient } from '../../api/client';
import { fakeFetch, formOf, jsonResponse, type Responder } from '../../api/testing';
import { getSession, resetSessionStore } from '../../stores/session';
import { browserDeviceName, finishSecondStep, signInWithPassword } from './password-sign-in';

afterEach(() => {
  resetClient();
  resetSessionStore();
  localStorage.clear();
});

function server(responder: Responder) {
  const { fetch, calls } = fakeFetch(responder);
  configureClient({ apiBase: () => '', token: () => null, fetch });
  return calls;
}

const ME = { result: 0, userid: 7, email: 'ann@example.com', auth: 'AUTH-TOKEN' };

describe('signInWithPassword', () => {
  it('signs in with getdigest + passworddigest, never sending the password, and keeps an auth-kind session', async () => {
    const calls = server((c) => jsonResponse(c.url.endsWith('/getdigest') ? { result: 0, digest: 'D1', expires: 'x' } : ME));
    expect(await signInWithPassword({ email: 'Ann@example.com', password: 'hunter2 hunter2', region: 'eu', keep: false })).toEqual({ done: true });
    expect(calls.map((c) => c.url)).toEqual(['https://eapi.pcloud.com/getdigest', 'https://eapi.pcloud.com/userinfo']);
    const form = formOf(calls[1]);
    expect(form.get('getauth')).toBe('1');
    expect(form.get('passworddigest')).toMatch(/^[0-9a-f]{40}$/);
    expect(form.get('device')).toMatch(/^pCloud Web/);
    for (const c of calls) {
      expect(c.url).not.toContain('hunter2');
      expect(String(c.init.body ?? '')).not.toContain('hunter2');
    }
    expect(getSession()).toMatchObject({ token: 'AUTH-TOKEN', kind: 'auth', hostname: 'eapi.pcloud.com', region: 'eu', keep: false, userid: 7 });
    expect(localStorage.getItem('pcloud.session')).toBeNull();
  });

  it('moves to the region a 2321 answer names', async () => {
    const calls = server((c) => {
      if (c.url.endsWith('/getdigest')) return jsonResponse({ result: 0, digest: 'D', expires: 'x' });
      return jsonResponse(c.url.startsWith('https://api.') ? { result: 2321, error: 'x', location: { id: 2, binapi: 'bineapi.pcloud.com' } } : ME);
    });
    await signInWithPassword({ email: 'a@b.c', password: 'pw pw pw', region: 'us', keep: true });
    expect(calls.at(-1)!.url).toBe('https://eapi.pcloud.com/userinfo');
    expect(getSession()).toMatchObject({ region: 'eu', locationid: 2 });
  });

  it('hands back the second step of a 2297 answer, which tfa_login finishes', async () => {
    const calls = server((c) => {
      if (c.url.endsWith('/getdigest')) return jsonResponse({ result: 0, digest: 'D', expires: 'x' });
      if (c.url.endsWith('/userinfo')) return jsonResponse({ result: 2297, error: 'x', token: 'TFA', tfatype: 2, hasdevices: true });
      return jsonResponse(ME);
    });
    const out = await signInWithPassword({ email: 'a@b.c', password: 'pw pw pw', region: 'us', keep: true });
    if (out.done) throw new Error('expected a second step');
    expect(out.second).toMatchObject({ token: 'TFA', tfatype: 2, hasdevices: true, region: 'us' });
    expect(getSession()).toBeNull();
    await finishSecondStep(out.second, ' 123456 ', { recovery: false, trust: true });
    const form = formOf(calls.at(-1)!);
    expect(calls.at(-1)!.url).toBe('https://api.pcloud.com/tfa_login');
    expect(Object.fromEntries(form)).toMatchObject({ token: 'TFA', code: '123456', trustdevice: '1', getauth: '1', deviceid: out.second.deviceid });
    expect(localStorage.getItem('pcloud.deviceid')).toBe(out.second.deviceid);
    expect(getSession()).toMatchObject({ kind: 'auth', keep: true });
  });
});

describe('browserDeviceName', () => {
  it('names browser and system', () => {
    expect(browserDeviceName('Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36')).toBe('pCloud Web · Chrome on Linux');
    expect(browserDeviceName('Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Version/17.0 Mobile/15E148 Safari/604.1')).toBe('pCloud Web · Safari on iOS');
    expect(browserDeviceName('Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0')).toBe('pCloud Web · Firefox on Windows');
  });
});
