import type { Translation } from '../../i18n/core';
import type en from '../en/auth';

export default {
  intro: 'Ein schnelles Zuhause für Ihre pCloud-Dateien. Melden Sie sich mit pCloud an – Ihr Passwort erreicht diese App nie.',
  accessDenied: 'Der Zugriff wurde nicht gewährt.',
  refused: 'pCloud hat die Anmeldung abgelehnt ({error}).',
  otherTab: 'Diese Anmeldung wurde nicht in diesem Tab gestartet. Bitte melden Sie sich erneut an.',
  stateMismatch: 'Die Antwort auf die Anmeldung passte nicht zur Anfrage (state mismatch). Bitte melden Sie sich erneut an.',
  noServer: 'Die Antwort auf die Anmeldung hat nicht angegeben, welcher pCloud-Server zu verwenden ist.',
  noRegion: 'Es ist keine Anmelderegion eingerichtet. Setzen Sie VITE_PCLOUD_CLIENT_ID (siehe README) oder starten Sie den lokalen Server mit npm start.',
  whereAccount: 'Wo liegt Ihr Konto?',
  regionLocal: 'Lokaler Server',
  regionLocalDetail: 'Der pCloud-Emulator unter {host}',
  regionUs: 'pCloud US',
  regionUsDetail: 'Konten, die in den USA gespeichert sind',
  regionEu: 'pCloud EU',
  regionEuDetail: 'Konten, die in Europa (Luxemburg) gespeichert sind',
  keepSignedIn: 'Angemeldet bleiben',
  signIn: 'Mit pCloud anmelden',
} satisfies Translation<typeof en.messages>;
