import type { Translation } from '../../i18n/core';
import type en from '../en/browse';

export default {} satisfies Translation<typeof en.messages>;
