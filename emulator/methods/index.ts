import type { MethodDef } from '../registry';
import type { Services } from '../services';
import { generalMethods } from './general';
import { folderMethods } from './folder';
import { fileMethods } from './file';
import { authMethods } from './auth';
import { oauthMethods } from './oauth';
import { ensureBundledApp } from '../domain/oauth';
import { streamingMethods, registerFileContent } from './streaming';
import { revisionMethods } from './revisions';
import { trashMethods } from './trash';
import { uploadMethods } from './upload';
import { fileopsMethods } from './fileops';
import { thumbnailMethods } from './thumbnails';
import { archivingMethods } from './archiving';
import { collectionMethods } from './collections';
import { newsletterMethods } from './newsletter';
import { transferMethods } from './transfer';
import { sharingMethods } from './sharing';
import { publinkMethods } from './publinks';
import { uploadLinkMethods } from './uploadlinks';
import { searchMethods } from './search';
import { tfaMethods } from './tfa';

/** Every method the emulator answers, one module per category (mirrors src/api/). */
export function allMethods(emu: Services): MethodDef[] {
  ensureBundledApp(emu.st, emu.appOrigins);
  registerFileContent(emu);
  return [
    ...generalMethods(),
    ...folderMethods(),
    ...fileMethods(),
    ...authMethods(),
    ...oauthMethods(),
    ...streamingMethods(),
    ...revisionMethods(),
    ...trashMethods(),
    ...uploadMethods(emu),
    ...fileopsMethods(emu),
    ...thumbnailMethods(),
    ...archivingMethods(emu),
    ...collectionMethods(),
    ...newsletterMethods(),
    ...transferMethods(emu),
    ...sharingMethods(emu),
    ...publinkMethods(emu),
    ...uploadLinkMethods(emu),
    ...searchMethods(),
    ...tfaMethods(),
  ];
}
