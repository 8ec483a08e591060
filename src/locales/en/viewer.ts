import { defineMessages } from '../../i18n/core';

// The full-screen file viewer (src/previewers/viewer.tsx), the previewers it shares with public links
// (src/previewers), a file's earlier versions
// (src/features/revisions: the Versions dialog and the list in the details panel).
export default defineMessages('viewer', {
  facts: '{size} · modified {date}',
  dimensions: '{width} × {height}',
  position: '{index} of {total}',
  versionsHint: 'Earlier versions of this file',
  versions: 'Versions',
  closeViewer: 'Close viewer',
  previous: 'Previous image',
  next: 'Next image',
  loadingImage: 'Loading image',
  fitToScreen: 'Fit to screen',
  zoomIn: 'Zoom to 100%',
  tooLarge: 'This file is too large to preview ({size}). Download it instead.',
  loadingText: 'Loading text',
  startingPlayer: 'Starting the player',
  imageBroken: 'This image could not be shown.',
  contentsOf: 'Contents of {name}',
  unknownType: 'Unknown',

  earlierVersions: { one: '{count} earlier version', other: '{count} earlier versions' },
  versionsUnavailable: 'Unavailable',
  dialogTitle: 'Versions of “{name}”',
  selectOneFile: 'Select one file to see its versions.',
  loadingVersions: 'Loading versions',
  loadFailed: 'The versions could not be loaded: {error}',
  listLabel: 'Versions of {name}',
  currentVersion: 'Current version',
  noVersions: 'No earlier versions. Uploading a file with the same name into the same folder keeps the old one here.',
  downloadVersion: 'Download the version of {date}',
  restoreVersionOf: 'Restore the version of {date}',
  restore: 'Restore',
  restoreTitle: 'Restore this version?',
  restoreDescription: '“{name}” goes back to its content of {date} ({size}). The current content is kept as a version, so you can undo this.',
  restoreVersion: 'Restore version',
  restored: 'Restored the version of {date}',
  restoreFailed: 'Could not restore that version: {error}',
  downloadFailed: 'Could not download that version: {error}',
  versionFileName: '{name} (version of {date})',
});
