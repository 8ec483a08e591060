import type { Translation } from '../../i18n/core';
import type en from '../en/upload';

export default {} satisfies Translation<typeof en.messages>;
