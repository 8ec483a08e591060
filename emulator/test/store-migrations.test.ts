// The schema is created by the versioned migrations alone, and data dirs of earlier versions — whose
// method modules created their own tables at start-up — still open with their data.
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../store/db';
import { MIGRATIONS } from '../store/schema';
import { TestServer } from '../testing';

const MODULE_TABLES = [
  'sharerequests', 'shares', 'sharepolicies', 'publinks', 'uploadlinks', 'collections', 'collection_items',
  'collection_system_done', 'transfers', 'transfer_files', 'newsletter_subscribers', 'newsletter_codes',
  'tfa_accounts', 'tfa_recovery', 'tfa_pending', 'tfa_trusted',
];

let srv: TestServer | undefined;
afterEach(async () => {
  await srv?.close();
  srv = undefined;
});

describe('store migrations', () => {
  it('create every table without any method module', () => {
    const db = openDb(':memory:');
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name);
    expect(tables).toEqual(expect.arrayContaining(MODULE_TABLES));
    expect(db.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    db.close();
  });

  it('adopt the tables an earlier version created at start-up, data included', async () => {
    srv = await TestServer.start();
    const u = await srv.user();
    const folder = await u.call('createfolder', { folderid: 0, name: 'kept' });
    const link = await u.call('getfolderpublink', { folderid: folder.metadata.folderid });
    expect(link.result).toBe(0);
    // what a data dir of the version before this migration looks like: the tables exist (their modules
    // made them), publinks of the oldest ones lack `collectionid`, and user_version stops before it
    const db = srv.emu.st.db;
    db.exec('ALTER TABLE publinks DROP COLUMN collectionid');
    db.pragma(`user_version = ${MIGRATIONS.length - 1}`);
    await srv.restart();

    const st = srv.emu.st.db;
    expect(st.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    const cols = (st.prepare('PRAGMA table_info(publinks)').all() as { name: string }[]).map((c) => c.name);
    expect(cols).toContain('collectionid');
    const list = await u.call('listpublinks');
    expect(list.publinks.map((l: { code: string }) => l.code)).toEqual([link.code]);
    expect((await srv.call('showpublink', { code: link.code })).result).toBe(0);
  });
});
