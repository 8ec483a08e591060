// Newsletter (docs/pcloud/methods-misc.md §4).
import { request, type CallOptions } from './client';
import type { Empty } from './types';

export function newsletterSubscribe(params: { mail: string }, opts?: CallOptions): Promise<{ verifymail: boolean }> {
  return request<{ verifymail: boolean }>('newsletter_subscribe', params, opts);
}

export function newsletterCheck(opts?: CallOptions): Promise<{ subscribed: boolean; verified: boolean }> {
  return request<{ subscribed: boolean; verified: boolean }>('newsletter_check', {}, opts);
}

export function newsletterVerifyEmail(params: { code: string }, opts?: CallOptions): Promise<{ email: string }> {
  return request<{ email: string }>('newsletter_verifyemail', params, opts);
}

export async function newsletterUnsubscribe(params: { code: string }, opts?: CallOptions): Promise<void> {
  await request<Empty>('newsletter_unsubscribe', params, opts);
}

/** The method name is misspelled on pCloud's side ("unsibscribe"); kept as the server knows it. */
export async function newsletterUnsibscribeMail(params: { mail: string }, opts?: CallOptions): Promise<void> {
  await request<Empty>('newsletter_unsibscribemail', params, opts);
}
