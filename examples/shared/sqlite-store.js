// The Store of examples/shared/callbacks.js on SQLite: the same statements serve a Durable
// Object's storage (Cloudflare) and an embedded database file (better-sqlite3, Node).
// `db` adapts the two: `db.query(sql, ...params)` returns the result rows (an empty array
// for statements without any) and `db.transaction(fn)` runs fn atomically, synchronously.

export const SCHEMA = [
  `CREATE TABLE IF NOT EXISTS events (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     provider TEXT NOT NULL,
     dedupe_key TEXT NOT NULL,
     type TEXT NOT NULL,
     event_id TEXT,
     received_at TEXT NOT NULL,
     UNIQUE (provider, dedupe_key)
   )`,
  `CREATE TABLE IF NOT EXISTS jobs (
     provider TEXT NOT NULL,
     job_id TEXT NOT NULL,
     state TEXT NOT NULL,
     version REAL NOT NULL,
     updated_at TEXT NOT NULL,
     PRIMARY KEY (provider, job_id)
   )`,
];

export function createSqliteStore(db) {
  for (const statement of SCHEMA) db.query(statement);
  return {
    // Synchronous inside: the dedupe insert and the state change commit together or not at
    // all. RETURNING yields a row only when the insert happened (a new dedupe key).
    record(entry, effect) {
      return Promise.resolve(
        db.transaction(() => {
          const inserted = db.query(
            `INSERT INTO events (provider, dedupe_key, type, event_id, received_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (provider, dedupe_key) DO NOTHING RETURNING seq`,
            entry.provider,
            entry.dedupeKey,
            entry.type,
            entry.id,
            entry.receivedAt,
          );
          if (inserted.length === 0) return "duplicate";
          if (effect.jobId !== null) {
            db.query(
              `INSERT INTO jobs (provider, job_id, state, version, updated_at) VALUES (?, ?, ?, ?, ?)
               ON CONFLICT (provider, job_id) DO UPDATE
                 SET state = excluded.state, version = excluded.version, updated_at = excluded.updated_at
                 WHERE excluded.version >= jobs.version`,
              entry.provider,
              effect.jobId,
              JSON.stringify(effect.state),
              effect.version,
              entry.receivedAt,
            );
          }
          return "recorded";
        }),
      );
    },

    events(provider) {
      const rows =
        provider === undefined
          ? db.query("SELECT * FROM events ORDER BY received_at DESC, seq DESC")
          : db.query("SELECT * FROM events WHERE provider = ? ORDER BY received_at DESC, seq DESC", provider);
      return Promise.resolve(rows.map(entryOfRow));
    },

    job(provider, jobId) {
      const [row] = db.query("SELECT * FROM jobs WHERE provider = ? AND job_id = ?", provider, jobId);
      return Promise.resolve(row === undefined ? null : jobOfRow(row));
    },
  };
}

export function entryOfRow(row) {
  return { provider: row.provider, type: row.type, id: row.event_id, dedupeKey: row.dedupe_key, receivedAt: row.received_at };
}

function jobOfRow(row) {
  return { provider: row.provider, jobId: row.job_id, state: JSON.parse(row.state), version: row.version, updatedAt: row.updated_at };
}
