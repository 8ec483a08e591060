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

export type LoginParams = {
  username: string;
  getauth?: boolean;
  device?: string;
  authexpire?: number;
  authinactiveexpire?: number;
} & ({ password: string } | { digest: string; passworddigest: string });

/**
 * Undocumented explicit login (observed in clients, unverified). Password login may no longer be
 * offered by pCloud (docs/pcloud/methods-misc.md §5); the app signs in with OAuth.
 */
export function login(params: LoginParams, opts?: CallOptions): Promise<UserInfo> {
  return request<UserInfo>('login', params, opts);
}
