import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from './http/params';
import type { FileSource } from './http/body';
import type { Storage } from './store/storage';
import type { TokenRow, UserRow } from './store/model';
import type { Services } from './services';

export type { TokenRow } from './store/model';

export interface Ctx {
  readonly p: Params;
  readonly st: Storage;
  /** The running emulator, as far as handlers may see it. */
  readonly emu: Services;
  readonly req: IncomingMessage;
  readonly res: ServerResponse;
  /** The caller, when authenticated. */
  user: UserRow | null;
  token: TokenRow | null;
  /** Files of an upload request (methods declared with `upload: true`). */
  files: FileSource | null;
  /** Client IP as the server saw it. */
  readonly ip: string;
  /** `Host` header as the client sent it: content links point back at it. */
  readonly host: string;
  readonly scheme: 'http' | 'https';
  /** Extra top-level reply fields added by the pipeline (e.g. `auth` from getauth). */
  readonly extra: Record<string, unknown>;
}

/** Returned by a handler that wrote the response itself (binary methods). */
export const RAW = Symbol('raw');

export type Reply = Record<string, unknown>;

export interface MethodDef {
  name: string;
  /** 'required': 1000 without credentials; 'optional': uses credentials when present; 'none': ignores them. */
  auth: 'required' | 'optional' | 'none';
  /** false: an OAuth access token alone is refused with 1000 (when the quirk is on). */
  oauth?: boolean;
  /** true: the body is streamed to the handler as files (multipart parts or raw body). */
  upload?: boolean;
  handler: (ctx: Ctx) => Promise<Reply | typeof RAW | void> | Reply | typeof RAW | void;
}

export function defineMethods(defs: MethodDef[]): MethodDef[] {
  return defs;
}

/** The signed-in user; the pipeline guarantees it for `auth: 'required'` methods. */
export function me(ctx: Ctx): UserRow {
  if (!ctx.user) throw new Error(`method needs auth but has no user`);
  return ctx.user;
}
