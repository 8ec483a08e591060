import { defineMessages } from '../../i18n/core';

// The welcome page: signing in with pCloud, and what went wrong when it did not work.
export default defineMessages('auth', {
  intro: 'A fast home for your pCloud files. Sign in with pCloud — your password never reaches this app.',
  accessDenied: 'Access was not granted.',
  refused: 'pCloud refused the sign-in ({error}).',
  otherTab: 'This sign-in was not started from this tab. Please sign in again.',
  stateMismatch: 'The sign-in reply did not match the request (state mismatch). Please sign in again.',
  noServer: 'The sign-in reply did not say which pCloud server to use.',
  noRegion: 'No sign-in region is configured. Set VITE_PCLOUD_CLIENT_ID (see README) or run the local server with npm start.',
  whereAccount: 'Where is your account?',
  regionLocal: 'Local server',
  regionLocalDetail: 'The pCloud emulator at {host}',
  regionUs: 'pCloud US',
  regionUsDetail: 'Accounts stored in the United States',
  regionEu: 'pCloud EU',
  regionEuDetail: 'Accounts stored in Europe (Luxembourg)',
  keepSignedIn: 'Keep me signed in',
  signIn: 'Sign in with pCloud',
});
