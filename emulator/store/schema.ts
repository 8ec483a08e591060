// Schema migrations, applied in order; PRAGMA user_version records how many ran.
export const MIGRATIONS: string[] = [
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
];
