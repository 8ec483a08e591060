import { defineMessages } from '../../i18n/core';

// Shared building blocks (src/ui): the notification area.
export default defineMessages('ui', {
  notifications: 'Notifications',
  dismiss: 'Dismiss notification',
});
