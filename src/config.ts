// Configuration is read once here: VITE_* variables at build time, plus the <meta> tag that the
// emulator's app server injects to say where the local pCloud server runs.

export type RegionId = 'us' | 'eu' | 'local';

/** A place to sign in. Its name and description are worded by the welcome page, by `id`. */
export interface Region {
  id: RegionId;
  authorizeUrl: string;
  clientId: string;
}

const env = import.meta.env;

function localApiUrl(): string | null {
  const fromEnv = env.VITE_LOCAL_API_URL as string | undefined;
  if (fromEnv) return fromEnv.replace(/\/+$/, '');
  if (typeof document === 'undefined') return null;
  const meta = document.querySelector<HTMLMetaElement>('meta[name="pcloud-local-api"]');
  return meta?.content ? meta.content.replace(/\/+$/, '') : null;
}

/** Client id of the web app registered in the emulator (emulator/methods/oauth.ts BUNDLED_APP). */
export const LOCAL_CLIENT_ID = 'pcloud-web-local';

const pcloudClientId = (env.VITE_PCLOUD_CLIENT_ID as string | undefined) ?? '';
const local = localApiUrl();

export const config = {
  /** Where pCloud sends the browser back after sign-in; defaults to this app's origin. */
  redirectUri: (env.VITE_REDIRECT_URI as string | undefined) ?? (typeof location !== 'undefined' ? `${location.origin}/` : '/'),
  localApiUrl: local,
  regions: [
    ...(local
      ? [{ id: 'local', authorizeUrl: `${local}/oauth2/authorize`, clientId: LOCAL_CLIENT_ID } as Region]
      : []),
    ...(pcloudClientId
      ? ([
          { id: 'us', authorizeUrl: 'https://my.pcloud.com/oauth2/authorize', clientId: pcloudClientId },
          { id: 'eu', authorizeUrl: 'https://e.pcloud.com/oauth2/authorize', clientId: pcloudClientId },
        ] as Region[])
      : []),
  ],
};

/** The API base for the `hostname` pCloud's redirect named: the local server keeps its own scheme. */
export function apiBaseFor(hostname: string): string {
  if (config.localApiUrl && new URL(config.localApiUrl).host === hostname) return new URL(config.localApiUrl).origin;
  return `https://${hostname}`;
}
