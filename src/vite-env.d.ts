/// <reference types="vite/client" />

interface ImportMetaEnv {
  readonly VITE_PCLOUD_CLIENT_ID?: string;
  readonly VITE_REDIRECT_URI?: string;
  readonly VITE_LOCAL_API_URL?: string;
}
