import { parseArgs } from 'node:util';
import { promises as fsp } from 'node:fs';
import { resolve } from 'node:path';
import { Emulator } from './server';
import { FAITHFUL, PERMISSIVE, type Quirks } from './config';
import { Storage } from './store/storage';
import { createUser } from './store/ops';
import { issueOAuthToken, BUNDLED_APP, findApp, ensureBundledApp } from './methods/oauth';
import { seedDemo, DEMO_USERS } from './seed';
import { serveApp } from './appserver';
import { fsck } from './fsck';

const USAGE = `pCloud emulator

  serve [--host 127.0.0.1] [--port 0] [--data DIR] [--demo] [--tls-cert F --tls-key F]
        [--app DIR --app-port N] [--permissive] [--quirk NAME=on|off ...]
        [--public-url URL]        base of links in mails (default: the listening address)
  user add EMAIL PASSWORD [--quota BYTES] [--data DIR]
                                  BYTES: a whole number, or with K, M, G or T (powers of 1024);
                                  without --quota the account gets the default 10G
  token EMAIL [--data DIR]        print an OAuth access token for the bundled web app
  seed --demo [--data DIR]        create the demo accounts and their files
  fsck [--data DIR]               re-hash every blob; mismatches move to DIR/quarantine, rows
                                  without a blob are listed; exit status 1 when anything is wrong

Quirks (faithful defaults): ${Object.keys(FAITHFUL).join(', ')}`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    host: { type: 'string', default: '127.0.0.1' },
    port: { type: 'string', default: '0' },
    data: { type: 'string', default: '.data' },
    demo: { type: 'boolean', default: false },
    'tls-cert': { type: 'string' },
    'tls-key': { type: 'string' },
    app: { type: 'string' },
    'app-port': { type: 'string', default: '0' },
    permissive: { type: 'boolean', default: false },
    quirk: { type: 'string', multiple: true, default: [] },
    quota: { type: 'string' },
    'public-url': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});

function quirks(): Partial<Quirks> {
  const q: Partial<Quirks> = values.permissive ? { ...PERMISSIVE } : {};
  for (const spec of values.quirk ?? []) {
    const [name, v] = spec.split('=');
    if (!(name in FAITHFUL)) throw new Error(`unknown quirk ${name}`);
    q[name as keyof Quirks] = v !== 'off' && v !== '0' && v !== 'false';
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

async function listenWithFallback(emu: Emulator, port: number, tls?: { cert: Buffer; key: Buffer }): Promise<string> {
  try {
    return await emu.listen(port, values.host, tls);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE' || port === 0) throw err;
    console.error(`port ${port} is busy; picking a free one`);
    return emu.listen(0, values.host, tls);
  }
}

async function serve(): Promise<void> {
  const dataDir = resolve(values.data!);
  const emu = await Emulator.create({ dataDir, quirks: quirks(), publicUrl: values['public-url'], log: (l) => console.log(l) });
  if (values.demo) {
    console.log('preparing demo data (first start only)…');
    await seedDemo(emu.st, (l) => console.log(l));
  }
  const tls = values['tls-cert'] && values['tls-key']
    ? { cert: await fsp.readFile(values['tls-cert']), key: await fsp.readFile(values['tls-key']) }
    : undefined;
  const url = await listenWithFallback(emu, Number(values.port), tls);
  console.log(`listening on ${url}`);
  if (values.app) {
    let app;
    try {
      app = await serveApp(resolve(values.app), url, Number(values['app-port']), values.host);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw err;
      app = await serveApp(resolve(values.app), url, 0, values.host);
    }
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
  const quota = values.quota === undefined ? undefined : parseQuota(values.quota);
  const st = await Storage.open(resolve(values.data!));
  try {
    if (cmd === 'user' && sub === 'add' && rest.length === 2) {
      const u = createUser(st, rest[0], rest[1], { quota });
      st.event(u.id, 'reset', {});
      console.log(`user ${u.email} created (userid ${u.id}, quota ${u.quota} bytes)`);
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
