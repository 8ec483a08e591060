import type { Translation } from '../../i18n/core';
import type en from '../en/auth';

export default {} satisfies Translation<typeof en.messages>;
