// Account and sign-in related methods. `login` is not wrapped: the app signs in with OAuth.
import { queryOptions, useMutation } from '@tanstack/react-query';
import {
  changeMail,
  changePassword,
  deactivateUser,
  deleteToken,
  invite,
  listTokens,
  logout,
  lostPassword,
  register,
  resetPassword,
  sendChangeMail,
  sendDeactivateMail,
  sendVerificationEmail,
  userInvites,
  verifyEmail,
  type RegisterParams,
} from '../api/auth';
import { generalKeys } from './general';
import { writeMutation } from './mutations';

export const authKeys = {
  all: ['auth'] as const,
  /** Refused to OAuth tokens (kind 'oauthRefused'). */
  tokens: () => ['auth', 'tokens'] as const,
  invites: () => ['auth', 'invites'] as const,
  inviteLink: () => ['auth', 'invitelink'] as const,
};

export function listTokensOptions() {
  return queryOptions({
    queryKey: authKeys.tokens(),
    queryFn: ({ signal }) => listTokens({ signal }).then((r) => r.tokens),
    staleTime: 30_000,
  });
}

export function userInvitesOptions() {
  return queryOptions({
    queryKey: authKeys.invites(),
    queryFn: ({ signal }) => userInvites({ signal }).then((r) => r.invites),
    staleTime: 60_000,
  });
}

export function inviteLinkOptions() {
  return queryOptions({
    queryKey: authKeys.inviteLink(),
    queryFn: ({ signal }) => invite({ signal }),
    staleTime: 10 * 60_000,
  });
}

export const deleteTokenMutation = writeMutation({
  mutationKey: ['auth', 'deletetoken'],
  mutationFn: (params: { tokenid: number }) => deleteToken(params),
  invalidates: () => [authKeys.tokens()],
});
export const useDeleteToken = () => useMutation(deleteTokenMutation);

/** Server side only; the caller clears the session and the whole cache (`client.clear()`). */
export const logoutMutation = writeMutation({
  mutationKey: ['auth', 'logout'],
  mutationFn: () => logout(),
});
export const useLogout = () => useMutation(logoutMutation);

export const sendVerificationEmailMutation = writeMutation({
  mutationKey: ['auth', 'sendverificationemail'],
  mutationFn: () => sendVerificationEmail(),
});
export const useSendVerificationEmail = () => useMutation(sendVerificationEmailMutation);

export const verifyEmailMutation = writeMutation({
  mutationKey: ['auth', 'verifyemail'],
  mutationFn: (params: { code: string }) => verifyEmail(params),
  invalidates: () => [generalKeys.userInfo()],
});
export const useVerifyEmail = () => useMutation(verifyEmailMutation);

export const changePasswordMutation = writeMutation({
  mutationKey: ['auth', 'changepassword'],
  mutationFn: (params: { oldpassword: string; newpassword: string }) => changePassword(params),
  // other sessions' tokens may be revoked
  invalidates: () => [authKeys.tokens()],
});
export const useChangePassword = () => useMutation(changePasswordMutation);

export const lostPasswordMutation = writeMutation({
  mutationKey: ['auth', 'lostpassword'],
  mutationFn: (params: { mail: string }) => lostPassword(params),
});
export const useLostPassword = () => useMutation(lostPasswordMutation);

export const resetPasswordMutation = writeMutation({
  mutationKey: ['auth', 'resetpassword'],
  mutationFn: (params: { code: string; newpassword: string }) => resetPassword(params),
});
export const useResetPassword = () => useMutation(resetPasswordMutation);

export const registerMutation = writeMutation({
  mutationKey: ['auth', 'register'],
  mutationFn: (params: RegisterParams) => register(params),
});
export const useRegister = () => useMutation(registerMutation);

export const sendChangeMailMutation = writeMutation({
  mutationKey: ['auth', 'sendchangemail'],
  mutationFn: (params: { newmail?: string; code?: string }) => sendChangeMail(params),
});
export const useSendChangeMail = () => useMutation(sendChangeMailMutation);

export const changeMailMutation = writeMutation({
  mutationKey: ['auth', 'changemail'],
  mutationFn: (params: { password: string; code: string }) => changeMail(params),
  invalidates: () => [generalKeys.userInfo()],
});
export const useChangeMail = () => useMutation(changeMailMutation);

export const sendDeactivateMailMutation = writeMutation({
  mutationKey: ['auth', 'senddeactivatemail'],
  mutationFn: () => sendDeactivateMail(),
});
export const useSendDeactivateMail = () => useMutation(sendDeactivateMailMutation);

export const deactivateUserMutation = writeMutation({
  mutationKey: ['auth', 'deactivate'],
  mutationFn: (params: { password: string; code: string }) => deactivateUser(params),
});
export const useDeactivateUser = () => useMutation(deactivateUserMutation);
