// Authorization matrix over every method of the table (issue 13 item 8). Roles: the owner of a folder
// tree, three share recipients (view / create+modify / create+modify+delete), a stranger and an
// anonymous visitor who holds a public link to something else. Each method's entry says which roles
// MAY succeed; every other role must never get result 0 (nor a binary success) on the owner's items.
// The owner is the positive control: its call must succeed, so a refusal of the others is not just a
// malformed request. A method of the table without an entry fails the suite.
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { METHODS } from '../../src/api/protocol/methods';
import { TestServer, type CallOptions, type Params, type RawReply, type TestUser } from '../testing';

type Role = 'owner' | 'view' | 'modify' | 'delete' | 'stranger' | 'anon';
const ROLES: Role[] = ['anon', 'stranger', 'view', 'modify', 'delete', 'owner'];
const READ: Role[] = ['owner', 'view', 'modify', 'delete'];
const CREATE: Role[] = ['owner', 'modify', 'delete'];
const MODIFY: Role[] = ['owner', 'modify', 'delete'];
const DELETE: Role[] = ['owner', 'delete'];
const OWNER: Role[] = ['owner'];
const AUTHED: Role[] = ['owner', 'view', 'modify', 'delete', 'stranger'];
const ALL: Role[] = [...AUTHED, 'anon'];

/** Per-call items, fresh for every (method, role): a folder inside the share holding an image. */
interface Fixture {
  n: number;
  /** folder inside the shared folder */
  sub: number;
  /** image inside `sub` */
  file: number;
  shared: number;
  /** the owner's public link to `sub` (owner and recipients use it); `decoy` is what outsiders hold */
  code: () => Promise<string>;
  /** a public link to an unrelated folder of the owner */
  decoy: string;
  /** the caller's own root folder (0 for the anonymous visitor) */
  own: { root: number };
  extra: Record<string, string | number>;
}

interface Entry {
  may: Role[];
  /** Parameters of the call (as role); `Fixture.extra` holds what `setup` prepared. */
  params: (fx: Fixture, role: Role) => Params | Promise<Params>;
  setup?: (fx: Fixture, role: Role) => Promise<void>;
  /** Raw body (uploads). */
  body?: string;
  /** false: the owner's call is not a usable control (needs media, a zip, a live job, another account…). */
  control?: false;
  /** not an API method (the OAuth page): nothing to call */
  page?: true;
  /** every caller holds a secret (a mailed code) that lets it see the item: skip the leak check */
  secret?: true;
}

const outsiderCode = (fx: Fixture, role: Role) => (role === 'stranger' || role === 'anon' ? fx.decoy : undefined);
const withCode = async (fx: Fixture, role: Role, more: Params = {}): Promise<Params> => ({ code: outsiderCode(fx, role) ?? (await fx.code()), ...more });

const none = (): Params => ({});
const file = (fx: Fixture): Params => ({ fileid: fx.file });
const folder = (fx: Fixture): Params => ({ folderid: fx.sub });
const account: Entry = { may: AUTHED, params: none, control: false };
const open: Entry = { may: ALL, params: none, control: false };

/** The matrix. Keep it in table order; a new method of the table needs a row here. */
const MATRIX: Record<string, Entry> = {
  // general
  getdigest: open, userinfo: account, supportedlanguages: open, setlanguage: account, feedback: open, currentserver: open,
  diff: account, getip: open, getapiserver: open, subscribe: { ...account, params: () => ({ subscribefor: 'diff', diffid: 0 }) }, nop: open,
  // each caller searches its own tree; the generic leak check below catches the owner's folder name
  search: { may: AUTHED, params: (fx) => ({ query: `sub-${fx.n}` }) },
  getfilehistory: { may: READ, params: file, control: false },
  // folder
  createfolder: { may: CREATE, params: (fx) => ({ folderid: fx.sub, name: `new-${fx.n}` }) },
  createfolderifnotexists: { may: CREATE, params: (fx) => ({ folderid: fx.sub, name: `new-${fx.n}` }) },
  listfolder: { may: READ, params: folder },
  renamefolder: { may: MODIFY, params: (fx) => ({ folderid: fx.sub, toname: `renamed-${fx.n}` }) },
  deletefolder: {
    may: DELETE,
    setup: async (fx) => {
      fx.extra.empty = (await call(fx, 'owner', 'createfolder', { folderid: fx.sub, name: 'empty' })).metadata.folderid;
    },
    params: (fx) => ({ folderid: fx.extra.empty }),
  },
  deletefolderrecursive: { may: DELETE, params: folder },
  copyfolder: { may: CREATE, params: (fx) => ({ folderid: fx.sub, tofolderid: fx.shared, toname: `copy-${fx.n}` }) },
  // file
  uploadfile: { may: CREATE, params: (fx) => ({ folderid: fx.sub, filename: `up-${fx.n}.txt` }), body: 'uploaded' },
  uploadprogress: {
    may: OWNER,
    setup: async (fx) => {
      await ownerCall(fx, 'uploadfile', { folderid: fx.sub, filename: `p-${fx.n}.txt`, progresshash: `ph-${fx.n}` }, 'x');
    },
    params: (fx) => ({ progresshash: `ph-${fx.n}` }),
  },
  downloadfile: { may: CREATE, params: (fx) => ({ folderid: fx.sub, url: `${srv.url}/health`, target: `dl-${fx.n}.txt` }) },
  downloadfileasync: { may: CREATE, params: (fx) => ({ folderid: fx.sub, url: `${srv.url}/health`, target: `dla-${fx.n}.txt` }) },
  copyfile: { may: CREATE, params: (fx) => ({ fileid: fx.file, tofolderid: fx.shared, toname: `copy-${fx.n}.png` }) },
  checksumfile: { may: READ, params: file },
  deletefile: { may: DELETE, params: file },
  renamefile: { may: MODIFY, params: (fx) => ({ fileid: fx.file, toname: `renamed-${fx.n}.png` }) },
  stat: { may: READ, params: file },
  // auth (account-level: each caller acts on its own account)
  sendverificationemail: account, verifyemail: open, changepassword: account, lostpassword: open, resetpassword: open, register: open,
  invite: account, userinvites: account, logout: account, listtokens: account,
  deletetoken: {
    may: OWNER,
    setup: async (fx) => {
      const spare = owner.authToken();
      fx.extra.tokenid = (srv.emu.st.q('SELECT id FROM tokens WHERE token = ?').get(spare) as { id: number }).id;
    },
    params: (fx) => ({ tokenid: fx.extra.tokenid }),
  },
  sendchangemail: account, changemail: account, senddeactivatemail: account, deactivateuser: account,
  // streaming
  getfilelink: { may: READ, params: file },
  getvideolink: { may: READ, params: file, control: false },
  getvideolinks: { may: READ, params: file, control: false },
  getaudiolink: { may: READ, params: file, control: false },
  gethlslink: { may: READ, params: file, control: false },
  gettextfile: { may: READ, setup: textFile, params: (fx) => ({ fileid: fx.extra.textid }) },
  // archiving
  getzip: { may: READ, params: folder },
  getziplink: { may: READ, params: folder },
  savezip: { may: READ, params: (fx) => ({ folderid: fx.sub, tofolderid: fx.own.root, toname: `z-${fx.n}.zip` }) },
  extractarchive: { may: CREATE, params: (fx) => ({ fileid: fx.file, tofolderid: fx.sub }), control: false },
  extractarchiveprogress: { may: OWNER, params: (fx) => ({ progresshash: `none-${fx.n}` }), control: false },
  savezipprogress: { may: OWNER, params: (fx) => ({ progresshash: `none-${fx.n}` }), control: false },
  // sharing
  sharefolder: { may: OWNER, params: (fx) => ({ folderid: fx.sub, mail: `guest-${fx.n}@example.com`, permissions: 'view' }) },
  listshares: account,
  sharerequestinfo: {
    may: ALL,
    secret: true,
    setup: shareRequest,
    params: (fx) => ({ code: fx.extra.requestcode }),
  },
  cancelsharerequest: { may: OWNER, setup: shareRequest, params: (fx) => ({ sharerequestid: fx.extra.requestid }) },
  // only the addressee (an outsider here) may accept or decline by id
  acceptshare: { may: [], setup: shareRequest, params: (fx) => ({ sharerequestid: fx.extra.requestid }), control: false },
  declineshare: { may: [], setup: shareRequest, params: (fx) => ({ sharerequestid: fx.extra.requestid }), control: false },
  removeshare: { may: OWNER, setup: liveShare, params: (fx) => ({ shareid: fx.extra.shareid }) },
  changeshare: { may: OWNER, setup: liveShare, params: (fx) => ({ shareid: fx.extra.shareid, permissions: 'edit' }) },
  // public links
  getfilepublink: { may: OWNER, params: file },
  getfolderpublink: { may: OWNER, params: folder },
  gettreepublink: { may: OWNER, params: (fx) => ({ fileids: fx.file, name: 'tree' }) },
  showpublink: { may: ALL, params: (fx, role) => withCode(fx, role) },
  getpublinkdownload: { may: READ, params: (fx, role) => withCode(fx, role, { fileid: fx.file }) },
  copypubfile: { may: READ, params: (fx, role) => withCode(fx, role, { fileid: fx.file, tofolderid: fx.own.root, toname: `pub-${fx.n}.png` }) },
  listpublinks: account, listplshort: account,
  deletepublink: { may: OWNER, setup: ownerLink, params: (fx) => ({ linkid: fx.extra.linkid }) },
  changepublink: { may: OWNER, setup: ownerLink, params: (fx) => ({ linkid: fx.extra.linkid, maxdownloads: 5 }) },
  getpubthumb: { may: READ, params: (fx, role) => withCode(fx, role, { fileid: fx.file, size: '32x32' }) },
  getpubthumblink: { may: READ, params: (fx, role) => withCode(fx, role, { fileid: fx.file, size: '32x32' }) },
  getpubthumbslinks: { may: READ, params: (fx, role) => withCode(fx, role, { fileids: fx.file, size: '32x32' }) },
  savepubthumb: { may: READ, params: (fx, role) => withCode(fx, role, { fileid: fx.file, size: '32x32', tofolderid: fx.own.root, toname: `t-${fx.n}.jpg` }) },
  // a whole link is what its holder may see: the decoy's own zip is fine, the real tree is not reachable through it
  getpubzip: { may: ALL, params: (fx, role) => withCode(fx, role) },
  getpubziplink: { may: ALL, params: (fx, role) => withCode(fx, role) },
  savepubzip: { may: AUTHED, params: (fx, role) => withCode(fx, role, { tofolderid: fx.own.root, toname: `pz-${fx.n}.zip` }) },
  getpubvideolinks: { may: READ, params: (fx, role) => withCode(fx, role, { fileid: fx.file }), control: false },
  getpubaudiolink: { may: READ, params: (fx, role) => withCode(fx, role, { fileid: fx.file }), control: false },
  getpubtextfile: { may: READ, setup: textFile, params: (fx, role) => withCode(fx, role, { fileid: fx.extra.textid }) },
  getcollectionpublink: { may: OWNER, setup: ownerCollection, params: (fx) => ({ collectionid: fx.extra.collectionid }) },
  // thumbnails
  getthumblink: { may: READ, params: (fx) => ({ fileid: fx.file, size: '32x32' }) },
  getthumbslinks: { may: READ, params: (fx) => ({ fileids: fx.file, size: '32x32' }) },
  getthumb: { may: READ, params: (fx) => ({ fileid: fx.file, size: '32x32' }) },
  savethumb: { may: READ, params: (fx) => ({ fileid: fx.file, size: '32x32', tofolderid: fx.own.root, toname: `st-${fx.n}.jpg` }) },
  // upload links
  createuploadlink: { may: OWNER, params: (fx) => ({ folderid: fx.sub, comment: 'drop here' }) },
  listuploadlinks: account,
  deleteuploadlink: { may: OWNER, setup: ownerUploadLink, params: (fx) => ({ uploadlinkid: fx.extra.uploadlinkid }) },
  changeuploadlink: { may: OWNER, setup: ownerUploadLink, params: (fx) => ({ uploadlinkid: fx.extra.uploadlinkid, maxfiles: 3 }) },
  // the upload link's code is the credential: anyone holding it may use it
  showuploadlink: { may: ALL, setup: ownerUploadLink, params: (fx) => ({ code: fx.extra.uploadcode }) },
  uploadtolink: { may: ALL, setup: ownerUploadLink, params: (fx) => ({ code: fx.extra.uploadcode, names: 'anon', filename: `ul-${fx.n}.txt` }), body: 'dropped' },
  uploadlinkprogress: { may: ALL, setup: ownerUploadLink, params: (fx) => ({ code: fx.extra.uploadcode, progresshash: `none-${fx.n}` }), control: false },
  copytolink: { may: READ, setup: ownerUploadLink, params: (fx) => ({ code: fx.extra.uploadcode, fileid: fx.file, toname: `ctl-${fx.n}.png` }) },
  notifyuploadlink: { may: ALL, setup: ownerUploadLink, params: (fx) => ({ code: fx.extra.uploadcode }), control: false },
  // revisions
  listrevisions: { may: READ, params: file },
  revertrevision: { may: MODIFY, setup: revision, params: (fx) => ({ fileid: fx.file, revisionid: fx.extra.revisionid }) },
  // fileops: descriptors are the opener's (the owner's fd number means nothing to anyone else)
  file_open: { may: READ, params: (fx) => ({ fileid: fx.file, flags: 0 }) },
  file_write: { may: OWNER, setup: ownerFd, params: (fx) => ({ fd: fx.extra.fd }), body: 'w', control: false },
  file_pwrite: { may: OWNER, setup: ownerFd, params: (fx) => ({ fd: fx.extra.fd, offset: 0 }), body: 'w', control: false },
  file_read: { may: OWNER, setup: ownerFd, params: (fx) => ({ fd: fx.extra.fd, count: 4 }), control: false },
  file_pread: { may: OWNER, setup: ownerFd, params: (fx) => ({ fd: fx.extra.fd, count: 4, offset: 0 }), control: false },
  file_pread_ifmod: { may: OWNER, setup: ownerFd, params: (fx) => ({ fd: fx.extra.fd, count: 4, offset: 0, sha1: '0' }), control: false },
  file_checksum: { may: OWNER, setup: ownerFd, params: (fx) => ({ fd: fx.extra.fd, count: 4, offset: 0 }), control: false },
  file_size: { may: OWNER, setup: ownerFd, params: (fx) => ({ fd: fx.extra.fd }), control: false },
  file_truncate: { may: OWNER, setup: ownerFd, params: (fx) => ({ fd: fx.extra.fd, length: 0 }), control: false },
  file_seek: { may: OWNER, setup: ownerFd, params: (fx) => ({ fd: fx.extra.fd, offset: 0 }), control: false },
  file_close: { may: OWNER, setup: ownerFd, params: (fx) => ({ fd: fx.extra.fd }), control: false },
  file_lock: { may: OWNER, setup: ownerFd, params: (fx) => ({ fd: fx.extra.fd, type: 1 }), control: false },
  // newsletter
  newsletter_subscribe: open, newsletter_check: account, newsletter_verifyemail: open, newsletter_unsubscribe: open, newsletter_unsibscribemail: open,
  // trash: the owner's trashed items are the owner's
  trash_list: account,
  trash_restorepath: { may: OWNER, setup: trashed, params: (fx) => ({ fileid: fx.extra.trashed }) },
  trash_restore: { may: OWNER, setup: trashed, params: (fx) => ({ fileid: fx.extra.trashed }) },
  trash_clear: { may: OWNER, setup: trashed, params: (fx) => ({ fileid: fx.extra.trashed }) },
  // collections: the owner's collection is the owner's; adding a file needs read access to it
  collection_list: account,
  collection_details: { may: OWNER, setup: ownerCollection, params: (fx) => ({ collectionid: fx.extra.collectionid }) },
  collection_create: account,
  collection_rename: { may: OWNER, setup: ownerCollection, params: (fx) => ({ collectionid: fx.extra.collectionid, name: 'renamed' }) },
  collection_delete: { may: OWNER, setup: ownerCollection, params: (fx) => ({ collectionid: fx.extra.collectionid }) },
  collection_linkfiles: { may: READ, setup: ownCollection, params: (fx) => ({ collectionid: fx.extra.collectionid, fileids: fx.extra.song }) },
  collection_unlinkfiles: { may: OWNER, setup: ownerCollection, params: (fx) => ({ collectionid: fx.extra.collectionid, fileids: fx.extra.song }) },
  collection_move: { may: OWNER, setup: ownerCollection, params: (fx) => ({ collectionid: fx.extra.collectionid, item: 2, position: 1 }) },
  // oauth
  authorize: { may: ALL, params: none, page: true },
  oauth2_token: open,
  // transfer
  uploadtransfer: open, uploadtransferprogress: open,
  login: open,
  // second factor of a login: the token of the first step is the credential
  tfa_login: open, tfa_loginwithrecoverycode: open, tfa_sendcodeviasms: open, tfa_sendcodeviasysnotification: open,
  getmediatranscodepublink: { may: READ, params: (fx, role) => withCode(fx, role, { fileid: fx.file }), control: false },
  account_teamshare: { may: OWNER, params: folder, control: false },
  // upload sessions: a session is its creator's
  upload_create: account,
  upload_write: { may: OWNER, setup: ownerSession, params: (fx) => ({ uploadid: fx.extra.uploadid, uploadoffset: 0 }), body: 'abc' },
  upload_info: { may: OWNER, setup: ownerSession, params: (fx) => ({ uploadid: fx.extra.uploadid }) },
  upload_save: { may: OWNER, setup: ownerSession, params: (fx) => ({ uploadid: fx.extra.uploadid, folderid: fx.sub, name: `us-${fx.n}.txt` }) },
  upload_delete: { may: OWNER, setup: ownerSession, params: (fx) => ({ uploadid: fx.extra.uploadid }) },
};

/**
 * Known findings in method files owned elsewhere: `it.fails` keeps the suite green until they are
 * fixed (then the test turns red: delete the entry). Each says which role got what.
 */
const KNOWN: Record<string, string> = {};

let srv: TestServer;
let owner: TestUser;
const recipients: Record<'view' | 'modify' | 'delete', TestUser> = {} as never;
let stranger: TestUser;
let shared: number;
let decoy: string;
let image: Buffer;
let seq = 0;
const roots: Partial<Record<Role, number>> = {};

function userOf(role: Role): TestUser | null {
  if (role === 'owner') return owner;
  if (role === 'stranger') return stranger;
  if (role === 'anon') return null;
  return recipients[role];
}

/** Session tokens (`auth`), fresh per call: a `logout` in one cell cannot sign out the next. */
function credsOf(role: Role): CallOptions {
  const u = userOf(role);
  return u ? { auth: u.authToken() } : {};
}

async function call(_fx: Fixture, role: Role, method: string, params: Params, body?: string): Promise<RawReply['json']> {
  return (await sendAs(role, method, params, body)).json;
}

const ownerCall = (fx: Fixture, method: string, params: Params, body?: string) => call(fx, 'owner', method, params, body);

function sendAs(role: Role, method: string, params: Params, body?: string): Promise<RawReply> {
  const opts: CallOptions = { ...credsOf(role) };
  if (body !== undefined) Object.assign(opts, { verb: 'PUT', body });
  return srv.send(method, params, opts);
}

async function shareRequest(fx: Fixture): Promise<void> {
  const r = await ownerCall(fx, 'sharefolder', { folderid: fx.sub, mail: `outsider-${fx.n}@example.com`, permissions: 'view' });
  fx.extra.requestid = r.sharerequestid;
  fx.extra.requestcode = await srv.lastCode(`outsider-${fx.n}@example.com`);
}

async function liveShare(fx: Fixture): Promise<void> {
  const guest = await srv.user();
  const r = await ownerCall(fx, 'sharefolder', { folderid: fx.sub, mail: guest.email, permissions: 'view' });
  const accepted = await guest.call('acceptshare', { sharerequestid: r.sharerequestid });
  if (accepted.result !== 0) throw new Error(`acceptshare: ${accepted.result}`);
  fx.extra.shareid = (await ownerCall(fx, 'listshares', {})).shares.outgoing.find((s: { folderid: number }) => s.folderid === fx.sub).shareid;
}

async function ownerLink(fx: Fixture): Promise<void> {
  fx.extra.linkid = (await ownerCall(fx, 'getfilepublink', { fileid: fx.file })).linkid;
}

async function ownerUploadLink(fx: Fixture): Promise<void> {
  const r = await ownerCall(fx, 'createuploadlink', { folderid: fx.sub, comment: 'drop' });
  fx.extra.uploadlinkid = r.uploadlinkid;
  fx.extra.uploadcode = r.code;
}

/** Collections hold audio: two songs of the owner's in `sub`. */
async function songs(fx: Fixture): Promise<string> {
  const ids: number[] = [];
  for (const i of [1, 2]) ids.push((await owner.upload(`song-${i}.mp3`, `ID3 song ${i}`, { folderid: fx.sub })).fileid);
  fx.extra.song = ids[0];
  return ids.join(',');
}

async function ownerCollection(fx: Fixture): Promise<void> {
  const fileids = await songs(fx);
  const c = await ownerCall(fx, 'collection_create', { name: `c-${fx.n}` });
  await ownerCall(fx, 'collection_linkfiles', { collectionid: c.collection.id, fileids });
  fx.extra.collectionid = c.collection.id;
}

async function textFile(fx: Fixture): Promise<void> {
  fx.extra.textid = (await owner.upload('notes.txt', 'plain text', { folderid: fx.sub })).fileid;
}

/** A collection of the caller's own (the file to add is the owner's). */
async function ownCollection(fx: Fixture, role: Role): Promise<void> {
  await songs(fx);
  const c = await call(fx, role === 'anon' ? 'owner' : role, 'collection_create', { name: `mine-${fx.n}` });
  fx.extra.collectionid = c.collection.id;
}

async function revision(fx: Fixture): Promise<void> {
  await ownerCall(fx, 'uploadfile', { folderid: fx.sub, filename: 'image.png' }, 'second version');
  fx.extra.revisionid = (await ownerCall(fx, 'listrevisions', { fileid: fx.file })).revisions[0].revisionid;
}

async function trashed(fx: Fixture): Promise<void> {
  const f = await owner.upload(`trash-${fx.n}.txt`, 'bin', { folderid: fx.sub });
  await ownerCall(fx, 'deletefile', { fileid: f.fileid });
  fx.extra.trashed = f.fileid;
}

async function ownerFd(fx: Fixture): Promise<void> {
  fx.extra.fd = (await ownerCall(fx, 'file_open', { fileid: fx.file, flags: 0x0002 })).fd;
}

async function ownerSession(fx: Fixture): Promise<void> {
  fx.extra.uploadid = (await ownerCall(fx, 'upload_create', {})).uploadid;
}

async function fixture(role: Role): Promise<Fixture> {
  const n = ++seq;
  const sub = (await owner.mkdir(`sub-${n}`, shared)).folderid as number;
  const f = await owner.upload('image.png', image, { folderid: sub });
  let code: string | null = null;
  const u = userOf(role);
  return {
    n, sub, file: f.fileid, shared, decoy,
    code: async () => (code ??= (await owner.call('getfolderpublink', { folderid: sub })).code),
    own: { root: u ? (roots[role] ??= (await u.call('listfolder', { folderid: 0, nofiles: 1 })).metadata.folderid) : 0 },
    extra: {},
  };
}

/**
 * 0 as JSON, or a binary/redirect body (a success of a data method). Batch methods answer 0 with a
 * result per item (`thumbs`, `linkresult`): they succeed only if an item did.
 */
function succeeded(r: RawReply): boolean {
  const ct = String(r.headers['content-type'] ?? '');
  if (ct.startsWith('application/json')) {
    if (r.json?.result !== 0) return false;
    const items = (r.json.thumbs ?? r.json.linkresult) as { result?: number }[] | undefined;
    return !Array.isArray(items) || items.some((i) => i.result === undefined || i.result === 0);
  }
  return r.status >= 200 && r.status < 400;
}

beforeAll(async () => {
  srv = await TestServer.start({ quirks: { fileopsRefused: false } });
  image = await sharp({ create: { width: 40, height: 30, channels: 3, background: '#3080c0' } }).png().toBuffer();
  owner = await srv.user();
  stranger = await srv.user();
  shared = (await owner.mkdir('Shared')).folderid;
  for (const [role, perms] of [['view', 'view'], ['modify', 'create,modify'], ['delete', 'create,modify,delete']] as const) {
    const u = await srv.user();
    const r = await owner.call('sharefolder', { folderid: shared, mail: u.email, permissions: perms });
    const a = await u.call('acceptshare', { sharerequestid: r.sharerequestid });
    if (a.result !== 0) throw new Error(`acceptshare ${role}: ${a.result}`);
    recipients[role] = u;
  }
  const d = await owner.mkdir('decoy');
  await owner.upload('decoy.txt', 'nothing to see', { folderid: d.folderid });
  decoy = (await owner.call('getfolderpublink', { folderid: d.folderid })).code;
});
afterAll(() => srv.close());

describe('authorization matrix', () => {
  it('has an entry for every method of the table and of the registry', () => {
    const table = METHODS.map((m) => m.name);
    expect(table.filter((m) => !MATRIX[m])).toEqual([]);
    expect([...srv.emu.methods.keys()].filter((m) => !MATRIX[m] && m !== 'newsletter_unsubscribemail')).toEqual([]);
  });

  for (const method of METHODS.map((m) => m.name)) {
    const entry = MATRIX[method];
    if (!entry || entry.page) continue;
    (KNOWN[method] ? it.fails : it)(method, async () => {
      const wrong: string[] = [];
      for (const role of ROLES) {
        const fx = await fixture(role);
        if (entry.setup) await entry.setup(fx, role);
        const params = await entry.params(fx, role);
        const r = await sendAs(role, method, params, entry.body);
        const ok = succeeded(r);
        const reply = r.json ? `${r.json.result} ${r.json.error ?? ''}` : `HTTP ${r.status} ${String(r.headers['content-type'])}`;
        if (ok && !entry.may.includes(role)) wrong.push(`${role} succeeded: ${JSON.stringify(params)}`);
        // whatever the result, an outsider's reply never names the owner's (uniquely named) folder
        if ((role === 'stranger' || role === 'anon') && !entry.secret && r.text.includes(`sub-${fx.n}`)) wrong.push(`${role} saw sub-${fx.n}: ${r.text.slice(0, 200)}`);
        if (!ok && role === 'owner' && entry.may.includes('owner') && entry.control !== false) wrong.push(`owner (control) failed: ${reply} ${JSON.stringify(params)}`);
      }
      expect(wrong).toEqual([]);
    });
  }
});
