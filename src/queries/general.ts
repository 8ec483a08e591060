// General methods: account info, languages, servers, file history. `diff` drives live-updates.ts;
// `getdigest` is single-use login material, never cached.
import { queryOptions, useMutation } from '@tanstack/react-query';
import {
  currentServer,
  feedback,
  getApiServer,
  getFileHistory,
  getIp,
  setLanguage,
  supportedLanguages,
  userInfo,
  type FeedbackParams,
} from '../api/general';
import { fileKeys } from './keys';
import { writeMutation } from './mutations';

export const generalKeys = {
  all: ['general'] as const,
  userInfo: () => ['general', 'userinfo'] as const,
  languages: () => ['general', 'languages'] as const,
  currentServer: () => ['general', 'currentserver'] as const,
  ip: () => ['general', 'ip'] as const,
  apiServer: () => ['general', 'apiserver'] as const,
  /** Under the file, so a file event invalidates it with the rest of the file. */
  fileHistory: (fileid: number) => [...fileKeys.detail(fileid), 'history'] as const,
};

export function userInfoOptions() {
  return queryOptions({
    queryKey: generalKeys.userInfo(),
    queryFn: ({ signal }) => userInfo({}, { signal }),
    // `modifyuserinfo` events invalidate it; quota also moves with uploads, so not Infinity.
    staleTime: 60_000,
  });
}

export function supportedLanguagesOptions() {
  return queryOptions({
    queryKey: generalKeys.languages(),
    queryFn: ({ signal }) => supportedLanguages({ signal }).then((r) => r.languages),
    staleTime: Infinity,
  });
}

export function currentServerOptions() {
  return queryOptions({
    queryKey: generalKeys.currentServer(),
    queryFn: ({ signal }) => currentServer({ signal }),
    staleTime: 10 * 60_000,
  });
}

export function ipOptions() {
  return queryOptions({
    queryKey: generalKeys.ip(),
    queryFn: ({ signal }) => getIp({ signal }),
    staleTime: 10 * 60_000,
  });
}

export function apiServerOptions() {
  return queryOptions({
    queryKey: generalKeys.apiServer(),
    queryFn: ({ signal }) => getApiServer({ signal }),
    staleTime: 60 * 60_000,
  });
}

export function fileHistoryOptions(fileid: number) {
  return queryOptions({
    queryKey: generalKeys.fileHistory(fileid),
    queryFn: ({ signal }) => getFileHistory({ fileid }, { signal }).then((r) => r.entries),
    staleTime: 60_000,
  });
}

export const setLanguageMutation = writeMutation({
  mutationKey: ['general', 'setlanguage'],
  mutationFn: (params: { language: string }) => setLanguage(params),
  invalidates: () => [generalKeys.userInfo()],
});
export const useSetLanguage = () => useMutation(setLanguageMutation);

export const feedbackMutation = writeMutation({
  mutationKey: ['general', 'feedback'],
  mutationFn: (params: FeedbackParams) => feedback(params),
});
export const useFeedback = () => useMutation(feedbackMutation);
