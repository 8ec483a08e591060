import busboy from 'busboy';
import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import { BodyEnded } from '../store/blobs';

export interface IncomingFile {
  name: string;
  stream: Readable;
}

/** Files of an upload request, read one after the other (multipart parts, or one raw body). */
export interface FileSource {
  next(): Promise<IncomingFile | null>;
  /** Fields that arrived after the first file part (honoured too; docs/pcloud/protocol.md §1.1). */
  lateFields: Map<string, string>;
}

export interface ParsedBody {
  fields: Map<string, string>;
  files: FileSource | null;
}

const FORM_LIMIT = 16 * 1024 * 1024;

function readAll(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
    // a connection cut mid-body (idle timeout, client gone) must settle the parse, not leave it pending
    req.on('close', () => {
      if (!req.readableEnded) reject(new Error('body cut off'));
    });
  });
}

function isForm(type: string): boolean {
  return type.startsWith('application/x-www-form-urlencoded');
}

/**
 * Reads the request body. For upload methods the files are not buffered: we return as soon as the
 * first file part starts (parameters come before files), and the handler streams each file.
 */
export async function parseBody(req: IncomingMessage, upload: boolean): Promise<ParsedBody> {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  const method = req.method ?? 'GET';
  if (method === 'GET' || method === 'HEAD' || method === 'OPTIONS') return { fields: new Map(), files: null };
  if (type.startsWith('multipart/form-data')) return parseMultipart(req, upload);
  if (isForm(type)) {
    const buf = await readAll(req, FORM_LIMIT);
    return { fields: new Map(new URLSearchParams(buf.toString('utf8'))), files: null };
  }
  if (upload) {
    // raw body upload (PUT, or POST octet-stream as SDK-swift does): one file, named by `filename`
    let used = false;
    const source: FileSource = {
      lateFields: new Map(),
      next: async () => {
        if (used) return null;
        used = true;
        return { name: '', stream: req };
      },
    };
    return { fields: new Map(), files: source };
  }
  req.resume();
  return { fields: new Map(), files: null };
}

function parseMultipart(req: IncomingMessage, upload: boolean): Promise<ParsedBody> {
  return new Promise((resolve, reject) => {
    const fields = new Map<string, string>();
    const late = new Map<string, string>();
    const queue: (IncomingFile | null)[] = [];
    const waiters: ((f: IncomingFile | null) => void)[] = [];
    let settled = false;
    let ended = false;
    let failure: Error | null = null;
    let bb: busboy.Busboy;
    try {
      // preservePath: the part's filename is taken whole, so `a/b.txt` is refused (2001) rather than
      // silently stored as `b.txt`
      bb = busboy({ headers: req.headers, defParamCharset: 'utf8', preservePath: true, limits: { fieldSize: FORM_LIMIT } });
    } catch (e) {
      reject(e as Error);
      return;
    }
    const source: FileSource = {
      lateFields: late,
      next: () => {
        if (failure) return Promise.reject(failure);
        if (ended) return Promise.resolve(null);
        const f = queue.shift();
        if (f === null) ended = true;
        if (f !== undefined) return Promise.resolve(f);
        return new Promise((res) =>
          waiters.push((x) => {
            if (x === null) ended = true;
            res(x);
          }),
        );
      },
    };
    const push = (f: IncomingFile | null) => {
      const w = waiters.shift();
      if (w) w(f);
      else queue.push(f);
    };
    const settle = () => {
      if (settled) return;
      settled = true;
      resolve({ fields, files: upload ? source : null });
    };
    bb.on('field', (name, value) => {
      (settled ? late : fields).set(name, value);
    });
    bb.on('file', (_name, stream, info) => {
      if (!upload) {
        stream.resume();
        return;
      }
      push({ name: info.filename ?? '', stream });
      settle();
    });
    bb.on('close', () => {
      push(null);
      settle();
    });
    bb.on('error', (err: Error) => {
      failure = new BodyEnded(err.message); // e.g. "Unexpected end of form": the body was cut short
      while (waiters.length) waiters.shift()!(null);
      if (!settled) reject(err);
    });
    req.on('aborted', () => {
      failure = new BodyEnded('aborted');
      push(null);
    });
    req.pipe(bb);
  });
}

export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const part of header.split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    try {
      out.set(part.slice(0, i).trim(), decodeURIComponent(part.slice(i + 1).trim()));
    } catch {
      /* a malformed cookie is ignored, as browsers do */
    }
  }
  return out;
}
