// Account/auth methods (docs/pcloud/methods-media.md §6) plus the undocumented `login`.
import { request, type CallOptions } from './client';
import type { AuthToken, Empty, UserInfo, UserInvite } from './types';

export async function sendVerificationEmail(opts?: CallOptions): Promise<void> {
  await request<Empty>('sendverificationemail', {}, opts);
}

/** The code may belong to another user than the caller, hence the returned identity. */
export function verifyEmail(params: { code: string }, opts?: CallOptions): Promise<{ email: string; userid: number }> {
  return request<{ email: string; userid: number }>('verifyemail', params, opts);
}

export async function changePassword(
  params: { oldpassword: string; newpassword: string },
  opts?: CallOptions,
): Promise<void> {
  await request<Empty>('changepassword', params, opts);
}

/** Always succeeds, even for unknown addresses. */
export async function lostPassword(params: { mail: string }, opts?: CallOptions): Promise<void> {
  await request<Empty>('lostpassword', params, opts);
}

export async function resetPassword(params: { code: string; newpassword: string }, opts?: CallOptions): Promise<void> {
  await request<Empty>('resetpassword', params, opts);
}

export interface RegisterParams {
  mail: string;
  password: string;
  /** Must be exactly "yes". */
  termsaccepted: 'yes';
  language?: string;
  /** Referring userid. */
  referer?: number;
}

export async function register(params: RegisterParams, opts?: CallOptions): Promise<void> {
  await request<Empty>('register', params, opts);
}

export function invite(opts?: CallOptions): Promise<{ url: string; spacelimitreached: boolean }> {
  return request<{ url: string; spacelimitreached: boolean }>('invite', {}, opts);
}

export function userInvites(opts?: CallOptions): Promise<{ invites: UserInvite[] }> {
  return request<{ invites: UserInvite[] }>('userinvites', {}, opts);
}

export function logout(opts?: CallOptions): Promise<{ auth_deleted?: boolean }> {
  return request<{ auth_deleted?: boolean }>('logout', {}, opts);
}

/** Refuses OAuth tokens (1000; see isOAuthRefusal). */
export function listTokens(opts?: CallOptions): Promise<{ tokens: AuthToken[] }> {
  return request<{ tokens: AuthToken[] }>('listtokens', {}, opts);
}

export async function deleteToken(params: { tokenid: number }, opts?: CallOptions): Promise<void> {
  await request<Empty>('deletetoken', params, opts);
}

/** Step 1 without params (mail to the current address); step 2 with `newmail` + `code`. */
export async function sendChangeMail(params: { newmail?: string; code?: string } = {}, opts?: CallOptions): Promise<void> {
  await request<Empty>('sendchangemail', params, opts);
}

export async function changeMail(params: { password: string; code: string }, opts?: CallOptions): Promise<void> {
  await request<Empty>('changemail', params, opts);
}

export async function sendDeactivateMail(opts?: CallOptions): Promise<void> {
  await request<Empty>('senddeactivatemail', {}, opts);
}

export async function deactivateUser(params: { password: string; code: string }, opts?: CallOptions): Promise<void> {
  await request<Empty>('deactivateuser', params, opts);
}

/** What a credential login (`userinfo` or `login` with `getauth`) sends besides the credentials. */
export interface LoginDevice {
  getauth?: boolean;
  /** Label `listtokens` shows for the issued token. */
  device?: string;
  /** A stable random id of this browser: what "trust this device" remembers. */
  deviceid?: string;
  authexpire?: number;
  authinactiveexpire?: number;
}

export type LoginParams = { username: string } & LoginDevice & ({ password: string } | { digest: string; passworddigest: string });

/** A login's reply with `getauth`: the account plus the new `auth` token. */
export type LoginReply = UserInfo & { auth?: string };

/**
 * Undocumented explicit login (pclsync, seborama; docs/pcloud/methods-core.md §7). `userinfo` takes
 * the same parameters and is what the app calls.
 */
export function login(params: LoginParams, opts?: CallOptions): Promise<LoginReply> {
  return request<LoginReply>('login', params, opts);
}

/** The second step after a 2297 answer: its `token` and the code from the authenticator, SMS or notification. */
export interface TfaLoginParams extends LoginDevice {
  token: string;
  code: string;
  trustdevice?: boolean;
}

/** Undocumented (docs/pcloud/methods-core.md §7.3): 2064 = the token expired, 2092 = wrong code. */
export function tfaLogin(params: TfaLoginParams, opts?: CallOptions): Promise<LoginReply> {
  return request<LoginReply>('tfa_login', params, opts);
}

/** Like tfaLogin with a recovery code; each code works once. */
export function tfaLoginWithRecoveryCode(params: TfaLoginParams, opts?: CallOptions): Promise<LoginReply> {
  return request<LoginReply>('tfa_loginwithrecoverycode', params, opts);
}

/** Texts a code to the account's phone; `phonedata` says (masked) where it went. */
export function tfaSendCodeViaSms(params: { token: string }, opts?: CallOptions): Promise<{ phonedata?: { countrycode?: string; msisdn?: string } }> {
  return request<{ phonedata?: { countrycode?: string; msisdn?: string } }>('tfa_sendcodeviasms', params, opts);
}

/** Shows a code in the account's other signed-in pCloud apps, which `devices` names. */
export function tfaSendCodeViaSysNotification(params: { token: string }, opts?: CallOptions): Promise<{ devices?: { name: string; type: number }[] }> {
  return request<{ devices?: { name: string; type: number }[] }>('tfa_sendcodeviasysnotification', params, opts);
}

/**
 * `userinfo` as the documented place to sign in (docs/pcloud/protocol.md §5): credentials plus
 * `getauth` give the account and a new `auth` token.
 */
export function userInfoWithCredentials(params: LoginParams, opts?: CallOptions): Promise<LoginReply> {
  return request<LoginReply>('userinfo', params, opts);
}
