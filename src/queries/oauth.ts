// OAuth. The implicit flow (authorize page + redirect fragment) needs no cache; only the code-flow
// exchange is a call, and its result is a credential: a mutation, never cached.
import { useMutation } from '@tanstack/react-query';
import { oauth2Token, type OAuth2TokenParams } from '../api/oauth';
import { writeMutation } from './mutations';

export const oauthKeys = {
  all: ['oauth'] as const,
};

export interface OAuth2TokenVariables {
  params: OAuth2TokenParams;
  /** The API host the redirect named. */
  apiBase?: string;
}

export const oauth2TokenMutation = writeMutation({
  mutationKey: ['oauth', 'token'],
  mutationFn: ({ params, apiBase }: OAuth2TokenVariables) => oauth2Token(params, { apiBase }),
});
export const useOAuth2Token = () => useMutation(oauth2TokenMutation);
