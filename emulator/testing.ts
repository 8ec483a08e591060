// Test helpers for the emulator suites: a fresh emulator on a random port with a fresh data dir,
// users and tokens, and an HTTP client that talks to it the way pCloud clients do.
import { request as httpRequest, Agent, type IncomingHttpHeaders, type ClientRequest, type IncomingMessage } from 'node:http';
import { mkdtemp, rm, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Emulator } from './server';
import type { EmulatorOptions, Quirks } from './config';
import { createUser } from './store/ops';
import type { UserRow } from './store/model';
import { BUNDLED_APP, findApp, issueOAuthToken } from './domain/oauth';
import { issueToken } from './http/authenticate';

/** A parsed pCloud reply; `hash` values stay exact (as decimal strings). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export type ParamValue = string | number | boolean;
export type Params = Record<string, ParamValue | undefined>;

export interface UploadPart {
  /** Form-field name of the part (ignored by pCloud for files). */
  field?: string;
  /** The part's `filename`; omit for a plain field. */
  filename?: string;
  data: Buffer | string;
  contentType?: string;
}

export interface CallOptions {
  /** OAuth token sent as `access_token` (the default for a TestUser's calls). */
  token?: string;
  /** OAuth token sent as `Authorization: Bearer`. */
  bearer?: string;
  /** Session token sent as the `auth` parameter. */
  auth?: string;
  /** Where the parameters travel: query string (default), urlencoded body, or multipart fields. */
  via?: 'query' | 'form' | 'multipart';
  /** HTTP verb; defaults to GET, POST when a body is sent. */
  verb?: string;
  /** Raw request body (PUT/POST octet-stream uploads). */
  body?: Buffer | string;
  /** Multipart parts sent after the parameter fields. */
  parts?: UploadPart[];
  headers?: Record<string, string>;
  agent?: Agent;
  /** Path override (e.g. content links); `method` is then ignored. */
  path?: string;
}

export interface RawReply {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
  text: string;
  /** The JSON body when there is one (uint64 `hash` kept as a string). */
  json: Json;
}

/** JSON.parse that keeps `hash` (uint64, often > 2^53) exact as a decimal string. */
export function parseJson(text: string): Json {
  return JSON.parse(text.replace(/(?<!\\)"hash":(\d+)/g, '"hash":"$1"'));
}

function encodeParams(params: Params): URLSearchParams {
  const out = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined) out.append(k, typeof v === 'boolean' ? (v ? '1' : '0') : String(v));
  return out;
}

/** A multipart/form-data body with the fields first, then the parts (pCloud's required order). */
export function multipart(fields: URLSearchParams, parts: UploadPart[] = []): { body: Buffer; type: string } {
  const boundary = `----pcloudtest${Math.random().toString(16).slice(2)}`;
  const chunks: Buffer[] = [];
  for (const [k, v] of fields) {
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  for (const [i, p] of parts.entries()) {
    const name = p.field ?? `file${i}`;
    const disp = p.filename === undefined ? `form-data; name="${name}"` : `form-data; name="${name}"; filename="${p.filename}"`;
    const type = p.contentType ?? (p.filename === undefined ? undefined : 'application/octet-stream');
    chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: ${disp}\r\n${type ? `Content-Type: ${type}\r\n` : ''}\r\n`));
    chunks.push(Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), type: `multipart/form-data; boundary=${boundary}` };
}

type StartOptions = Partial<Omit<EmulatorOptions, 'dataDir'>> & {
  quirks?: Partial<Quirks>;
  /** An existing data dir to serve (e.g. one the CLI prepared); a fresh temp dir by default. Removed by close(). */
  dataDir?: string;
};

export class TestServer {
  private constructor(
    private current: Emulator,
    private address: string,
    readonly dataDir: string,
    private readonly opts: StartOptions,
  ) {}

  static async start(opts: StartOptions = {}): Promise<TestServer> {
    const dataDir = opts.dataDir ?? (await mkdtemp(join(tmpdir(), 'pcloud-emu-test-')));
    const emu = await Emulator.create({ ...opts, dataDir });
    const url = await emu.listen(0);
    return new TestServer(emu, url, dataDir, opts);
  }

  get emu(): Emulator {
    return this.current;
  }

  get url(): string {
    return this.address;
  }

  /**
   * Stops the emulator and starts a fresh one on the same data dir and port, as a restart of the
   * process would: what lives only in memory is gone, what is on disk stays (users, tokens, files).
   */
  async restart(): Promise<void> {
    const port = this.port;
    await this.current.close();
    this.current = await Emulator.create({ ...this.opts, dataDir: this.dataDir });
    this.address = await this.current.listen(port);
  }

  get port(): number {
    return Number(new URL(this.url).port);
  }

  async close(): Promise<void> {
    await this.emu.close();
    await rm(this.dataDir, { recursive: true, force: true });
  }

  private seq = 0;

  /** A new account (US unless `locationid: 2`) with an OAuth token for the bundled app. */
  async user(opts: { email?: string; password?: string; quota?: number; locationid?: number; verified?: boolean } = {}): Promise<TestUser> {
    const email = opts.email ?? `user${++this.seq}-${Math.random().toString(36).slice(2, 8)}@example.com`;
    const password = opts.password ?? 'correct horse 42';
    const row = createUser(this.emu.st, email, password, { quota: opts.quota, locationid: opts.locationid, verified: opts.verified });
    this.emu.st.event(row.id, 'reset', {});
    const token = issueOAuthToken(this.emu.st, row, findApp(this.emu.st, BUNDLED_APP.clientid)!, false).token;
    return new TestUser(this, row, email, password, token);
  }

  /** Sends one request; the reply is returned whatever its status. */
  send(method: string, params: Params = {}, opts: CallOptions = {}): Promise<RawReply> {
    const all = encodeParams({ ...params, ...(opts.token ? { access_token: opts.token } : {}), ...(opts.auth ? { auth: opts.auth } : {}) });
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (opts.bearer) headers.Authorization = `Bearer ${opts.bearer}`;
    let body: Buffer | undefined;
    let query = all;
    const via = opts.via ?? (opts.parts ? 'multipart' : 'query');
    if (via === 'form') {
      body = Buffer.from(all.toString());
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      query = new URLSearchParams();
    } else if (via === 'multipart') {
      const mp = multipart(all, opts.parts);
      body = mp.body;
      headers['Content-Type'] = mp.type;
      query = new URLSearchParams();
    } else if (opts.body !== undefined) {
      body = Buffer.isBuffer(opts.body) ? opts.body : Buffer.from(opts.body);
      headers['Content-Type'] ??= 'application/octet-stream';
    }
    const verb = opts.verb ?? (body ? 'POST' : 'GET');
    const qs = query.toString();
    const path = opts.path ?? `/${method}${qs ? `?${qs}` : ''}`;
    if (body) headers['Content-Length'] = String(body.length);
    return new Promise((resolve, reject) => {
      const req = httpRequest(this.url + path, { method: verb, headers, agent: opts.agent }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const buf = Buffer.concat(chunks);
          const text = buf.toString('utf8');
          let json: Json = undefined;
          if (String(res.headers['content-type'] ?? '').startsWith('application/json')) {
            try {
              json = parseJson(text);
            } catch {
              /* content served as JSON that is not JSON */
            }
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: buf, text, json });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  /** Calls a method and returns its parsed JSON reply (errors included: check `result`). */
  async call(method: string, params: Params = {}, opts: CallOptions = {}): Promise<Json> {
    const r = await this.send(method, params, opts);
    if (r.json === undefined) throw new Error(`${method}: not JSON (HTTP ${r.status}): ${r.text.slice(0, 200)}`);
    return r.json;
  }

  /** Starts a request whose body the test writes itself (slow or broken uploads). */
  open(method: string, params: Params, opts: { verb?: string; headers?: Record<string, string>; agent?: Agent } = {}): { req: ClientRequest; reply: Promise<RawReply> } {
    const qs = encodeParams(params).toString();
    const req = httpRequest(`${this.url}/${method}?${qs}`, { method: opts.verb ?? 'PUT', headers: opts.headers, agent: opts.agent });
    const reply = new Promise<RawReply>((resolve, reject) => {
      req.on('response', (res: IncomingMessage) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          const text = body.toString('utf8');
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body, text, json: text.startsWith('{') ? parseJson(text) : undefined });
        });
      });
      req.on('error', reject);
    });
    return { req, reply };
  }

  /** Fetches a content link (`hosts[0]` + `path`) from a getfilelink-style reply. */
  fetchLink(link: { hosts: string[]; path: string }, opts: { verb?: 'GET' | 'HEAD'; headers?: Record<string, string> } = {}): Promise<RawReply> {
    return this.send('', {}, { path: link.path, verb: opts.verb ?? 'GET', headers: opts.headers });
  }

  /** Mails the emulator "sent" (outbox files), oldest first. */
  async mails(to?: string): Promise<{ to: string; subject: string; body: string }[]> {
    const dir = join(this.dataDir, 'outbox');
    let names: string[];
    try {
      names = (await readdir(dir)).sort();
    } catch {
      return [];
    }
    const out = [];
    for (const n of names) {
      const text = await readFile(join(dir, n), 'utf8');
      const [head, ...rest] = text.split('\n\n');
      const mail = {
        to: /^To: (.*)$/m.exec(head)?.[1] ?? '',
        subject: /^Subject: (.*)$/m.exec(head)?.[1] ?? '',
        body: rest.join('\n\n'),
      };
      if (!to || mail.to === to) out.push(mail);
    }
    return out;
  }

  /** The code in the newest mail to `to` ("…code: <hex>" or "?code=<hex>"). */
  async lastCode(to: string): Promise<string> {
    const mails = await this.mails(to);
    const last = mails[mails.length - 1];
    const m = last && /code[:=]\s*([0-9a-f]+)/i.exec(last.body);
    if (!m) throw new Error(`no code mailed to ${to}`);
    return m[1];
  }
}

export class TestUser {
  constructor(
    readonly srv: TestServer,
    readonly row: UserRow,
    readonly email: string,
    readonly password: string,
    /** OAuth access token for the bundled app. */
    readonly token: string,
  ) {}

  get id(): number {
    return this.row.id;
  }

  /** Calls as this user with the OAuth token (unless opts carries other credentials). */
  call(method: string, params: Params = {}, opts: CallOptions = {}): Promise<Json> {
    return this.srv.call(method, params, this.creds(opts));
  }

  send(method: string, params: Params = {}, opts: CallOptions = {}): Promise<RawReply> {
    return this.srv.send(method, params, this.creds(opts));
  }

  private creds(opts: CallOptions): CallOptions {
    if (opts.token || opts.auth || opts.bearer) return opts;
    return { ...opts, token: this.token };
  }

  /** A password-login session token (`auth`), as userinfo?getauth=1 would mint. */
  authToken(): string {
    return issueToken({ st: this.srv.emu.st }, this.row, 'auth', { device: 'test' }).token;
  }

  /** Uploads one file by raw PUT; returns its metadata. */
  async upload(name: string, data: Buffer | string, params: Params = {}): Promise<Json> {
    const r = await this.call('uploadfile', { folderid: 0, filename: name, nopartial: 1, ...params }, { verb: 'PUT', body: data });
    if (r.result !== 0) throw new Error(`upload ${name}: ${r.result} ${r.error}`);
    return r.metadata[0];
  }

  async mkdir(name: string, parent = 0): Promise<Json> {
    const r = await this.call('createfolder', { folderid: parent, name });
    if (r.result !== 0) throw new Error(`createfolder ${name}: ${r.result} ${r.error}`);
    return r.metadata;
  }

  /** Names in a folder listing. */
  async names(folderid = 0): Promise<string[]> {
    const r = await this.call('listfolder', { folderid });
    return (r.metadata.contents as { name: string }[]).map((c) => c.name);
  }
}

/** A keep-alive agent with a single socket: every request rides the same TCP connection. */
export function connection(): Agent {
  return new Agent({ keepAlive: true, maxSockets: 1 });
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
