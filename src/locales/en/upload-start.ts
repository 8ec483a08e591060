import { defineMessages } from '../../i18n/core';

// What the browse page needs to start an upload (Upload menu, file pickers, drop overlay). Kept apart
// from `upload` (queue, runner, dialogs) so that the first route does not carry the rest.
export default defineMessages('uploadStart', {
  chooseFiles: 'Choose files to upload',
  chooseFolder: 'Choose a folder to upload',
  upload: 'Upload',
  dropTo: 'Drop to upload to {folder}',
  uploadFiles: 'Upload files…',
  uploadFolder: 'Upload a folder…',
  uploadLink: 'Upload from a link…',
});
