import type Database from 'better-sqlite3';

/**
 * A step of the schema: SQL, or a function for what SQL alone cannot say conditionally (adding a
 * column an older data dir may already have).
 */
export type Migration = string | ((db: Database.Database) => void);

// Schema migrations, applied in order; PRAGMA user_version records how many ran. Every table, index
// and trigger of the emulator is created here, never by the modules that use them.
export const MIGRATIONS: readonly [string, ...Migration[]] = [
  `
  CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL UNIQUE COLLATE NOCASE,
    password TEXT NOT NULL,         -- scrypt hash
    plain TEXT NOT NULL,            -- legacy: the clear password of old data dirs; emptied since migration 2
    created INTEGER NOT NULL,
    quota INTEGER NOT NULL,
    language TEXT NOT NULL DEFAULT 'en',
    emailverified INTEGER NOT NULL DEFAULT 1,
    premium INTEGER NOT NULL DEFAULT 0,
    locationid INTEGER NOT NULL DEFAULT 1,
    rootfolder INTEGER NOT NULL DEFAULT 0,
    acceptsshares INTEGER NOT NULL DEFAULT 1,
    deactivated INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE tokens (
    id INTEGER PRIMARY KEY,
    userid INTEGER NOT NULL REFERENCES users(id),
    token TEXT NOT NULL UNIQUE,
    kind TEXT NOT NULL,            -- 'auth' (password login) or 'oauth'
    clientid TEXT,
    device TEXT NOT NULL DEFAULT '',
    created INTEGER NOT NULL,
    expires INTEGER NOT NULL,
    inactiveexpire INTEGER NOT NULL,
    lastused INTEGER NOT NULL,
    revoked INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX tokens_user ON tokens(userid);
  CREATE TABLE apps (
    clientid TEXT PRIMARY KEY,
    secret TEXT NOT NULL,
    name TEXT NOT NULL,
    redirecturis TEXT NOT NULL,     -- JSON array
    loopbackany INTEGER NOT NULL DEFAULT 0
  );
  CREATE TABLE oauthcodes (
    code TEXT PRIMARY KEY,
    clientid TEXT NOT NULL,
    userid INTEGER NOT NULL,
    redirecturi TEXT,
    expires INTEGER NOT NULL
  );
  CREATE TABLE blobs (
    key TEXT PRIMARY KEY,          -- sha256 hex: the file name in the blob store
    size INTEGER NOT NULL,
    sha1 TEXT NOT NULL,
    md5 TEXT NOT NULL,
    hash TEXT NOT NULL,            -- uint64 decimal
    media TEXT                     -- JSON: probed width/height/duration/codecs
  );
  CREATE TABLE folders (
    id INTEGER PRIMARY KEY,
    owner INTEGER NOT NULL REFERENCES users(id),
    parent INTEGER,
    name TEXT NOT NULL,
    created INTEGER NOT NULL,
    modified INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,   -- 0 live, 1 trashed itself, 2 inside a trashed folder
    origparent INTEGER,
    deletedat INTEGER
  );
  CREATE INDEX folders_parent ON folders(parent, deleted);
  CREATE UNIQUE INDEX folders_name ON folders(parent, name) WHERE deleted = 0;
  CREATE TABLE files (
    id INTEGER PRIMARY KEY,
    owner INTEGER NOT NULL REFERENCES users(id),
    parent INTEGER NOT NULL,
    name TEXT NOT NULL,
    blob TEXT NOT NULL REFERENCES blobs(key),
    size INTEGER NOT NULL,
    created INTEGER NOT NULL,
    modified INTEGER NOT NULL,
    deleted INTEGER NOT NULL DEFAULT 0,
    origparent INTEGER,
    deletedat INTEGER
  );
  CREATE INDEX files_parent ON files(parent, deleted);
  CREATE INDEX files_owner ON files(owner);
  CREATE UNIQUE INDEX files_name ON files(parent, name) WHERE deleted = 0;
  CREATE TABLE revisions (
    id INTEGER PRIMARY KEY,
    fileid INTEGER NOT NULL,
    blob TEXT NOT NULL REFERENCES blobs(key),
    size INTEGER NOT NULL,
    created INTEGER NOT NULL
  );
  CREATE INDEX revisions_file ON revisions(fileid);
  CREATE TABLE events (
    diffid INTEGER PRIMARY KEY AUTOINCREMENT,
    userid INTEGER NOT NULL,
    event TEXT NOT NULL,
    time INTEGER NOT NULL,
    fileid INTEGER,
    body TEXT NOT NULL              -- JSON of the event's payload (metadata/share/userinfo)
  );
  CREATE INDEX events_user ON events(userid, diffid);
  CREATE INDEX events_file ON events(fileid);
  CREATE TABLE uploads (
    id INTEGER PRIMARY KEY,
    userid INTEGER NOT NULL,
    size INTEGER NOT NULL DEFAULT 0,
    filesize INTEGER,
    created INTEGER NOT NULL
  );
  CREATE TABLE codes (
    code TEXT PRIMARY KEY,
    kind TEXT NOT NULL,             -- verifyemail, resetpassword, changemail, deactivate
    userid INTEGER NOT NULL,
    data TEXT,
    expires INTEGER NOT NULL
  );
  CREATE TABLE invites (
    id INTEGER PRIMARY KEY,
    userid INTEGER NOT NULL,
    email TEXT NOT NULL,
    created INTEGER NOT NULL
  );
  `,
  // Passwords: `plain` is emptied by Storage.open (it seals each one under the data dir's key first);
  // `sealed` keeps what the digest and md5 logins need (see store/passwords.ts).
  `ALTER TABLE users ADD COLUMN sealed TEXT;`,
  // Search (emulator/methods/search.ts): every live-or-trashed file and non-root folder once, kept by
  // triggers, with a trigram index over names (case- and accent-folding substrings) and the lower-cased
  // extension the categories are derived from. Keys: a file's id, minus a folder's id.
  `
  CREATE TABLE search_items (
    key INTEGER PRIMARY KEY,
    owner INTEGER NOT NULL,
    name TEXT NOT NULL,
    ext TEXT NOT NULL,
    modified INTEGER NOT NULL,
    deleted INTEGER NOT NULL
  );
  CREATE INDEX search_items_recent ON search_items(owner, modified) WHERE deleted = 0;
  CREATE INDEX search_items_ext ON search_items(owner, ext, modified) WHERE deleted = 0;
  CREATE VIRTUAL TABLE search_names USING fts5(name, content='search_items', content_rowid='key', tokenize='trigram remove_diacritics 1');
  CREATE TRIGGER search_names_ai AFTER INSERT ON search_items BEGIN
    INSERT INTO search_names(rowid, name) VALUES (new.key, new.name);
  END;
  CREATE TRIGGER search_names_ad AFTER DELETE ON search_items BEGIN
    INSERT INTO search_names(search_names, rowid, name) VALUES ('delete', old.key, old.name);
  END;
  CREATE TRIGGER search_names_au AFTER UPDATE OF name ON search_items WHEN old.name IS NOT new.name BEGIN
    INSERT INTO search_names(search_names, rowid, name) VALUES ('delete', old.key, old.name);
    INSERT INTO search_names(rowid, name) VALUES (new.key, new.name);
  END;
  CREATE TRIGGER search_files_ai AFTER INSERT ON files BEGIN
    INSERT INTO search_items VALUES (new.id, new.owner, new.name,
      CASE WHEN length(rtrim(new.name, replace(new.name, '.', ''))) > 1
        THEN lower(substr(new.name, length(rtrim(new.name, replace(new.name, '.', ''))) + 1)) ELSE '' END,
      new.modified, new.deleted);
  END;
  CREATE TRIGGER search_files_au AFTER UPDATE ON files BEGIN
    UPDATE search_items SET owner = new.owner, name = new.name,
      ext = CASE WHEN length(rtrim(new.name, replace(new.name, '.', ''))) > 1
        THEN lower(substr(new.name, length(rtrim(new.name, replace(new.name, '.', ''))) + 1)) ELSE '' END,
      modified = new.modified, deleted = new.deleted
    WHERE key = new.id;
  END;
  CREATE TRIGGER search_files_ad AFTER DELETE ON files BEGIN
    DELETE FROM search_items WHERE key = old.id;
  END;
  CREATE TRIGGER search_folders_ai AFTER INSERT ON folders WHEN new.parent IS NOT NULL BEGIN
    INSERT INTO search_items VALUES (-new.id, new.owner, new.name, '', new.modified, new.deleted);
  END;
  CREATE TRIGGER search_folders_au AFTER UPDATE ON folders BEGIN
    UPDATE search_items SET owner = new.owner, name = new.name, modified = new.modified, deleted = new.deleted
    WHERE key = -new.id;
  END;
  CREATE TRIGGER search_folders_ad AFTER DELETE ON folders BEGIN
    DELETE FROM search_items WHERE key = -old.id;
  END;
  INSERT INTO search_items SELECT id, owner, name,
    CASE WHEN length(rtrim(name, replace(name, '.', ''))) > 1
      THEN lower(substr(name, length(rtrim(name, replace(name, '.', ''))) + 1)) ELSE '' END,
    modified, deleted FROM files;
  INSERT INTO search_items SELECT -id, owner, name, '', modified, deleted FROM folders WHERE parent IS NOT NULL;
  `,
  // Shares, public and upload links, collections, transfers, newsletter and two-factor accounts. Until
  // this migration their modules created them at start-up, so a data dir of an earlier version may hold
  // them already (hence IF NOT EXISTS), and its publinks may predate `collectionid`.
  (db) => {
    db.exec(`
    CREATE TABLE IF NOT EXISTS sharerequests (
      id INTEGER PRIMARY KEY,
      folderid INTEGER NOT NULL,
      owner INTEGER NOT NULL,
      tomail TEXT NOT NULL COLLATE NOCASE,
      name TEXT NOT NULL,
      message TEXT,
      perms INTEGER NOT NULL,
      created INTEGER NOT NULL,
      expires INTEGER NOT NULL,
      code TEXT NOT NULL UNIQUE
    );
    CREATE INDEX IF NOT EXISTS sharerequests_folder ON sharerequests(folderid);
    CREATE INDEX IF NOT EXISTS sharerequests_mail ON sharerequests(tomail);
    CREATE TABLE IF NOT EXISTS shares (
      id INTEGER PRIMARY KEY,
      folderid INTEGER NOT NULL,
      owner INTEGER NOT NULL,
      touserid INTEGER NOT NULL,
      mount INTEGER NOT NULL,          -- the recipient's folder the share appears in (their root)
      name TEXT NOT NULL,
      perms INTEGER NOT NULL,          -- bits: 1 create, 2 modify, 4 delete, 8 manage
      created INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS shares_folder ON shares(folderid);
    CREATE INDEX IF NOT EXISTS shares_to ON shares(touserid);
    CREATE INDEX IF NOT EXISTS shares_mount ON shares(mount);
    CREATE TABLE IF NOT EXISTS sharepolicies (
      userid INTEGER NOT NULL,         -- the recipient
      fromuserid INTEGER NOT NULL,     -- the sender
      policy TEXT NOT NULL,            -- 'block' (declineshare block) or 'always' (acceptshare always)
      PRIMARY KEY (userid, fromuserid)
    );
    CREATE TABLE IF NOT EXISTS publinks (
      id INTEGER PRIMARY KEY,
      owner INTEGER NOT NULL,
      code TEXT NOT NULL UNIQUE,
      shortcode TEXT UNIQUE,
      kind TEXT NOT NULL,              -- file, folder, tree, collection
      fileid INTEGER,
      folderid INTEGER,
      collectionid INTEGER,
      tree TEXT,                       -- JSON {name, fileids, folderids, folderid} of a tree link
      created INTEGER NOT NULL,
      modified INTEGER NOT NULL,
      expire INTEGER,
      maxdownloads INTEGER,
      maxtraffic INTEGER,
      downloads INTEGER NOT NULL DEFAULT 0,
      traffic INTEGER NOT NULL DEFAULT 0,
      password TEXT,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX IF NOT EXISTS publinks_owner ON publinks(owner);
    CREATE TABLE IF NOT EXISTS uploadlinks (
      id INTEGER PRIMARY KEY,
      owner INTEGER NOT NULL,
      folderid INTEGER NOT NULL,
      code TEXT NOT NULL UNIQUE,
      mail TEXT NOT NULL,
      comment TEXT NOT NULL,
      created INTEGER NOT NULL,
      modified INTEGER NOT NULL,
      expire INTEGER,
      maxspace INTEGER,
      maxfiles INTEGER,
      files INTEGER NOT NULL DEFAULT 0,
      space INTEGER NOT NULL DEFAULT 0,
      deleted INTEGER NOT NULL DEFAULT 0
    );
    CREATE INDEX IF NOT EXISTS uploadlinks_owner ON uploadlinks(owner);
    CREATE TABLE IF NOT EXISTS collections (
      id INTEGER PRIMARY KEY,
      userid INTEGER NOT NULL,
      name TEXT NOT NULL,
      type INTEGER NOT NULL DEFAULT 1,
      system INTEGER NOT NULL DEFAULT 0,
      created INTEGER NOT NULL,
      modified INTEGER NOT NULL
    );
    CREATE UNIQUE INDEX IF NOT EXISTS collections_user_name ON collections (userid, name);
    CREATE TABLE IF NOT EXISTS collection_items (
      collectionid INTEGER NOT NULL REFERENCES collections (id) ON DELETE CASCADE,
      fileid INTEGER NOT NULL,
      position INTEGER NOT NULL,
      added INTEGER NOT NULL,
      PRIMARY KEY (collectionid, fileid)
    );
    CREATE TABLE IF NOT EXISTS collection_system_done (userid INTEGER PRIMARY KEY);
    CREATE TABLE IF NOT EXISTS transfers (
      id INTEGER PRIMARY KEY,
      sender TEXT NOT NULL,
      receivers TEXT NOT NULL,
      message TEXT NOT NULL,
      created INTEGER NOT NULL,
      expires INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS transfer_files (
      transferid INTEGER NOT NULL REFERENCES transfers (id) ON DELETE CASCADE,
      idx INTEGER NOT NULL,
      name TEXT NOT NULL,
      size INTEGER NOT NULL,
      PRIMARY KEY (transferid, idx)
    );
    CREATE TABLE IF NOT EXISTS newsletter_subscribers (
      email TEXT PRIMARY KEY,
      subscribed INTEGER NOT NULL DEFAULT 0,
      verified INTEGER NOT NULL DEFAULT 0,
      modified INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS newsletter_codes (
      code TEXT PRIMARY KEY,
      email TEXT NOT NULL,
      kind TEXT NOT NULL,
      used INTEGER NOT NULL DEFAULT 0,
      created INTEGER NOT NULL
    );
    CREATE TABLE IF NOT EXISTS tfa_accounts (userid INTEGER PRIMARY KEY, sealed TEXT NOT NULL, tfatype INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS tfa_recovery (userid INTEGER NOT NULL, hash TEXT NOT NULL, PRIMARY KEY (userid, hash));
    CREATE TABLE IF NOT EXISTS tfa_pending (token TEXT PRIMARY KEY, userid INTEGER NOT NULL, expires INTEGER NOT NULL, device TEXT NOT NULL, deviceid TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS tfa_trusted (userid INTEGER NOT NULL, deviceid TEXT NOT NULL, expires INTEGER NOT NULL, PRIMARY KEY (userid, deviceid));
    `);
    const cols = db.prepare('PRAGMA table_info(publinks)').all() as { name: string }[];
    if (!cols.some((c) => c.name === 'collectionid')) db.exec('ALTER TABLE publinks ADD COLUMN collectionid INTEGER');
  },
];
