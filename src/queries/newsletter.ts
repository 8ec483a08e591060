// Newsletter subscription state.
import { queryOptions, useMutation } from '@tanstack/react-query';
import {
  newsletterCheck,
  newsletterSubscribe,
  newsletterUnsibscribeMail,
  newsletterUnsubscribe,
  newsletterVerifyEmail,
} from '../api/newsletter';
import { writeMutation } from './mutations';

export const newsletterKeys = {
  all: ['newsletter'] as const,
  status: () => ['newsletter', 'status'] as const,
};

export function newsletterStatusOptions() {
  return queryOptions({
    queryKey: newsletterKeys.status(),
    queryFn: ({ signal }) => newsletterCheck({ signal }),
    staleTime: 5 * 60_000,
  });
}

const invalidatesStatus = () => [newsletterKeys.status()];

export const newsletterSubscribeMutation = writeMutation({
  mutationKey: ['newsletter', 'subscribe'],
  mutationFn: (params: { mail: string }) => newsletterSubscribe(params),
  invalidates: invalidatesStatus,
});
export const useNewsletterSubscribe = () => useMutation(newsletterSubscribeMutation);

export const newsletterVerifyEmailMutation = writeMutation({
  mutationKey: ['newsletter', 'verifyemail'],
  mutationFn: (params: { code: string }) => newsletterVerifyEmail(params),
  invalidates: invalidatesStatus,
});
export const useNewsletterVerifyEmail = () => useMutation(newsletterVerifyEmailMutation);

export const newsletterUnsubscribeMutation = writeMutation({
  mutationKey: ['newsletter', 'unsubscribe'],
  mutationFn: (params: { code: string }) => newsletterUnsubscribe(params),
  invalidates: invalidatesStatus,
});
export const useNewsletterUnsubscribe = () => useMutation(newsletterUnsubscribeMutation);

export const newsletterUnsubscribeMailMutation = writeMutation({
  mutationKey: ['newsletter', 'unsubscribemail'],
  mutationFn: (params: { mail: string }) => newsletterUnsibscribeMail(params),
  invalidates: invalidatesStatus,
});
export const useNewsletterUnsubscribeMail = () => useMutation(newsletterUnsubscribeMailMutation);
