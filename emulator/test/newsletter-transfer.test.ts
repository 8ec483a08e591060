// Newsletter (docs/pcloud/methods-misc.md §4) and Transfer (docs/pcloud/methods-media.md §5): codes and links go to the outbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type TestUser } from '../testing';
import { TRANSFER_LIMITS } from '../methods/transfer';

let srv: TestServer;
let alice: TestUser;

beforeAll(async () => {
  srv = await TestServer.start();
  alice = await srv.user();
});
afterAll(() => srv.close());

describe('newsletter', () => {
  it('subscribes, mails a verification code, verifies, and reports via newsletter_check', async () => {
    expect((await alice.call('newsletter_check')).result).toBe(0);
    expect(await alice.call('newsletter_check')).toMatchObject({ subscribed: false, verified: false });
    const anon = await srv.call('newsletter_subscribe', { mail: 'reader@example.com' });
    expect(anon).toEqual({ result: 0, verifymail: true });
    const first = await srv.lastCode('reader@example.com');
    await srv.call('newsletter_subscribe', { mail: 'reader@example.com' });
    const second = await srv.lastCode('reader@example.com');
    expect(await srv.call('newsletter_verifyemail', { code: first })).toEqual({ result: 0, email: 'reader@example.com' });
    expect((await srv.call('newsletter_verifyemail', { code: second })).result).toBe(2013);
    expect((await srv.call('newsletter_verifyemail', { code: 'deadbeef' })).result).toBe(2012);
    expect((await srv.call('newsletter_verifyemail', {})).result).toBe(1022);
    // an already verified address needs no mail
    expect((await srv.call('newsletter_subscribe', { mail: 'reader@example.com' })).verifymail).toBe(false);
    // a verified account's own address is verified at once
    expect((await srv.call('newsletter_subscribe', { mail: alice.email })).verifymail).toBe(false);
    expect(await alice.call('newsletter_check')).toMatchObject({ result: 0, subscribed: true, verified: true });
  });

  it('answers 1033 / 2018 for the mail parameter', async () => {
    expect((await srv.call('newsletter_subscribe', {})).result).toBe(1033);
    expect((await srv.call('newsletter_subscribe', { mail: 'not-a-mail' })).result).toBe(2018);
    expect((await srv.call('newsletter_unsibscribemail', {})).result).toBe(1033);
    expect((await srv.call('newsletter_unsubscribemail', { mail: 'x@' })).result).toBe(2018);
  });

  it('unsubscribes with a mailed code (both spellings), always 0 for unknown addresses', async () => {
    expect(await srv.call('newsletter_unsibscribemail', { mail: 'reader@example.com' })).toEqual({ result: 0 });
    const code = await srv.lastCode('reader@example.com');
    expect(await srv.call('newsletter_unsubscribe', { code })).toEqual({ result: 0 });
    expect((await srv.call('newsletter_unsubscribe', { code })).result).toBe(2012);
    expect((await srv.call('newsletter_unsubscribe', {})).result).toBe(1022);
    expect(await srv.call('newsletter_unsubscribemail', { mail: 'nobody@example.com' })).toEqual({ result: 0 });
    expect(await srv.call('newsletter_unsubscribe', { code: await srv.lastCode('nobody@example.com') })).toEqual({ result: 0 });
    await alice.call('newsletter_unsibscribemail', { mail: alice.email });
    await srv.call('newsletter_unsubscribe', { code: await srv.lastCode(alice.email) });
    expect(await alice.call('newsletter_check')).toMatchObject({ subscribed: false });
  });
});

describe('uploadtransfer', () => {
  const base = { sendermail: 'sender@example.com', receivermails: 'r1@example.com, r2@example.com', message: 'Hi there' };

  it('stores the files and mails working download links to each receiver', async () => {
    const r = await srv.call('uploadtransfer', { ...base, progresshash: 'tr1' }, {
      parts: [{ filename: 'report.txt', data: 'the report' }, { filename: 'фото ✓.bin', data: Buffer.from([1, 2, 3]) }],
    });
    expect(r).toEqual({ result: 0 });
    const mails = await srv.mails('r2@example.com');
    expect(mails).toHaveLength(1);
    expect(mails[0].body).toContain('Hi there');
    const urls = [...mails[0].body.matchAll(/(http:\/\/\S+)/g)].map((m) => new URL(m[1]));
    expect(urls).toHaveLength(2);
    const got = await srv.send('', {}, { path: urls[0].pathname });
    expect(got.text).toBe('the report');
    const second = await srv.send('', {}, { path: urls[1].pathname });
    expect([...second.body]).toEqual([1, 2, 3]);
    expect(second.headers['content-disposition']).toContain(encodeURIComponent('фото ✓.bin'));
    expect(await srv.mails('sender@example.com')).toHaveLength(1);
    const p = await srv.call('uploadtransferprogress', { progresshash: 'tr1' });
    expect(p).toMatchObject({ result: 0, finished: true, filenumber: 2 });
    expect(p.files.map((f: { name: string }) => f.name)).toEqual(['report.txt', 'фото ✓.bin']);
    expect((await srv.call('uploadtransferprogress', { progresshash: 'nope' })).result).toBe(1900);
  });

  it('answers 1074, 1075, 2099, 2088 and 2097', async () => {
    const part = [{ filename: 'a.txt', data: 'a' }];
    expect((await srv.call('uploadtransfer', { ...base, sendermail: 'bad' }, { parts: part })).result).toBe(1074);
    expect((await srv.call('uploadtransfer', { ...base, receivermails: '' }, { parts: part })).result).toBe(1075);
    expect((await srv.call('uploadtransfer', { ...base, receivermails: 'ok@example.com,bad' }, { parts: part })).result).toBe(1075);
    const many = Array.from({ length: 21 }, (_, i) => `r${i}@example.com`).join(',');
    expect((await srv.call('uploadtransfer', { ...base, receivermails: many }, { parts: part })).result).toBe(2099);
    expect((await srv.call('uploadtransfer', base, { via: 'multipart', parts: [] })).result).toBe(2088);
    expect((await srv.call('uploadtransfer', base)).result).toBe(2088);
    const put = await srv.call('uploadtransfer', { ...base, receivermails: 'put@example.com', filename: 'raw.txt' }, { verb: 'PUT', body: 'raw' });
    expect(put.result).toBe(0);
    expect((await srv.mails('put@example.com'))[0].body).toContain('raw.txt (3 B)');
    const saved = TRANSFER_LIMITS.maxBytes;
    TRANSFER_LIMITS.maxBytes = 10;
    try {
      const r = await srv.call('uploadtransfer', { ...base, receivermails: 'big@example.com' }, { parts: [{ filename: 'big.bin', data: Buffer.alloc(100) }] });
      expect(r.result).toBe(2097);
    } finally {
      TRANSFER_LIMITS.maxBytes = saved;
    }
    expect(await srv.mails('big@example.com')).toEqual([]);
  });
});
