// The English catalogue, one module per area. Code imports the namespace it shows (so the strings
// load with that code's chunk); this index exists for the catalogue tests and other languages' types.
export { default as common } from './common';
export { default as app } from './app';
export { default as errors } from './errors';
export { default as commands } from './commands';
export { default as browse } from './browse';
export { default as viewer } from './viewer';
export { default as ui } from './ui';
export { default as upload } from './upload';
export { default as uploadStart } from './upload-start';
export { default as player } from './player';
export { default as archive } from './archive';
export { default as share } from './share';
export { default as links } from './links';
export { default as public } from './public';
export { default as auth } from './auth';
export { default as collections } from './collections';
export { default as trash } from './trash';
export { default as account } from './account';
export { default as search } from './search';
export { default as previews } from './previews';
