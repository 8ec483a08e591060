import type { MethodDef } from '../registry';
import type { Emulator } from '../server';
import { generalMethods } from './general';
import { folderMethods } from './folder';
import { fileMethods } from './file';
import { authMethods } from './auth';
import { oauthMethods, ensureBundledApp } from './oauth';
import { streamingMethods, registerFileContent } from './streaming';
import { revisionMethods } from './revisions';
import { trashMethods } from './trash';
import { uploadMethods } from './upload';
import { fileopsMethods } from './fileops';

/** Every method the emulator answers, one module per category (mirrors src/api/). */
export function allMethods(emu: Emulator): MethodDef[] {
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
    ...uploadMethods(),
    ...fileopsMethods(emu),
  ];
}
