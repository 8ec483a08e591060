import type { Translation } from '../../i18n/core';
import type en from '../en/upload-start';

export default {
  chooseFiles: 'Dateien zum Hochladen auswählen',
  chooseFolder: 'Ordner zum Hochladen auswählen',
  upload: 'Hochladen',
  dropTo: 'Loslassen, um in {folder} hochzuladen',
  uploadFiles: 'Dateien hochladen…',
  uploadFolder: 'Ordner hochladen…',
  uploadLink: 'Über einen Link hochladen…',
} satisfies Translation<typeof en.messages>;
