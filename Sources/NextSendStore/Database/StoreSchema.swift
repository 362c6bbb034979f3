import GRDB

/// The database schema, as named migrations.
///
/// A shipped migration never changes: a new need gets a new migration. Migrations use plain SQL
/// and no app types, so they read the same in every later version.
enum StoreSchema {
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()

        migrator.registerMigration("v1-catalog") { db in
            try db.execute(sql: """
                CREATE TABLE taxonomy (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    json TEXT NOT NULL,
                    source TEXT NOT NULL
                );
                CREATE TABLE asset (
                    id TEXT PRIMARY KEY NOT NULL,
                    title TEXT NOT NULL,
                    summary TEXT,
                    url TEXT,
                    format TEXT NOT NULL,
                    shareable INTEGER NOT NULL DEFAULT 0,
                    channel TEXT NOT NULL,
                    minutes INTEGER,
                    published TEXT,
                    reviewBy TEXT,
                    owner TEXT,
                    status TEXT NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
                    body TEXT NOT NULL,
                    path TEXT
                );
                CREATE TABLE assetJob (
                    assetId TEXT NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
                    job TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (assetId, job)
                );
                CREATE INDEX assetJob_job ON assetJob(job);
                CREATE TABLE assetRole (
                    assetId TEXT NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
                    role TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (assetId, role)
                );
                CREATE INDEX assetRole_role ON assetRole(role);
                CREATE TABLE assetTopic (
                    assetId TEXT NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
                    topic TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (assetId, topic)
                );
                CREATE INDEX assetTopic_topic ON assetTopic(topic);
                CREATE TABLE assetIndustry (
                    assetId TEXT NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
                    industry TEXT NOT NULL,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (assetId, industry)
                );
                CREATE TABLE assetResolve (
                    assetId TEXT NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL,
                    topic TEXT NOT NULL,
                    PRIMARY KEY (assetId, ordinal)
                );
                CREATE INDEX assetResolve_topic ON assetResolve(topic);
                CREATE TABLE assetResolvePosition (
                    assetId TEXT NOT NULL,
                    ordinal INTEGER NOT NULL,
                    position TEXT NOT NULL,
                    PRIMARY KEY (assetId, ordinal, position),
                    FOREIGN KEY (assetId, ordinal) REFERENCES assetResolve(assetId, ordinal) ON DELETE CASCADE
                );
                CREATE VIRTUAL TABLE assetSearch USING fts5(
                    id UNINDEXED, title, summary, body,
                    tokenize = 'porter unicode61'
                );
                """)
        }
        migrator.registerMigration("v2-groups") { db in
            try db.execute(sql: """
                CREATE TABLE buyingGroup (
                    id TEXT PRIMARY KEY NOT NULL,
                    account TEXT NOT NULL,
                    owner TEXT NOT NULL,
                    industry TEXT,
                    source TEXT
                );
                CREATE INDEX buyingGroup_owner ON buyingGroup(owner);
                CREATE TABLE stakeholder (
                    groupId TEXT NOT NULL REFERENCES buyingGroup(id) ON DELETE CASCADE,
                    id TEXT NOT NULL,
                    name TEXT NOT NULL,
                    role TEXT NOT NULL,
                    influence TEXT NOT NULL,
                    title TEXT,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (groupId, id)
                );
                -- History tables are append-only: a new claim, event or touch never overwrites an old one.
                CREATE TABLE claim (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    groupId TEXT NOT NULL REFERENCES buyingGroup(id) ON DELETE CASCADE,
                    stakeholderId TEXT NOT NULL,
                    topic TEXT NOT NULL,
                    position TEXT,
                    value REAL,
                    source TEXT,
                    date TEXT NOT NULL,
                    CHECK ((position IS NULL) != (value IS NULL))
                );
                CREATE INDEX claim_group ON claim(groupId, seq);
                CREATE TABLE jobEvent (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    groupId TEXT NOT NULL REFERENCES buyingGroup(id) ON DELETE CASCADE,
                    job TEXT NOT NULL,
                    type TEXT NOT NULL CHECK (type IN ('started', 'progressed', 'completed', 'reopened')),
                    date TEXT NOT NULL,
                    note TEXT
                );
                CREATE INDEX jobEvent_group ON jobEvent(groupId, seq);
                CREATE TABLE touch (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    groupId TEXT NOT NULL REFERENCES buyingGroup(id) ON DELETE CASCADE,
                    assetId TEXT NOT NULL,
                    recipients TEXT NOT NULL,
                    date TEXT NOT NULL,
                    channel TEXT,
                    consumed INTEGER NOT NULL DEFAULT 0
                );
                CREATE INDEX touch_group ON touch(groupId, seq);
                CREATE INDEX touch_asset ON touch(assetId, date);
                """)
        }
        migrator.registerMigration("v3-digest") { db in
            try db.execute(sql: """
                -- Bumped by every change to the catalog or the groups, so a resumed digest run can
                -- tell whether the data it already wrote from is still the data of the store.
                CREATE TABLE storeVersion (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    version INTEGER NOT NULL
                );
                INSERT INTO storeVersion (id, version) VALUES (1, 0);
                -- One row per digest file set written: a killed run resumes where it stopped.
                CREATE TABLE digestLedger (
                    week TEXT NOT NULL,
                    outDir TEXT NOT NULL,
                    item TEXT NOT NULL,
                    storeVersion INTEGER NOT NULL,
                    formats TEXT NOT NULL,
                    PRIMARY KEY (week, outDir, item)
                );
                """)
        }
        migrator.registerMigration("v4-history") { db in
            try db.execute(sql: """
                -- Every fact knows where it came from: 'file:<absolute path>', a CRM record
                -- ('salesforce:<Id>', 'hubspot:<Record ID>'), or 'recorded' (the CLI, the service),
                -- and, when recorded, who recorded it. A re-import replaces only its own source's facts.
                -- A recorded fact is never deleted by a later command: it can be retracted, which
                -- keeps it in the history and stops it counting.
                ALTER TABLE buyingGroup ADD COLUMN origin TEXT;
                ALTER TABLE buyingGroup ADD COLUMN status TEXT NOT NULL DEFAULT 'open';
                ALTER TABLE buyingGroup ADD COLUMN statusDate TEXT;
                ALTER TABLE buyingGroup ADD COLUMN statusBy TEXT;
                UPDATE buyingGroup SET origin = CASE WHEN source IS NULL THEN 'recorded'
                    ELSE 'file:' || rtrim(rtrim(source, '0123456789'), ':') END;
                CREATE INDEX buyingGroup_status ON buyingGroup(status, owner);

                ALTER TABLE stakeholder ADD COLUMN origin TEXT NOT NULL DEFAULT 'recorded';
                ALTER TABLE stakeholder ADD COLUMN recordedBy TEXT;
                ALTER TABLE stakeholder ADD COLUMN retractedBy TEXT;
                ALTER TABLE claim ADD COLUMN origin TEXT NOT NULL DEFAULT 'recorded';
                ALTER TABLE claim ADD COLUMN recordedBy TEXT;
                ALTER TABLE claim ADD COLUMN retractedBy TEXT;
                ALTER TABLE jobEvent ADD COLUMN origin TEXT NOT NULL DEFAULT 'recorded';
                ALTER TABLE jobEvent ADD COLUMN recordedBy TEXT;
                ALTER TABLE jobEvent ADD COLUMN retractedBy TEXT;
                -- Rows written before origins existed came with their group's file (imports replaced
                -- whole groups, so nothing distinguishes a fact the CLI added later).
                UPDATE stakeholder SET origin = (SELECT origin FROM buyingGroup g WHERE g.id = stakeholder.groupId);
                UPDATE claim SET origin = (SELECT origin FROM buyingGroup g WHERE g.id = claim.groupId);
                UPDATE jobEvent SET origin = (SELECT origin FROM buyingGroup g WHERE g.id = jobEvent.groupId);

                -- A send is one row per recipient: the same asset to the same person on the same day,
                -- from one source, is one fact however often it is reported.
                CREATE TABLE send (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    groupId TEXT NOT NULL REFERENCES buyingGroup(id) ON DELETE CASCADE,
                    assetId TEXT NOT NULL,
                    stakeholderId TEXT NOT NULL,
                    date TEXT NOT NULL,
                    channel TEXT,
                    consumed INTEGER NOT NULL DEFAULT 0,
                    -- Who reported it consumed after the fact ('nextsend consumed'); a re-import keeps that.
                    consumedBy TEXT,
                    origin TEXT NOT NULL,
                    recordedBy TEXT,
                    retractedBy TEXT,
                    UNIQUE (groupId, origin, assetId, date, stakeholderId)
                );
                INSERT OR IGNORE INTO send (groupId, assetId, stakeholderId, date, channel, consumed, origin)
                    SELECT t.groupId, t.assetId, r.value, t.date, t.channel, t.consumed,
                           (SELECT origin FROM buyingGroup g WHERE g.id = t.groupId)
                    FROM touch t, json_each('["' || replace(t.recipients, ',', '","') || '"]') r
                    ORDER BY t.seq;
                CREATE INDEX send_group ON send(groupId, seq);
                CREATE INDEX send_asset ON send(assetId, date);
                DROP TABLE touch;

                CREATE INDEX stakeholder_origin ON stakeholder(groupId, origin);
                CREATE INDEX claim_origin ON claim(groupId, origin);
                CREATE INDEX jobEvent_origin ON jobEvent(groupId, origin);
                """)
        }
        migrator.registerMigration("v5-dismissals") { db in
            try db.execute(sql: """
                -- A rep's "no" to a pick: the asset stays out of the group's picks for a while.
                CREATE TABLE dismissal (
                    seq INTEGER PRIMARY KEY AUTOINCREMENT,
                    groupId TEXT NOT NULL REFERENCES buyingGroup(id) ON DELETE CASCADE,
                    assetId TEXT NOT NULL,
                    date TEXT NOT NULL,
                    reason TEXT,
                    origin TEXT NOT NULL,
                    recordedBy TEXT,
                    retractedBy TEXT
                );
                CREATE INDEX dismissal_group ON dismissal(groupId, seq);
                CREATE INDEX dismissal_asset ON dismissal(assetId, date);
                """)
        }
        migrator.registerMigration("v6-follow-ups") { db in
            try db.execute(sql: """
                -- Each send followed up for each need it was sent for (a conflict on a topic, a
                -- stalled job): the day it was sent and the first day within the window the need
                -- was met. Rebuilt for a group whenever its facts change; what the matcher learns from.
                CREATE TABLE sendFollowUp (
                    groupId TEXT NOT NULL REFERENCES buyingGroup(id) ON DELETE CASCADE,
                    assetId TEXT NOT NULL,
                    need TEXT NOT NULL,
                    sent TEXT NOT NULL,
                    windowEnd TEXT NOT NULL,
                    met TEXT
                );
                CREATE INDEX sendFollowUp_group ON sendFollowUp(groupId);
                CREATE INDEX sendFollowUp_asset ON sendFollowUp(assetId, need);
                """)
        }
        migrator.registerMigration("v7-catalog-version") { db in
            try db.execute(sql: """
                -- Bumped by every catalog import (the taxonomy included), so a long-lived process
                -- such as `nextsend serve` rebuilds its catalog index only when the catalog changed.
                ALTER TABLE storeVersion ADD COLUMN catalog INTEGER NOT NULL DEFAULT 0;
                """)
        }
        migrator.registerMigration("v8-crm-mapping") { db in
            try db.execute(sql: """
                -- The CRM mapping (content/crm.yaml) a CRM import last used, so a nightly run
                -- without --mapping reads the exports the same way.
                CREATE TABLE crmMapping (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    yaml TEXT NOT NULL,
                    source TEXT NOT NULL
                );
                """)
        }
        migrator.registerMigration("v9-evidence-index") { db in
            try db.execute(sql: """
                -- Outcome evidence sums every follow-up per asset and need: a covering index lets
                -- that read the index alone, in order, instead of looking up each row.
                CREATE INDEX sendFollowUp_evidence ON sendFollowUp(assetId, need, sent, met, windowEnd);
                """)
        }
        migrator.registerMigration("v10-figure-limit") { db in
            try db.execute(sql: """
                -- Figures are checked where they enter (finite, within 10^15) since this version.
                -- A claim stored before that with a figure outside the limit is retracted, with the
                -- reason as who retracted it, so it stays in the history and stops counting.
                UPDATE claim SET retractedBy = 'nextsend: figure out of range (limit 10^15)'
                    WHERE retractedBy IS NULL AND value IS NOT NULL AND (value > 1e15 OR value < -1e15);
                """)
        }
        migrator.registerMigration("v11-crm-mapping-per-crm") { db in
            try db.execute(sql: """
                -- One mapping per CRM: Salesforce and HubSpot name stages, roles and columns
                -- differently. The one mapping an earlier version stored served both, so both get it.
                CREATE TABLE crmMappingFor (
                    crm TEXT PRIMARY KEY NOT NULL,
                    yaml TEXT NOT NULL,
                    source TEXT NOT NULL
                );
                INSERT INTO crmMappingFor (crm, yaml, source) SELECT 'salesforce', yaml, source FROM crmMapping WHERE id = 1;
                INSERT INTO crmMappingFor (crm, yaml, source) SELECT 'hubspot', yaml, source FROM crmMapping WHERE id = 1;
                """)
        }
        migrator.registerMigration("v12-deal") { db in
            try db.execute(sql: """
                -- The CRM deal a group belongs to: two deals at one account are told apart by name.
                ALTER TABLE buyingGroup ADD COLUMN dealName TEXT;
                ALTER TABLE buyingGroup ADD COLUMN dealStage TEXT;
                ALTER TABLE buyingGroup ADD COLUMN dealAmount REAL;
                ALTER TABLE buyingGroup ADD COLUMN dealCurrency TEXT;
                ALTER TABLE buyingGroup ADD COLUMN dealCloseDate TEXT;
                """)
        }
        migrator.registerMigration("v13-notes") { db in
            try db.execute(sql: """
                -- Claims read from notes, e-mails and transcripts keep the words they came from, and
                -- a stakeholder keeps their e-mail address so an e-mail they send is read as theirs.
                ALTER TABLE claim ADD COLUMN quote TEXT;
                ALTER TABLE stakeholder ADD COLUMN email TEXT;
                """)
        }
        migrator.registerMigration("v14-retraction-day") { db in
            try db.execute(sql: """
                -- The day a fact was retracted (from this version on), so a look back at an earlier
                -- week sees it as it stood then. Older retractions have none: they count in no week.
                ALTER TABLE stakeholder ADD COLUMN retractedOn TEXT;
                ALTER TABLE claim ADD COLUMN retractedOn TEXT;
                ALTER TABLE jobEvent ADD COLUMN retractedOn TEXT;
                ALTER TABLE send ADD COLUMN retractedOn TEXT;
                ALTER TABLE dismissal ADD COLUMN retractedOn TEXT;
                """)
        }
        migrator.registerMigration("v15-delivery") { db in
            try db.execute(sql: """
                -- One row per digest message a mail server accepted: a rerun, another shard or a
                -- killed run started again sends only what is missing.
                CREATE TABLE deliveryLedger (
                    week TEXT NOT NULL,
                    recipient TEXT NOT NULL,
                    messageId TEXT NOT NULL,
                    PRIMARY KEY (week, recipient)
                );
                """)
        }
        migrator.registerMigration("v16-access") { db in
            try db.execute(sql: """
                -- API tokens by name (nextsend token add), kept as SHA-256: a copy of the
                -- database lets nobody in. Web sessions likewise, so that any serve instance
                -- behind a load balancer serves any signed-in rep.
                CREATE TABLE accessToken (
                    name TEXT PRIMARY KEY,
                    tokenHash TEXT NOT NULL UNIQUE,
                    rep TEXT,
                    manager INTEGER NOT NULL DEFAULT 0,
                    created TEXT NOT NULL,
                    expires TEXT,
                    lastUsed TEXT
                );
                CREATE TABLE webSession (
                    idHash TEXT PRIMARY KEY,
                    caller TEXT NOT NULL,
                    rep TEXT,
                    manager INTEGER NOT NULL DEFAULT 0,
                    csrf TEXT NOT NULL,
                    expiresAt INTEGER NOT NULL,
                    flash TEXT
                );
                """)
        }
        migrator.registerMigration("v17-stable-file-origins") { db in
            try db.execute(sql: """
                -- A group file's facts were keyed by the file's absolute path, so the same file
                -- imported from another checkout was a second source and showed every send twice.
                -- From now on a YAML group file is `file:<group id>` and a JSON Lines line
                -- `file:<file name>:<group id>`. Rows the new keys would make twins of each other
                -- go first (the live one, else the first, stays), and a file's send that a
                -- recorded one already holds (same asset, person and day) goes: sends are
                -- idempotent per asset, person and day, whatever their source.
                UPDATE send SET consumed = 1 WHERE consumed = 0 AND EXISTS (SELECT 1 FROM send o WHERE o.groupId = send.groupId AND o.assetId = send.assetId AND o.stakeholderId = send.stakeholderId AND o.date = send.date AND o.consumed = 1);
                DELETE FROM send WHERE send.origin LIKE 'file:/%' AND EXISTS (SELECT 1 FROM send o WHERE o.origin LIKE 'file:/%' AND o.groupId = send.groupId AND o.assetId IS send.assetId AND o.stakeholderId IS send.stakeholderId AND o.date IS send.date AND (CASE WHEN lower(o.origin) LIKE '%.jsonl' OR lower(o.origin) LIKE '%.ndjson' THEN 'file:' || replace(o.origin, rtrim(o.origin, replace(o.origin, '/', '')), '') || ':' || o.groupId ELSE 'file:' || o.groupId END) = (CASE WHEN lower(send.origin) LIKE '%.jsonl' OR lower(send.origin) LIKE '%.ndjson' THEN 'file:' || replace(send.origin, rtrim(send.origin, replace(send.origin, '/', '')), '') || ':' || send.groupId ELSE 'file:' || send.groupId END) AND ((o.retractedBy IS NULL AND send.retractedBy IS NOT NULL) OR ((o.retractedBy IS NULL) = (send.retractedBy IS NULL) AND o.seq < send.seq)));
                DELETE FROM claim WHERE claim.origin LIKE 'file:/%' AND EXISTS (SELECT 1 FROM claim o WHERE o.origin LIKE 'file:/%' AND o.groupId = claim.groupId AND o.stakeholderId IS claim.stakeholderId AND o.topic IS claim.topic AND o.position IS claim.position AND o.value IS claim.value AND o.date IS claim.date AND (CASE WHEN lower(o.origin) LIKE '%.jsonl' OR lower(o.origin) LIKE '%.ndjson' THEN 'file:' || replace(o.origin, rtrim(o.origin, replace(o.origin, '/', '')), '') || ':' || o.groupId ELSE 'file:' || o.groupId END) = (CASE WHEN lower(claim.origin) LIKE '%.jsonl' OR lower(claim.origin) LIKE '%.ndjson' THEN 'file:' || replace(claim.origin, rtrim(claim.origin, replace(claim.origin, '/', '')), '') || ':' || claim.groupId ELSE 'file:' || claim.groupId END) AND ((o.retractedBy IS NULL AND claim.retractedBy IS NOT NULL) OR ((o.retractedBy IS NULL) = (claim.retractedBy IS NULL) AND o.seq < claim.seq)));
                DELETE FROM jobEvent WHERE jobEvent.origin LIKE 'file:/%' AND EXISTS (SELECT 1 FROM jobEvent o WHERE o.origin LIKE 'file:/%' AND o.groupId = jobEvent.groupId AND o.job IS jobEvent.job AND o.type IS jobEvent.type AND o.date IS jobEvent.date AND (CASE WHEN lower(o.origin) LIKE '%.jsonl' OR lower(o.origin) LIKE '%.ndjson' THEN 'file:' || replace(o.origin, rtrim(o.origin, replace(o.origin, '/', '')), '') || ':' || o.groupId ELSE 'file:' || o.groupId END) = (CASE WHEN lower(jobEvent.origin) LIKE '%.jsonl' OR lower(jobEvent.origin) LIKE '%.ndjson' THEN 'file:' || replace(jobEvent.origin, rtrim(jobEvent.origin, replace(jobEvent.origin, '/', '')), '') || ':' || jobEvent.groupId ELSE 'file:' || jobEvent.groupId END) AND ((o.retractedBy IS NULL AND jobEvent.retractedBy IS NOT NULL) OR ((o.retractedBy IS NULL) = (jobEvent.retractedBy IS NULL) AND o.seq < jobEvent.seq)));
                DELETE FROM dismissal WHERE dismissal.origin LIKE 'file:/%' AND EXISTS (SELECT 1 FROM dismissal o WHERE o.origin LIKE 'file:/%' AND o.groupId = dismissal.groupId AND o.assetId IS dismissal.assetId AND o.date IS dismissal.date AND (CASE WHEN lower(o.origin) LIKE '%.jsonl' OR lower(o.origin) LIKE '%.ndjson' THEN 'file:' || replace(o.origin, rtrim(o.origin, replace(o.origin, '/', '')), '') || ':' || o.groupId ELSE 'file:' || o.groupId END) = (CASE WHEN lower(dismissal.origin) LIKE '%.jsonl' OR lower(dismissal.origin) LIKE '%.ndjson' THEN 'file:' || replace(dismissal.origin, rtrim(dismissal.origin, replace(dismissal.origin, '/', '')), '') || ':' || dismissal.groupId ELSE 'file:' || dismissal.groupId END) AND ((o.retractedBy IS NULL AND dismissal.retractedBy IS NOT NULL) OR ((o.retractedBy IS NULL) = (dismissal.retractedBy IS NULL) AND o.seq < dismissal.seq)));
                DELETE FROM send WHERE send.origin LIKE 'file:/%' AND send.retractedBy IS NULL AND EXISTS (SELECT 1 FROM send o WHERE o.origin NOT LIKE 'file:%' AND o.retractedBy IS NULL AND o.groupId = send.groupId AND o.assetId = send.assetId AND o.stakeholderId = send.stakeholderId AND o.date = send.date);
                UPDATE stakeholder SET origin = CASE WHEN lower(stakeholder.origin) LIKE '%.jsonl' OR lower(stakeholder.origin) LIKE '%.ndjson' THEN 'file:' || replace(stakeholder.origin, rtrim(stakeholder.origin, replace(stakeholder.origin, '/', '')), '') || ':' || stakeholder.groupId ELSE 'file:' || stakeholder.groupId END WHERE origin LIKE 'file:/%';
                UPDATE claim SET origin = CASE WHEN lower(claim.origin) LIKE '%.jsonl' OR lower(claim.origin) LIKE '%.ndjson' THEN 'file:' || replace(claim.origin, rtrim(claim.origin, replace(claim.origin, '/', '')), '') || ':' || claim.groupId ELSE 'file:' || claim.groupId END WHERE origin LIKE 'file:/%';
                UPDATE jobEvent SET origin = CASE WHEN lower(jobEvent.origin) LIKE '%.jsonl' OR lower(jobEvent.origin) LIKE '%.ndjson' THEN 'file:' || replace(jobEvent.origin, rtrim(jobEvent.origin, replace(jobEvent.origin, '/', '')), '') || ':' || jobEvent.groupId ELSE 'file:' || jobEvent.groupId END WHERE origin LIKE 'file:/%';
                UPDATE send SET origin = CASE WHEN lower(send.origin) LIKE '%.jsonl' OR lower(send.origin) LIKE '%.ndjson' THEN 'file:' || replace(send.origin, rtrim(send.origin, replace(send.origin, '/', '')), '') || ':' || send.groupId ELSE 'file:' || send.groupId END WHERE origin LIKE 'file:/%';
                UPDATE dismissal SET origin = CASE WHEN lower(dismissal.origin) LIKE '%.jsonl' OR lower(dismissal.origin) LIKE '%.ndjson' THEN 'file:' || replace(dismissal.origin, rtrim(dismissal.origin, replace(dismissal.origin, '/', '')), '') || ':' || dismissal.groupId ELSE 'file:' || dismissal.groupId END WHERE origin LIKE 'file:/%';
                UPDATE buyingGroup SET origin = CASE WHEN lower(buyingGroup.origin) LIKE '%.jsonl' OR lower(buyingGroup.origin) LIKE '%.ndjson' THEN 'file:' || replace(buyingGroup.origin, rtrim(buyingGroup.origin, replace(buyingGroup.origin, '/', '')), '') || ':' || buyingGroup.id ELSE 'file:' || buyingGroup.id END WHERE origin LIKE 'file:/%';
                """)
        }
        migrator.registerMigration("v18-asset-days") { db in
            try db.execute(sql: """
                -- The day the store first saw each asset and the day it retired it, so that a past
                -- week's digest sees the catalog as it stood then. Assets from before have neither:
                -- they count as always there (retired ones as always retired).
                ALTER TABLE asset ADD COLUMN firstImported TEXT;
                ALTER TABLE asset ADD COLUMN retiredOn TEXT;
                """)
        }
        migrator.registerMigration("v19-follow-up-version") { db in
            try db.execute(sql: """
                -- Bumped only when what followed a send changes, so that evidence kept in memory stays
                -- valid across writes that leave every follow-up as it was.
                ALTER TABLE storeVersion ADD COLUMN followUps INTEGER NOT NULL DEFAULT 0;
                """)
        }
        migrator.registerMigration("v20-kept-catalog") { db in
            try db.execute(sql: """
                -- The live catalog and outcome evidence of one day, packed into one blob under the
                -- versions it was made from (KeptCatalog in the library): a `next` call reads this row
                -- instead of the asset, tag and follow-up tables. Bookkeeping only: never copied, and an
                -- empty or outdated row only makes the next call read the tables and write it again.
                CREATE TABLE keptCatalog (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    versions TEXT NOT NULL,
                    day TEXT NOT NULL,
                    data BLOB NOT NULL
                );
                """)
        }
        migrator.registerMigration("v21-packed-facts") { db in
            try db.execute(sql: """
                -- Fact tables keyed by what they are read by: a group's facts in the order they were
                -- written. WITHOUT ROWID on (groupId, seq) keeps one tree where there were two (the
                -- rowid and the (groupId, seq) index), and the origin, written on every row and in
                -- every origin index as text, becomes a number from factOrigin. Together they take
                -- about a third off the rows SQLite writes in a group import. `seq` now counts within
                -- its group; rows keep the numbers they had, which are increasing within each group.
                -- factOrigin has no foreign key from the facts: an origin is never deleted, and the
                -- check would cost a lookup per row written.
                CREATE TABLE factOrigin (
                    originId INTEGER PRIMARY KEY,
                    origin TEXT NOT NULL UNIQUE
                );
                INSERT INTO factOrigin (origin)
                    SELECT origin FROM stakeholder UNION SELECT origin FROM claim UNION SELECT origin FROM jobEvent
                    UNION SELECT origin FROM send UNION SELECT origin FROM dismissal ORDER BY 1;

                CREATE TABLE stakeholder_v21 (
                    groupId TEXT NOT NULL REFERENCES buyingGroup(id) ON DELETE CASCADE,
                    id TEXT NOT NULL,
                    name TEXT NOT NULL,
                    role TEXT NOT NULL,
                    influence TEXT NOT NULL,
                    title TEXT,
                    position INTEGER NOT NULL,
                    originId INTEGER NOT NULL,
                    recordedBy TEXT,
                    retractedBy TEXT,
                    email TEXT,
                    retractedOn TEXT,
                    PRIMARY KEY (groupId, id)
                ) WITHOUT ROWID;
                INSERT INTO stakeholder_v21 (groupId, id, name, role, influence, title, position, originId, recordedBy, retractedBy, email, retractedOn)
                    SELECT groupId, id, name, role, influence, title, position, (SELECT originId FROM factOrigin o WHERE o.origin = s.origin),
                           recordedBy, retractedBy, email, retractedOn
                    FROM stakeholder s ORDER BY groupId, id;
                DROP TABLE stakeholder;
                ALTER TABLE stakeholder_v21 RENAME TO stakeholder;
                CREATE INDEX stakeholder_origin ON stakeholder(groupId, originId);

                CREATE TABLE claim_v21 (
                    groupId TEXT NOT NULL REFERENCES buyingGroup(id) ON DELETE CASCADE,
                    seq INTEGER NOT NULL,
                    stakeholderId TEXT NOT NULL,
                    topic TEXT NOT NULL,
                    position TEXT,
                    value REAL,
                    source TEXT,
                    date TEXT NOT NULL,
                    originId INTEGER NOT NULL,
                    recordedBy TEXT,
                    retractedBy TEXT,
                    quote TEXT,
                    retractedOn TEXT,
                    PRIMARY KEY (groupId, seq),
                    CHECK ((position IS NULL) != (value IS NULL))
                ) WITHOUT ROWID;
                INSERT INTO claim_v21 (groupId, seq, stakeholderId, topic, position, value, source, date, originId, recordedBy, retractedBy, quote, retractedOn)
                    SELECT groupId, seq, stakeholderId, topic, position, value, source, date, (SELECT originId FROM factOrigin o WHERE o.origin = c.origin),
                           recordedBy, retractedBy, quote, retractedOn
                    FROM claim c ORDER BY groupId, seq;
                DROP TABLE claim;
                ALTER TABLE claim_v21 RENAME TO claim;
                CREATE INDEX claim_origin ON claim(groupId, originId);

                CREATE TABLE jobEvent_v21 (
                    groupId TEXT NOT NULL REFERENCES buyingGroup(id) ON DELETE CASCADE,
                    seq INTEGER NOT NULL,
                    job TEXT NOT NULL,
                    type TEXT NOT NULL CHECK (type IN ('started', 'progressed', 'completed', 'reopened')),
                    date TEXT NOT NULL,
                    note TEXT,
                    originId INTEGER NOT NULL,
                    recordedBy TEXT,
                    retractedBy TEXT,
                    retractedOn TEXT,
                    PRIMARY KEY (groupId, seq)
                ) WITHOUT ROWID;
                INSERT INTO jobEvent_v21 (groupId, seq, job, type, date, note, originId, recordedBy, retractedBy, retractedOn)
                    SELECT groupId, seq, job, type, date, note, (SELECT originId FROM factOrigin o WHERE o.origin = e.origin),
                           recordedBy, retractedBy, retractedOn
                    FROM jobEvent e ORDER BY groupId, seq;
                DROP TABLE jobEvent;
                ALTER TABLE jobEvent_v21 RENAME TO jobEvent;
                CREATE INDEX jobEvent_origin ON jobEvent(groupId, originId);

                CREATE TABLE send_v21 (
                    groupId TEXT NOT NULL REFERENCES buyingGroup(id) ON DELETE CASCADE,
                    seq INTEGER NOT NULL,
                    assetId TEXT NOT NULL,
                    stakeholderId TEXT NOT NULL,
                    date TEXT NOT NULL,
                    channel TEXT,
                    consumed INTEGER NOT NULL DEFAULT 0,
                    consumedBy TEXT,
                    originId INTEGER NOT NULL,
                    recordedBy TEXT,
                    retractedBy TEXT,
                    retractedOn TEXT,
                    PRIMARY KEY (groupId, seq),
                    -- Also the index of a group's sends by origin.
                    UNIQUE (groupId, originId, assetId, date, stakeholderId)
                ) WITHOUT ROWID;
                INSERT INTO send_v21 (groupId, seq, assetId, stakeholderId, date, channel, consumed, consumedBy, originId, recordedBy, retractedBy, retractedOn)
                    SELECT groupId, seq, assetId, stakeholderId, date, channel, consumed, consumedBy,
                           (SELECT originId FROM factOrigin o WHERE o.origin = t.origin), recordedBy, retractedBy, retractedOn
                    FROM send t ORDER BY groupId, seq;
                DROP TABLE send;
                ALTER TABLE send_v21 RENAME TO send;
                CREATE INDEX send_asset ON send(assetId, date);

                CREATE TABLE dismissal_v21 (
                    groupId TEXT NOT NULL REFERENCES buyingGroup(id) ON DELETE CASCADE,
                    seq INTEGER NOT NULL,
                    assetId TEXT NOT NULL,
                    date TEXT NOT NULL,
                    reason TEXT,
                    originId INTEGER NOT NULL,
                    recordedBy TEXT,
                    retractedBy TEXT,
                    retractedOn TEXT,
                    PRIMARY KEY (groupId, seq)
                ) WITHOUT ROWID;
                INSERT INTO dismissal_v21 (groupId, seq, assetId, date, reason, originId, recordedBy, retractedBy, retractedOn)
                    SELECT groupId, seq, assetId, date, reason, (SELECT originId FROM factOrigin o WHERE o.origin = d.origin),
                           recordedBy, retractedBy, retractedOn
                    FROM dismissal d ORDER BY groupId, seq;
                DROP TABLE dismissal;
                ALTER TABLE dismissal_v21 RENAME TO dismissal;
                CREATE INDEX dismissal_asset ON dismissal(assetId, date);
                """)
        }
        migrator.registerMigration("v22-evidence-by-close") { db in
            try db.execute(sql: """
                -- Outcome evidence kept by the day each follow-up's outcome became known (the first day
                -- it was met or its window closed, for the send; the day it was met, for the success),
                -- kept up to date by every write that changes a follow-up: evidence as of a day sums the
                -- rows up to it instead of every follow-up.
                CREATE TABLE evidenceByClose (
                    assetId TEXT NOT NULL,
                    need TEXT NOT NULL,
                    closes TEXT NOT NULL,
                    sends INTEGER NOT NULL,
                    successes INTEGER NOT NULL,
                    PRIMARY KEY (assetId, need, closes)
                ) WITHOUT ROWID;
                INSERT INTO evidenceByClose (assetId, need, closes, sends, successes)
                    SELECT assetId, need, closes, SUM(s), SUM(m) FROM (
                        SELECT assetId, need, CASE WHEN d < sent THEN sent ELSE d END AS closes, 1 AS s, 0 AS m
                        FROM (SELECT assetId, need, sent,
                                     CASE WHEN met IS NOT NULL AND met < windowEnd THEN met ELSE windowEnd END AS d
                              FROM sendFollowUp) f
                        UNION ALL
                        SELECT assetId, need, CASE WHEN met < sent THEN sent ELSE met END, 0, 1 FROM sendFollowUp WHERE met IS NOT NULL
                    ) c GROUP BY assetId, need, closes;
                -- Evidence no longer sums the follow-ups: their covering index only cost writes.
                DROP INDEX sendFollowUp_evidence;
                """)
        }
        return migrator
    }
}
