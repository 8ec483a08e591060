import { errorMessage } from '../../i18n/error-message';

/** What to tell the user about a failed call, in the app's language (src/i18n/error-message.ts). */
export const humanError = (err: unknown): string => errorMessage(err);
