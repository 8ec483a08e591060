import type { Translation } from '../../i18n/core';
import type en from '../en/ui';

export default {
  notifications: 'Benachrichtigungen',
  dismiss: 'Benachrichtigung schließen',
} satisfies Translation<typeof en.messages>;
