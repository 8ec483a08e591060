import { parseArgs } from 'node:util';
import { promises as fsp } from 'node:fs';
import { resolve } from 'node:path';
import { Emulator } from './server';
import { FAITHFUL, PERMISSIVE, type Quirks } from './config';
import { Storage } from './store/storage';
import { createUser } from './store/ops';
import { issueOAuthToken, BUNDLED_APP, findApp, ensureBundledApp } from './domain/oauth';
import { seedDemo, DEMO_USERS } from './seed';
import { serveApp } from './appserver';
import { checkMediaTools, ffmpegAvailable } from './media/ffmpeg-path';
import { fsck } from './fsck';
import { currentCodeIn, enableTfa } from './tfa';

const USAGE = `pCloud emulator

  serve [--host 127.0.0.1] [--port N] [--data DIR] [--demo] [--tls-cert F --tls-key F]
        [--app DIR --app-port N] [--permissive] [--quirk NAME=on|off|N ...]
        [--public-url URL]        base of links in mails (default: the listening address)
                                  ports: --port / $PORT (default 8787), --app-port / $APP_PORT
                                  (default 5173); a busy default port moves to the next free one,
                                  a busy port you chose is an error; 0 means any free port
  user add EMAIL PASSWORD [--quota BYTES] [--tfa] [--data DIR]
                                  BYTES: a whole number, or with K, M, G or T (powers of 1024);
                                  without --quota the account gets the default 10G; --tfa turns
                                  on two-factor sign-in and prints the authenticator secret and
                                  the recovery codes
  tfa-code EMAIL [--data DIR]     print the account's current two-factor code (what an
                                  authenticator app would show)
  token EMAIL [--data DIR]        print an OAuth access token for the bundled web app
  seed --demo [--data DIR]        create the demo accounts and their files
  fsck [--data DIR]               re-hash every blob; mismatches move to DIR/quarantine, rows
                                  without a blob are listed; exit status 1 when anything is wrong

Quirks (faithful defaults): ${Object.keys(FAITHFUL).join(', ')}`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string' },
    data: { type: 'string', default: '.data' },
    demo: { type: 'boolean', default: false },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    app: { type: 'string' },
    'app-port': { type: 'string' },
    permissive: { type: 'boolean', default: false },
    quirk: { type: 'string', multiple: true, default: [] },
    quota: { type: 'string' },
    tfa: { type: 'boolean', default: false },
    'public-url': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

function quirks(): Partial<Quirks> {
  const q: Partial<Quirks> = values.permissive ? { ...PERMISSIVE } : {};
  for (const spec of values.quirk ?? []) {
    const [name, v] = spec.split('=');
    if (!(name in FAITHFUL)) throw new Error(`unknown quirk ${name}`);
    const key = name as keyof Quirks;
    if (typeof FAITHFUL[key] === 'number') {
      // numeric quirks (tokenLifetime=60, rateLimit=20): 0 or off turns them off
      const n = v === 'off' ? 0 : Number(v);
      if (!Number.isSafeInteger(n) || n < 0) throw new Error(`quirk ${name} takes a whole number, e.g. ${name}=10`);
      Object.assign(q, { [key]: n });
    } else Object.assign(q, { [key]: v !== 'off' && v !== '0' && v !== 'false' });
  }
  return q;
}

/** `--quota`: bytes as a whole number, or with a K/M/G/T suffix (powers of 1024, "10G", "1.5T"). */
function parseQuota(spec: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([KMGT]?)(?:i?B)?\s*$/i.exec(spec);
  const bytes = m ? Math.floor(Number(m[1]) * 1024 ** ' KMGT'.indexOf((m[2] || ' ').toUpperCase())) : NaN;
  if (!Number.isSafeInteger(bytes)) throw new Error(`bad --quota ${spec}: give bytes, e.g. 1073741824 or 1G`);
  return bytes;
}

interface PortChoice {
  port: number;
  /** Where it came from ("--port", "PORT"), or undefined for the default. */
  from?: string;
}

/** A port from its flag, else its environment variable, else the default. */
function portChoice(flag: 'port' | 'app-port', envName: string, fallback: number): PortChoice {
  const env = process.env[envName]?.trim();
  const [spec, from] = values[flag] !== undefined ? [values[flag], `--${flag}`] : env ? [env, envName] : [];
  if (spec === undefined || from === undefined) return { port: fallback };
  const port = Number(spec);
  if (!/^\d+$/.test(spec) || port > 65535) throw new Error(`bad ${from} ${spec}: give a port number (0 for any free port)`);
  return { port, from };
}

/**
 * Listens on the chosen port. A busy port that was asked for is an error (the caller meant that
 * one); a busy default port moves on to the next free one and says so.
 */
async function listenOn<T>(what: string, choice: PortChoice, listen: (port: number) => Promise<T>): Promise<T> {
  for (let port = choice.port; ; port++) {
    try {
      const bound = await listen(port);
      if (port !== choice.port) console.log(`${what}: port ${choice.port} is in use; using ${port}`);
      return bound;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
      if (choice.from !== undefined || choice.port === 0) {
        throw new Error(`${what}: port ${port} is in use (from ${choice.from ?? 'the default'}); choose another one, or 0 for any free port`, { cause: err });
      }
      if (port >= choice.port + 20 || port >= 65535) {
        const bound = await listen(0);
        console.log(`${what}: ports ${choice.port}-${port} are in use; using a free one`);
        return bound;
      }
    }
  }
}

async function serve(): Promise<void> {
  const dataDir = resolve(values.data!);
  const apiPort = portChoice('port', 'PORT', 8787);
  const appPort = portChoice('app-port', 'APP_PORT', 5173);
  const emu = await Emulator.create({ dataDir, quirks: quirks(), publicUrl: values['public-url'], log: (l) => console.log(l) });
  const media = await checkMediaTools();
  if (ffmpegAvailable()) console.log(media);
  else console.warn(media);
  if (values.demo) {
    console.log('preparing demo data (first start only)…');
    await seedDemo(emu.st, (l) => console.log(l));
  }
  const tls = values['tls-cert'] && values['tls-key']
    ? { cert: await fsp.readFile(values['tls-cert']), key: await fsp.readFile(values['tls-key']) }
    : undefined;
  const url = await listenOn('emulator', apiPort, (port) => emu.listen(port, values.host, tls));
  console.log(`listening on ${url}`);
  if (values.app) {
    const app = await listenOn('app', appPort, (port) => serveApp(resolve(values.app!), url, port, values.host));
    console.log(`app on ${app.url}`);
    console.log(`\n  Open ${app.url} and sign in with ${DEMO_USERS[0].email} / ${DEMO_USERS[0].password}\n`);
  }
  const stop = () => {
    void emu.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

async function runFsck(): Promise<void> {
  const report = await fsck(resolve(values.data!), { log: (l) => console.log(l) });
  const bad = report.problems.filter((p) => p.kind !== 'stray');
  console.log(`fsck: ${report.checked} blobs checked, ${bad.length} problem(s)`);
  if (bad.length) process.exitCode = 1;
}

async function main(): Promise<void> {
  const [cmd, sub, ...rest] = positionals;
  if (values.help || !cmd) {
    console.log(USAGE);
    return;
  }
  if (cmd === 'serve') return serve();
  if (cmd === 'fsck') return runFsck();
  if (cmd === 'tfa-code' && sub) {
    console.log(currentCodeIn(resolve(values.data!), sub));
    return;
  }
  const quota = values.quota === undefined ? undefined : parseQuota(values.quota);
  const st = await Storage.open(resolve(values.data!));
  try {
    if (cmd === 'user' && sub === 'add' && rest.length === 2) {
      const u = createUser(st, rest[0], rest[1], { quota });
      st.event(u.id, 'reset', {});
      console.log(`user ${u.email} created (userid ${u.id}, quota ${u.quota} bytes)`);
      if (values.tfa) {
        const { secret, recovery } = enableTfa(st, u.id);
        console.log(`two-factor sign-in on; authenticator secret (base32, TOTP SHA-1, 6 digits, 30 s): ${secret}`);
        console.log(`otpauth://totp/pCloud%20emulator:${encodeURIComponent(u.email)}?secret=${secret}&issuer=pCloud%20emulator`);
        console.log(`recovery codes (each works once): ${recovery.join(' ')}`);
      }
    } else if (cmd === 'token' && sub) {
      const user = st.userByEmail(sub);
      if (!user) throw new Error(`no user ${sub}`);
      ensureBundledApp(st, []);
      console.log(issueOAuthToken(st, user, findApp(st, BUNDLED_APP.clientid)!, false).token);
    } else if (cmd === 'seed' && values.demo) {
      await seedDemo(st, (l) => console.log(l));
    } else {
      console.log(USAGE);
      process.exitCode = 2;
    }
  } finally {
    st.close();
  }
}

main().catch((err: unknown) => {
  console.error((err as Error).message);
  process.exit(1);
});
