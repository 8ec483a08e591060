import type { Translation } from '../../i18n/core';
import type en from '../en/archive';

export default {} satisfies Translation<typeof en.messages>;
