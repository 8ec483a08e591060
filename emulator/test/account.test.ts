// Account flows driven by mailed codes (docs/pcloud/methods-media.md §6): register, verifyemail, passwords,
// e-mail change, deactivation. Codes are read from <dataDir>/outbox.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer, type TestUser } from '../testing';

let srv: TestServer;

beforeAll(async () => {
  srv = await TestServer.start();
});
afterAll(() => srv.close());

const login = (username: string, password: string) => srv.call('userinfo', { username, password });

describe('password rules', () => {
  const cases: [string, number][] = [
    ['abc12', 2032],
    [' abcdef', 2033],
    ['abcdef ', 2033],
    ['aaabbb', 2034],
    ['abcdef', 2035],
    ['123456', 2035],
    ['987654', 2035],
    ['qwerty', 2035],
    ['poiuyt', 2035],
  ];

  it.each(cases)('register refuses %j with %i', async (password, code) => {
    const r = await srv.call('register', { termsaccepted: 'yes', mail: `rules-${code}@example.com`, password });
    expect(r.result).toBe(code);
  });

  it('changepassword and resetpassword apply the same rules', async () => {
    const u = await srv.user({ password: 'first pass 1' });
    expect((await u.call('changepassword', { oldpassword: u.password, newpassword: 'abc' })).result).toBe(2032);
    expect((await u.call('changepassword', { oldpassword: u.password, newpassword: 'qwerty' })).result).toBe(2035);
    await srv.call('lostpassword', { mail: u.email });
    const code = await srv.lastCode(u.email);
    expect((await srv.call('resetpassword', { code, newpassword: 'zzzzzz' })).result).toBe(2034);
  });
});

describe('register and verifyemail', () => {
  it('registers an unverified account, mails a code, and verifies it', async () => {
    const mail = 'newbie@example.com';
    expect((await srv.call('register', { termsaccepted: 'yes', mail, password: 'good password 9', language: 'de' })).result).toBe(0);
    const me = await login(mail, 'good password 9');
    expect(me).toMatchObject({ result: 0, email: mail, emailverified: false, language: 'de' });
    const code = await srv.lastCode(mail);
    expect(await srv.call('verifyemail', { code })).toMatchObject({ result: 0, email: mail, userid: me.userid });
    expect((await login(mail, 'good password 9')).emailverified).toBe(true);
    expect((await srv.call('verifyemail', { code })).result).toBe(2012);
  });

  it('answers bad registrations', async () => {
    expect((await srv.call('register', { termsaccepted: 'yes', password: 'good password 9' })).result).toBe(1033);
    expect((await srv.call('register', { termsaccepted: 'yes', mail: 'x@example.com' })).result).toBe(1034);
    expect((await srv.call('register', { mail: 'x@example.com', password: 'good password 9' })).result).toBe(2037);
    expect((await srv.call('register', { termsaccepted: 'yes', mail: 'not-a-mail', password: 'good password 9' })).result).toBe(2018);
    const u = await srv.user();
    expect((await srv.call('register', { termsaccepted: 'yes', mail: u.email, password: 'good password 9' })).result).toBe(2038);
  });

  it('sendverificationemail mails a fresh code, and refuses verified accounts', async () => {
    const fresh = await srv.user({ verified: false });
    expect((await fresh.call('sendverificationemail')).result).toBe(0);
    const code = await srv.lastCode(fresh.email);
    expect((await srv.call('verifyemail', { code })).result).toBe(0);
    expect((await fresh.call('sendverificationemail')).result).toBe(2013);
    expect((await srv.call('verifyemail')).result).toBe(1022);
  });

  it('counts registrations with a referer as invites', async () => {
    const host = await srv.user();
    expect((await host.call('invite')).url).toContain(String(host.id));
    await srv.call('register', { termsaccepted: 'yes', mail: 'friend@example.com', password: 'friendly pw 5', referer: host.id });
    const r = await host.call('userinvites');
    expect(r.invites).toEqual([{ email: 'f**@example.com', is_pending: true }]);
  });
});

describe('passwords', () => {
  it('changepassword needs the old password and a different new one', async () => {
    const u = await srv.user({ password: 'old password 1' });
    expect((await u.call('changepassword', { newpassword: 'x' })).result).toBe(1031);
    expect((await u.call('changepassword', { oldpassword: 'old password 1' })).result).toBe(1032);
    expect((await u.call('changepassword', { oldpassword: 'wrong one 2', newpassword: 'new password 2' })).result).toBe(2031);
    expect((await u.call('changepassword', { oldpassword: 'old password 1', newpassword: 'old password 1' })).result).toBe(2030);
    expect((await u.call('changepassword', { oldpassword: 'old password 1', newpassword: 'new password 2' })).result).toBe(0);
    expect((await login(u.email, 'old password 1')).result).toBe(2000);
    expect((await login(u.email, 'new password 2')).result).toBe(0);
  });

  it('lostpassword mails a code that resetpassword takes once; unknown mails answer 0 too', async () => {
    const u = await srv.user({ password: 'forgotten 123' });
    expect((await srv.call('lostpassword')).result).toBe(1033);
    expect((await srv.call('lostpassword', { mail: 'nobody@example.com' })).result).toBe(0);
    expect((await srv.mails('nobody@example.com'))).toEqual([]);
    expect((await srv.call('lostpassword', { mail: u.email })).result).toBe(0);
    const code = await srv.lastCode(u.email);
    expect((await srv.call('resetpassword', { newpassword: 'remembered 456' })).result).toBe(1022);
    expect((await srv.call('resetpassword', { code })).result).toBe(1032);
    expect((await srv.call('resetpassword', { code: 'bad', newpassword: 'remembered 456' })).result).toBe(2012);
    expect((await srv.call('resetpassword', { code, newpassword: 'remembered 456' })).result).toBe(0);
    expect((await login(u.email, 'remembered 456')).result).toBe(0);
    expect((await srv.call('resetpassword', { code, newpassword: 'another one 789' })).result).toBe(2012);
  });

  it('refuses an expired reset code with 2036', async () => {
    const u = await srv.user();
    await srv.call('lostpassword', { mail: u.email });
    const code = await srv.lastCode(u.email);
    srv.emu.st.db.prepare('UPDATE codes SET expires = 0 WHERE code = ?').run(code); // an hour later
    expect(await srv.call('resetpassword', { code, newpassword: 'too late 123' })).toEqual({
      result: 2036, error: 'Verification \'code\' expired. Please request password reset again.',
    });
  });
});

describe('changing the e-mail address', () => {
  it('runs the two-step flow: code to the old address, code to the new one, then changemail', async () => {
    const u = await srv.user({ password: 'mail changer 1' });
    expect((await u.call('sendchangemail')).result).toBe(0);
    const first = await srv.lastCode(u.email);
    expect((await u.call('sendchangemail', { newmail: u.email, code: first })).result).toBe(2271);
    await u.call('sendchangemail');
    const again = await srv.lastCode(u.email);
    expect((await u.call('sendchangemail', { newmail: 'moved@example.com', code: again })).result).toBe(0);
    const second = await srv.lastCode('moved@example.com');
    expect((await u.call('changemail', { code: second })).result).toBe(1034);
    expect((await u.call('changemail', { password: 'mail changer 1' })).result).toBe(1022);
    expect((await u.call('changemail', { code: second, password: 'wrong pw 99' })).result).toBe(2272);
    expect((await u.call('changemail', { code: 'nope', password: 'mail changer 1' })).result).toBe(2012);
    expect((await u.call('changemail', { code: second, password: 'mail changer 1' })).result).toBe(0);
    expect((await u.call('userinfo')).email).toBe('moved@example.com');
    expect((await login('moved@example.com', 'mail changer 1')).result).toBe(0);
  });

  it('refuses an address that belongs to someone else', async () => {
    const u = await srv.user();
    const other: TestUser = await srv.user();
    await u.call('sendchangemail');
    const code = await srv.lastCode(u.email);
    expect((await u.call('sendchangemail', { newmail: other.email, code })).result).toBe(2038);
  });
});

describe('deactivation', () => {
  it('deactivates with the mailed code and the password; the account can no longer log in', async () => {
    const u = await srv.user({ password: 'leaving now 1' });
    const auth = u.authToken();
    expect((await u.call('senddeactivatemail')).result).toBe(0);
    const code = await srv.lastCode(u.email);
    expect((await u.call('deactivateuser', { code, password: 'wrong pw 22' })).result).toBe(2272);
    expect((await u.call('deactivateuser', { password: 'leaving now 1' })).result).toBe(1022);
    expect((await u.call('deactivateuser', { code: 'bad', password: 'leaving now 1' })).result).toBe(2012);
    expect((await u.call('deactivateuser', { code, password: 'leaving now 1' })).result).toBe(0);
    expect((await login(u.email, 'leaving now 1')).result).toBe(2000);
    expect((await srv.call('userinfo', { auth })).result).toBe(2000);
    expect((await u.call('userinfo')).result).not.toBe(0);
  });
});
