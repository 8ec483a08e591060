import type { Translation } from '../../i18n/core';
import type en from '../en/ui';

export default {} satisfies Translation<typeof en.messages>;
