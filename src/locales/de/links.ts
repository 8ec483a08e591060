import type { Translation } from '../../i18n/core';
import type en from '../en/links';

export default {} satisfies Translation<typeof en.messages>;
