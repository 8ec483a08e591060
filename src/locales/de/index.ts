// The German catalogue: loaded as one chunk when German is chosen (src/i18n/index.ts).
import common from './common';
import app from './app';
import errors from './errors';
import commands from './commands';
import browse from './browse';
import viewer from './viewer';
import ui from './ui';
import upload from './upload';
import uploadStart from './upload-start';
import player from './player';
import archive from './archive';
import share from './share';
import links from './links';
import publicPages from './public';
import auth from './auth';
import collections from './collections';
import trash from './trash';
import account from './account';
import search from './search';
import previews from './previews';

export default { common, app, errors, commands, browse, viewer, ui, upload, uploadStart, player, archive, share, links, public: publicPages, auth, collections, trash, account, search, previews };
