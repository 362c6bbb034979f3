import NextSendStore

/// The PostgreSQL schema, as named migrations.
///
/// As with SQLite, a shipped migration never changes: a new need gets a new migration, here and
/// in ``StoreSchema`` alike. The first one creates the schema SQLite reached in its eighth. Text
/// columns sort byte by byte (`COLLATE "C"`), as SQLite's do, so lists come back in the same order;
/// booleans are 0 and 1, as in SQLite, so one query reads both.
enum PostgresSchema {
    struct Migration {
        var name: String
        var sql: String
    }

    static let migrations: [Migration] = [
        Migration(name: "v1-nextsend", sql: """
                CREATE TABLE taxonomy (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    json TEXT COLLATE "C" NOT NULL,
                    source TEXT COLLATE "C" NOT NULL
                );
                CREATE TABLE asset (
                    id TEXT COLLATE "C" PRIMARY KEY,
                    title TEXT COLLATE "C" NOT NULL,
                    summary TEXT COLLATE "C",
                    url TEXT COLLATE "C",
                    format TEXT COLLATE "C" NOT NULL,
                    shareable INTEGER NOT NULL DEFAULT 0,
                    channel TEXT COLLATE "C" NOT NULL,
                    minutes INTEGER,
                    published TEXT COLLATE "C",
                    reviewBy TEXT COLLATE "C",
                    owner TEXT COLLATE "C",
                    status TEXT COLLATE "C" NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
                    body TEXT COLLATE "C" NOT NULL,
                    path TEXT COLLATE "C",
                    -- Full-text search: title weighs most (A), then the summary (B), then the body (D).
                    search tsvector GENERATED ALWAYS AS (
                        setweight(to_tsvector('english', title), 'A') ||
                        setweight(to_tsvector('english', coalesce(summary, '')), 'B') ||
                        setweight(to_tsvector('english', body), 'D')) STORED
                );
                CREATE INDEX asset_search ON asset USING GIN (search);
                CREATE INDEX asset_status ON asset (status, reviewBy);
                CREATE TABLE assetJob (
                    assetId TEXT COLLATE "C" NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
                    job TEXT COLLATE "C" NOT NULL,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (assetId, job)
                );
                CREATE INDEX assetJob_job ON assetJob(job);
                CREATE TABLE assetRole (
                    assetId TEXT COLLATE "C" NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
                    role TEXT COLLATE "C" NOT NULL,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (assetId, role)
                );
                CREATE INDEX assetRole_role ON assetRole(role);
                CREATE TABLE assetTopic (
                    assetId TEXT COLLATE "C" NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
                    topic TEXT COLLATE "C" NOT NULL,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (assetId, topic)
                );
                CREATE INDEX assetTopic_topic ON assetTopic(topic);
                CREATE TABLE assetIndustry (
                    assetId TEXT COLLATE "C" NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
                    industry TEXT COLLATE "C" NOT NULL,
                    position INTEGER NOT NULL,
                    PRIMARY KEY (assetId, industry)
                );
                CREATE TABLE assetResolve (
                    assetId TEXT COLLATE "C" NOT NULL REFERENCES asset(id) ON DELETE CASCADE,
                    ordinal INTEGER NOT NULL,
                    topic TEXT COLLATE "C" NOT NULL,
                    PRIMARY KEY (assetId, ordinal)
                );
                CREATE INDEX assetResolve_topic ON assetResolve(topic);
                CREATE TABLE assetResolvePosition (
                    -- Named as SQLite's implicit column: the positions' order is their insertion order.
                    rowid BIGINT GENERATED ALWAYS AS IDENTITY,
                    assetId TEXT COLLATE "C" NOT NULL,
                    ordinal INTEGER NOT NULL,
                    position TEXT COLLATE "C" NOT NULL,
                    PRIMARY KEY (assetId, ordinal, position),
                    FOREIGN KEY (assetId, ordinal) REFERENCES assetResolve(assetId, ordinal) ON DELETE CASCADE
                );

                CREATE TABLE buyingGroup (
                    id TEXT COLLATE "C" PRIMARY KEY,
                    account TEXT COLLATE "C" NOT NULL,
                    owner TEXT COLLATE "C" NOT NULL,
                    industry TEXT COLLATE "C",
                    source TEXT COLLATE "C",
                    origin TEXT COLLATE "C",
                    status TEXT COLLATE "C" NOT NULL DEFAULT 'open',
                    statusDate TEXT COLLATE "C",
                    statusBy TEXT COLLATE "C"
                );
                CREATE INDEX buyingGroup_owner ON buyingGroup(owner);
                CREATE INDEX buyingGroup_status ON buyingGroup(status, owner);
                CREATE TABLE stakeholder (
                    groupId TEXT COLLATE "C" NOT NULL REFERENCES buyingGroup(id) ON DELETE CASCADE,
                    id TEXT COLLATE "C" NOT NULL,
                    name TEXT COLLATE "C" NOT NULL,
                    role TEXT COLLATE "C" NOT NULL,
                    influence TEXT COLLATE "C" NOT NULL,
                    title TEXT COLLATE "C",
                    position INTEGER NOT NULL,
                    origin TEXT COLLATE "C" NOT NULL DEFAULT 'recorded',
                    recordedBy TEXT COLLATE "C",
                    retractedBy TEXT COLLATE "C",
                    PRIMARY KEY (groupId, id)
                );
                CREATE INDEX stakeholder_origin ON stakeholder(groupId, origin);
                -- History tables are append-only: a new claim, event or send never overwrites an old one.
                CREATE TABLE claim (
                    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    groupId TEXT COLLATE "C" NOT NULL REFERENCES buyingGroup(id) ON DELETE CASCADE,
                    stakeholderId TEXT COLLATE "C" NOT NULL,
                    topic TEXT COLLATE "C" NOT NULL,
                    position TEXT COLLATE "C",
                    value DOUBLE PRECISION,
                    source TEXT COLLATE "C",
                    date TEXT COLLATE "C" NOT NULL,
                    origin TEXT COLLATE "C" NOT NULL DEFAULT 'recorded',
                    recordedBy TEXT COLLATE "C",
                    retractedBy TEXT COLLATE "C",
                    CHECK ((position IS NULL) != (value IS NULL))
                );
                CREATE INDEX claim_group ON claim(groupId, seq);
                CREATE INDEX claim_origin ON claim(groupId, origin);
                CREATE TABLE jobEvent (
                    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    groupId TEXT COLLATE "C" NOT NULL REFERENCES buyingGroup(id) ON DELETE CASCADE,
                    job TEXT COLLATE "C" NOT NULL,
                    type TEXT COLLATE "C" NOT NULL CHECK (type IN ('started', 'progressed', 'completed', 'reopened')),
                    date TEXT COLLATE "C" NOT NULL,
                    note TEXT COLLATE "C",
                    origin TEXT COLLATE "C" NOT NULL DEFAULT 'recorded',
                    recordedBy TEXT COLLATE "C",
                    retractedBy TEXT COLLATE "C"
                );
                CREATE INDEX jobEvent_group ON jobEvent(groupId, seq);
                CREATE INDEX jobEvent_origin ON jobEvent(groupId, origin);
                -- A send is one row per recipient: the same asset to the same person on the same day, from
                -- one source, is one fact however often it is reported.
                CREATE TABLE send (
                    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    groupId TEXT COLLATE "C" NOT NULL REFERENCES buyingGroup(id) ON DELETE CASCADE,
                    assetId TEXT COLLATE "C" NOT NULL,
                    stakeholderId TEXT COLLATE "C" NOT NULL,
                    date TEXT COLLATE "C" NOT NULL,
                    channel TEXT COLLATE "C",
                    consumed INTEGER NOT NULL DEFAULT 0,
                    consumedBy TEXT COLLATE "C",
                    origin TEXT COLLATE "C" NOT NULL,
                    recordedBy TEXT COLLATE "C",
                    retractedBy TEXT COLLATE "C",
                    UNIQUE (groupId, origin, assetId, date, stakeholderId)
                );
                CREATE INDEX send_group ON send(groupId, seq);
                CREATE INDEX send_asset ON send(assetId, date);
                CREATE TABLE dismissal (
                    seq BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    groupId TEXT COLLATE "C" NOT NULL REFERENCES buyingGroup(id) ON DELETE CASCADE,
                    assetId TEXT COLLATE "C" NOT NULL,
                    date TEXT COLLATE "C" NOT NULL,
                    reason TEXT COLLATE "C",
                    origin TEXT COLLATE "C" NOT NULL,
                    recordedBy TEXT COLLATE "C",
                    retractedBy TEXT COLLATE "C"
                );
                CREATE INDEX dismissal_group ON dismissal(groupId, seq);
                CREATE INDEX dismissal_asset ON dismissal(assetId, date);
                CREATE TABLE sendFollowUp (
                    groupId TEXT COLLATE "C" NOT NULL REFERENCES buyingGroup(id) ON DELETE CASCADE,
                    assetId TEXT COLLATE "C" NOT NULL,
                    need TEXT COLLATE "C" NOT NULL,
                    sent TEXT COLLATE "C" NOT NULL,
                    windowEnd TEXT COLLATE "C" NOT NULL,
                    met TEXT COLLATE "C"
                );
                CREATE INDEX sendFollowUp_group ON sendFollowUp(groupId);
                CREATE INDEX sendFollowUp_asset ON sendFollowUp(assetId, need);

                -- version: bumped by every change to the catalog or the groups; catalog: by catalog imports.
                CREATE TABLE storeVersion (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    version BIGINT NOT NULL,
                    catalog BIGINT NOT NULL DEFAULT 0
                );
                INSERT INTO storeVersion (id, version, catalog) VALUES (1, 0, 0);
                CREATE TABLE digestLedger (
                    week TEXT COLLATE "C" NOT NULL,
                    outDir TEXT COLLATE "C" NOT NULL,
                    item TEXT COLLATE "C" NOT NULL,
                    storeVersion BIGINT NOT NULL,
                    formats TEXT COLLATE "C" NOT NULL,
                    PRIMARY KEY (week, outDir, item)
                );
                CREATE TABLE crmMapping (
                    id INTEGER PRIMARY KEY CHECK (id = 1),
                    yaml TEXT COLLATE "C" NOT NULL,
                    source TEXT COLLATE "C" NOT NULL
                );
                """),
        Migration(name: "v2-evidence-index", sql: """
                CREATE INDEX sendFollowUp_evidence ON sendFollowUp(assetId, need, sent, met, windowEnd);
                """),
        // Figures are checked where they enter since this version; one stored before that
        // outside the limit (or NaN, which PostgreSQL sorts above every number) is retracted.
        Migration(name: "v3-figure-limit", sql: """
                UPDATE claim SET retractedBy = 'nextsend: figure out of range (limit 10^15)'
                    WHERE retractedBy IS NULL AND value IS NOT NULL AND (value > 1e15 OR value < -1e15);
                """),
        // One mapping per CRM; the one an earlier version stored served both.
        Migration(name: "v4-crm-mapping-per-crm", sql: """
                CREATE TABLE crmMappingFor (
                    crm TEXT COLLATE "C" PRIMARY KEY NOT NULL,
                    yaml TEXT COLLATE "C" NOT NULL,
                    source TEXT COLLATE "C" NOT NULL
                );
                INSERT INTO crmMappingFor (crm, yaml, source) SELECT 'salesforce', yaml, source FROM crmMapping WHERE id = 1;
                INSERT INTO crmMappingFor (crm, yaml, source) SELECT 'hubspot', yaml, source FROM crmMapping WHERE id = 1;
                """),
        // The CRM deal a group belongs to.
        Migration(name: "v5-deal", sql: """
                ALTER TABLE buyingGroup ADD COLUMN dealName TEXT COLLATE "C";
                ALTER TABLE buyingGroup ADD COLUMN dealStage TEXT COLLATE "C";
                ALTER TABLE buyingGroup ADD COLUMN dealAmount DOUBLE PRECISION;
                ALTER TABLE buyingGroup ADD COLUMN dealCurrency TEXT COLLATE "C";
                ALTER TABLE buyingGroup ADD COLUMN dealCloseDate TEXT COLLATE "C";
                """),
        // Claims read from text keep their quote; stakeholders keep their e-mail address.
        Migration(name: "v6-notes", sql: """
                ALTER TABLE claim ADD COLUMN quote TEXT COLLATE "C";
                ALTER TABLE stakeholder ADD COLUMN email TEXT COLLATE "C";
                """),
        // The day a fact was retracted, so a look back at an earlier week sees it as it stood.
        Migration(name: "v7-retraction-day", sql: """
                ALTER TABLE stakeholder ADD COLUMN retractedOn TEXT COLLATE "C";
                ALTER TABLE claim ADD COLUMN retractedOn TEXT COLLATE "C";
                ALTER TABLE jobEvent ADD COLUMN retractedOn TEXT COLLATE "C";
                ALTER TABLE send ADD COLUMN retractedOn TEXT COLLATE "C";
                ALTER TABLE dismissal ADD COLUMN retractedOn TEXT COLLATE "C";
                """),
        // Digest messages a mail server accepted, once per week and recipient.
        Migration(name: "v8-delivery", sql: """
                CREATE TABLE deliveryLedger (
                    week TEXT COLLATE "C" NOT NULL,
                    recipient TEXT COLLATE "C" NOT NULL,
                    messageId TEXT COLLATE "C" NOT NULL,
                    PRIMARY KEY (week, recipient)
                );
                """),
        // API tokens by name, and web sessions shared by every instance; both kept as SHA-256.
        Migration(name: "v9-access", sql: """
                CREATE TABLE accessToken (
                    name TEXT COLLATE "C" PRIMARY KEY,
                    tokenHash TEXT COLLATE "C" NOT NULL UNIQUE,
                    rep TEXT COLLATE "C",
                    manager INTEGER NOT NULL DEFAULT 0,
                    created TEXT COLLATE "C" NOT NULL,
                    expires TEXT COLLATE "C",
                    lastUsed TEXT COLLATE "C"
                );
                CREATE TABLE webSession (
                    idHash TEXT COLLATE "C" PRIMARY KEY,
                    caller TEXT COLLATE "C" NOT NULL,
                    rep TEXT COLLATE "C",
                    manager INTEGER NOT NULL DEFAULT 0,
                    csrf TEXT COLLATE "C" NOT NULL,
                    expiresAt BIGINT NOT NULL,
                    flash TEXT
                );
                """),
        // Group files as sources named by the group, not the path (SQLite's v17-stable-file-origins).
        Migration(name: "v10-stable-file-origins", sql: """
                UPDATE send f SET consumed = 1 WHERE f.consumed = 0 AND EXISTS (SELECT 1 FROM send o WHERE o.groupId = f.groupId AND o.assetId = f.assetId AND o.stakeholderId = f.stakeholderId AND o.date = f.date AND o.consumed = 1);
                DELETE FROM send f WHERE f.origin LIKE 'file:/%' AND EXISTS (SELECT 1 FROM send o WHERE o.origin LIKE 'file:/%' AND o.groupId = f.groupId AND o.assetId IS NOT DISTINCT FROM f.assetId AND o.stakeholderId IS NOT DISTINCT FROM f.stakeholderId AND o.date IS NOT DISTINCT FROM f.date AND (CASE WHEN lower(o.origin) LIKE '%.jsonl' OR lower(o.origin) LIKE '%.ndjson' THEN 'file:' || regexp_replace(o.origin, '^.*/', '') || ':' || o.groupId ELSE 'file:' || o.groupId END) = (CASE WHEN lower(f.origin) LIKE '%.jsonl' OR lower(f.origin) LIKE '%.ndjson' THEN 'file:' || regexp_replace(f.origin, '^.*/', '') || ':' || f.groupId ELSE 'file:' || f.groupId END) AND ((o.retractedBy IS NULL AND f.retractedBy IS NOT NULL) OR ((o.retractedBy IS NULL) = (f.retractedBy IS NULL) AND o.seq < f.seq)));
                DELETE FROM claim f WHERE f.origin LIKE 'file:/%' AND EXISTS (SELECT 1 FROM claim o WHERE o.origin LIKE 'file:/%' AND o.groupId = f.groupId AND o.stakeholderId IS NOT DISTINCT FROM f.stakeholderId AND o.topic IS NOT DISTINCT FROM f.topic AND o.position IS NOT DISTINCT FROM f.position AND o.value IS NOT DISTINCT FROM f.value AND o.date IS NOT DISTINCT FROM f.date AND (CASE WHEN lower(o.origin) LIKE '%.jsonl' OR lower(o.origin) LIKE '%.ndjson' THEN 'file:' || regexp_replace(o.origin, '^.*/', '') || ':' || o.groupId ELSE 'file:' || o.groupId END) = (CASE WHEN lower(f.origin) LIKE '%.jsonl' OR lower(f.origin) LIKE '%.ndjson' THEN 'file:' || regexp_replace(f.origin, '^.*/', '') || ':' || f.groupId ELSE 'file:' || f.groupId END) AND ((o.retractedBy IS NULL AND f.retractedBy IS NOT NULL) OR ((o.retractedBy IS NULL) = (f.retractedBy IS NULL) AND o.seq < f.seq)));
                DELETE FROM jobEvent f WHERE f.origin LIKE 'file:/%' AND EXISTS (SELECT 1 FROM jobEvent o WHERE o.origin LIKE 'file:/%' AND o.groupId = f.groupId AND o.job IS NOT DISTINCT FROM f.job AND o.type IS NOT DISTINCT FROM f.type AND o.date IS NOT DISTINCT FROM f.date AND (CASE WHEN lower(o.origin) LIKE '%.jsonl' OR lower(o.origin) LIKE '%.ndjson' THEN 'file:' || regexp_replace(o.origin, '^.*/', '') || ':' || o.groupId ELSE 'file:' || o.groupId END) = (CASE WHEN lower(f.origin) LIKE '%.jsonl' OR lower(f.origin) LIKE '%.ndjson' THEN 'file:' || regexp_replace(f.origin, '^.*/', '') || ':' || f.groupId ELSE 'file:' || f.groupId END) AND ((o.retractedBy IS NULL AND f.retractedBy IS NOT NULL) OR ((o.retractedBy IS NULL) = (f.retractedBy IS NULL) AND o.seq < f.seq)));
                DELETE FROM dismissal f WHERE f.origin LIKE 'file:/%' AND EXISTS (SELECT 1 FROM dismissal o WHERE o.origin LIKE 'file:/%' AND o.groupId = f.groupId AND o.assetId IS NOT DISTINCT FROM f.assetId AND o.date IS NOT DISTINCT FROM f.date AND (CASE WHEN lower(o.origin) LIKE '%.jsonl' OR lower(o.origin) LIKE '%.ndjson' THEN 'file:' || regexp_replace(o.origin, '^.*/', '') || ':' || o.groupId ELSE 'file:' || o.groupId END) = (CASE WHEN lower(f.origin) LIKE '%.jsonl' OR lower(f.origin) LIKE '%.ndjson' THEN 'file:' || regexp_replace(f.origin, '^.*/', '') || ':' || f.groupId ELSE 'file:' || f.groupId END) AND ((o.retractedBy IS NULL AND f.retractedBy IS NOT NULL) OR ((o.retractedBy IS NULL) = (f.retractedBy IS NULL) AND o.seq < f.seq)));
                DELETE FROM send f WHERE f.origin LIKE 'file:/%' AND f.retractedBy IS NULL AND EXISTS (SELECT 1 FROM send o WHERE o.origin NOT LIKE 'file:%' AND o.retractedBy IS NULL AND o.groupId = f.groupId AND o.assetId = f.assetId AND o.stakeholderId = f.stakeholderId AND o.date = f.date);
                UPDATE stakeholder SET origin = CASE WHEN lower(stakeholder.origin) LIKE '%.jsonl' OR lower(stakeholder.origin) LIKE '%.ndjson' THEN 'file:' || regexp_replace(stakeholder.origin, '^.*/', '') || ':' || stakeholder.groupId ELSE 'file:' || stakeholder.groupId END WHERE origin LIKE 'file:/%';
                UPDATE claim SET origin = CASE WHEN lower(claim.origin) LIKE '%.jsonl' OR lower(claim.origin) LIKE '%.ndjson' THEN 'file:' || regexp_replace(claim.origin, '^.*/', '') || ':' || claim.groupId ELSE 'file:' || claim.groupId END WHERE origin LIKE 'file:/%';
                UPDATE jobEvent SET origin = CASE WHEN lower(jobEvent.origin) LIKE '%.jsonl' OR lower(jobEvent.origin) LIKE '%.ndjson' THEN 'file:' || regexp_replace(jobEvent.origin, '^.*/', '') || ':' || jobEvent.groupId ELSE 'file:' || jobEvent.groupId END WHERE origin LIKE 'file:/%';
                UPDATE send SET origin = CASE WHEN lower(send.origin) LIKE '%.jsonl' OR lower(send.origin) LIKE '%.ndjson' THEN 'file:' || regexp_replace(send.origin, '^.*/', '') || ':' || send.groupId ELSE 'file:' || send.groupId END WHERE origin LIKE 'file:/%';
                UPDATE dismissal SET origin = CASE WHEN lower(dismissal.origin) LIKE '%.jsonl' OR lower(dismissal.origin) LIKE '%.ndjson' THEN 'file:' || regexp_replace(dismissal.origin, '^.*/', '') || ':' || dismissal.groupId ELSE 'file:' || dismissal.groupId END WHERE origin LIKE 'file:/%';
                UPDATE buyingGroup SET origin = CASE WHEN lower(buyingGroup.origin) LIKE '%.jsonl' OR lower(buyingGroup.origin) LIKE '%.ndjson' THEN 'file:' || regexp_replace(buyingGroup.origin, '^.*/', '') || ':' || buyingGroup.id ELSE 'file:' || buyingGroup.id END WHERE origin LIKE 'file:/%';
                """),
        // When each asset was first imported and retired (SQLite's v18-asset-days).
        Migration(name: "v11-asset-days", sql: """
                ALTER TABLE asset ADD COLUMN firstImported TEXT COLLATE "C";
                ALTER TABLE asset ADD COLUMN retiredOn TEXT COLLATE "C";
                """),
        // What followed sends has its own version (SQLite's v19-follow-up-version).
        Migration(name: "v12-follow-up-version", sql: """
                ALTER TABLE storeVersion ADD COLUMN followUps BIGINT NOT NULL DEFAULT 0;
                """),
        Migration(name: "v13-packed-facts", sql: """
                -- As SQLite's v21: facts keyed by (groupId, seq), with `seq` counted within the group by
                -- the store (rows keep the numbers they had), and the origin a number from factOrigin,
                -- so that each row and each origin index holds a number instead of the text.
                CREATE TABLE factOrigin (
                    originId BIGINT PRIMARY KEY,
                    origin TEXT COLLATE "C" NOT NULL UNIQUE
                );
                INSERT INTO factOrigin (originId, origin)
                    SELECT row_number() OVER (ORDER BY origin), origin FROM (
                        SELECT origin FROM stakeholder UNION SELECT origin FROM claim UNION SELECT origin FROM jobEvent
                        UNION SELECT origin FROM send UNION SELECT origin FROM dismissal) o;
                DROP INDEX stakeholder_origin;
                ALTER TABLE stakeholder ADD COLUMN originId BIGINT;
                UPDATE stakeholder f SET originId = o.originId FROM factOrigin o WHERE o.origin = f.origin;
                ALTER TABLE stakeholder ALTER COLUMN originId SET NOT NULL;
                ALTER TABLE stakeholder DROP COLUMN origin;
                CREATE INDEX stakeholder_origin ON stakeholder(groupId, originId);
                DROP INDEX claim_origin;
                ALTER TABLE claim ALTER COLUMN seq DROP IDENTITY;
                ALTER TABLE claim DROP CONSTRAINT claim_pkey;
                ALTER TABLE claim ADD PRIMARY KEY (groupId, seq);
                DROP INDEX claim_group;
                ALTER TABLE claim ADD COLUMN originId BIGINT;
                UPDATE claim f SET originId = o.originId FROM factOrigin o WHERE o.origin = f.origin;
                ALTER TABLE claim ALTER COLUMN originId SET NOT NULL;
                ALTER TABLE claim DROP COLUMN origin;
                CREATE INDEX claim_origin ON claim(groupId, originId);
                DROP INDEX jobEvent_origin;
                ALTER TABLE jobEvent ALTER COLUMN seq DROP IDENTITY;
                ALTER TABLE jobEvent DROP CONSTRAINT jobevent_pkey;
                ALTER TABLE jobEvent ADD PRIMARY KEY (groupId, seq);
                DROP INDEX jobEvent_group;
                ALTER TABLE jobEvent ADD COLUMN originId BIGINT;
                UPDATE jobEvent f SET originId = o.originId FROM factOrigin o WHERE o.origin = f.origin;
                ALTER TABLE jobEvent ALTER COLUMN originId SET NOT NULL;
                ALTER TABLE jobEvent DROP COLUMN origin;
                CREATE INDEX jobEvent_origin ON jobEvent(groupId, originId);
                ALTER TABLE dismissal ALTER COLUMN seq DROP IDENTITY;
                ALTER TABLE dismissal DROP CONSTRAINT dismissal_pkey;
                ALTER TABLE dismissal ADD PRIMARY KEY (groupId, seq);
                DROP INDEX dismissal_group;
                ALTER TABLE dismissal ADD COLUMN originId BIGINT;
                UPDATE dismissal f SET originId = o.originId FROM factOrigin o WHERE o.origin = f.origin;
                ALTER TABLE dismissal ALTER COLUMN originId SET NOT NULL;
                ALTER TABLE dismissal DROP COLUMN origin;
                ALTER TABLE send ALTER COLUMN seq DROP IDENTITY;
                ALTER TABLE send DROP CONSTRAINT send_pkey;
                ALTER TABLE send ADD PRIMARY KEY (groupId, seq);
                DROP INDEX send_group;
                ALTER TABLE send ADD COLUMN originId BIGINT;
                UPDATE send f SET originId = o.originId FROM factOrigin o WHERE o.origin = f.origin;
                ALTER TABLE send ALTER COLUMN originId SET NOT NULL;
                ALTER TABLE send DROP COLUMN origin;
                ALTER TABLE send ADD UNIQUE (groupId, originId, assetId, date, stakeholderId);
                """),
        Migration(name: "v14-evidence-by-close", sql: """
                -- As SQLite's v22: outcome evidence kept by the day each follow-up's outcome became known.
                CREATE TABLE evidenceByClose (
                    assetId TEXT COLLATE "C" NOT NULL,
                    need TEXT COLLATE "C" NOT NULL,
                    closes TEXT COLLATE "C" NOT NULL,
                    sends INTEGER NOT NULL,
                    successes INTEGER NOT NULL,
                    PRIMARY KEY (assetId, need, closes)
                );
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
                """),
    ]
}
