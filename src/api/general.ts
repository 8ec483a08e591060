// General methods (docs/pcloud/methods-core.md §1).
import { request, type CallOptions } from './client';
import type { ApiServers, DateInput, DiffEvent, Empty, FileCategory, Metadata, PcloudDate, ServerInfo, UserInfo } from './types';

export interface DigestResult {
  digest: string;
  expires: PcloudDate;
}

export function getDigest(opts?: CallOptions): Promise<DigestResult> {
  return request<DigestResult>('getdigest', {}, opts);
}

export interface UserInfoParams {
  getapiserver?: boolean;
  getregistrationinfo?: boolean;
}

export function userInfo(params: UserInfoParams = {}, opts?: CallOptions): Promise<UserInfo> {
  return request<UserInfo>('userinfo', params, opts);
}

export interface LanguagesResult {
  /** Language code → display name. */
  languages: Record<string, string>;
}

export function supportedLanguages(opts?: CallOptions): Promise<LanguagesResult> {
  return request<LanguagesResult>('supportedlanguages', {}, opts);
}

export async function setLanguage(params: { language: string }, opts?: CallOptions): Promise<void> {
  await request<Empty>('setlanguage', params, opts);
}

export interface FeedbackParams {
  mail: string;
  reason: string;
  message: string;
  name?: string;
}

export async function feedback(params: FeedbackParams, opts?: CallOptions): Promise<void> {
  await request<Empty>('feedback', params, opts);
}

export function currentServer(opts?: CallOptions): Promise<ServerInfo> {
  return request<ServerInfo>('currentserver', {}, opts);
}

export interface DiffParams {
  /** Events after this id; 0 = full history. */
  diffid?: number;
  after?: DateInput;
  /** The newest N events; `last: 0` just returns the current diffid cheaply. */
  last?: number;
  /** Long poll: hold the request until something newer than `diffid` exists. */
  block?: boolean;
  limit?: number;
}

export interface DiffResult {
  diffid: number;
  entries: DiffEvent[];
}

/** A blocking diff waits for up to ~60 s server-side, so its default timeout is 90 s (as rclone). */
export function diff(params: DiffParams = {}, opts: CallOptions = {}): Promise<DiffResult> {
  const timeoutMs = opts.timeoutMs ?? (params.block ? 90_000 : undefined);
  return request<DiffResult>('diff', params, { ...opts, timeoutMs });
}

/** Streams `subscribe` can wait on; the emulator answers `diff` only (docs/pcloud/quirks.md §1). */
export type SubscribeStream = 'diff' | 'notifications' | 'publinks' | 'uploadlinks' | 'teams' | 'users' | 'contacts';

export interface SubscribeParams {
  /** Comma-separated streams, e.g. `diff,notifications`. */
  subscribefor: string;
  diffid?: number;
  difflimit?: number;
  notificationid?: number;
  publinkid?: number;
  uploadlinkid?: number;
}

/** The stream that answered, with that stream's fields (`diff`: `diffid` + `entries`, like diff). */
export interface SubscribeResult extends Partial<DiffResult> {
  from: SubscribeStream;
  notificationid?: number;
  publinkid?: number;
  uploadlinkid?: number;
}

/**
 * Undocumented (pclsync): one long poll for several change streams. Nothing new within the server's
 * wait answers 6003 (6002 when cancelled): subscribe again.
 */
export function subscribe(params: SubscribeParams, opts: CallOptions = {}): Promise<SubscribeResult> {
  return request<SubscribeResult>('subscribe', params, { ...opts, timeoutMs: opts.timeoutMs ?? 90_000 });
}

/** Undocumented (pclsync): does nothing; checks that a connection still answers. */
export async function nop(opts?: CallOptions): Promise<void> {
  await request<Empty>('nop', {}, opts);
}

export function getFileHistory(params: { fileid: number }, opts?: CallOptions): Promise<{ entries: DiffEvent[] }> {
  return request<{ entries: DiffEvent[] }>('getfilehistory', params, opts);
}

export interface IpResult {
  ip: string;
  /** Lowercase ISO-3166 alpha-2, or false when unknown. */
  country: string | false;
}

export function getIp(opts?: CallOptions): Promise<IpResult> {
  return request<IpResult>('getip', {}, opts);
}

export function getApiServer(opts?: CallOptions): Promise<ApiServers> {
  return request<ApiServers>('getapiserver', {}, opts);
}

export interface SearchParams {
  /** Words to find in names, in any order; empty with `category` lists the whole category. */
  query: string;
  category?: FileCategory;
  offset?: number;
  limit?: number;
}

export interface SearchResult {
  /** Matches in all, across pages. */
  total: number;
  /** One page of matches; items carry no `path` (docs/pcloud/methods-core.md §8). */
  items: Metadata[];
}

/** Undocumented, but answers OAuth tokens and is what pCloud's own web app calls (docs/pcloud/methods-core.md §8). */
export function search(params: SearchParams, opts?: CallOptions): Promise<SearchResult> {
  return request<SearchResult>('search', params, opts);
}
