import { defineMessages } from '../../i18n/core';

export default defineMessages('share', {});
