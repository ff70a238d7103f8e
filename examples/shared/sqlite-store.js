// The Store of examples/shared/callbacks.js on SQLite: the same statements serve a Durable
// Object's storage (Cloudflare) and an embedded database file (better-sqlite3, Node).
// `db` adapts the two: `db.query(sql, ...params)` returns the result rows (an empty array
// for statements without any) and `db.transaction(fn)` runs fn atomically, synchronously.
// With `{ outbox: true }` each recorded event also gets an outbox entry in the same
// transaction, and the store has an `outbox` for ./outbox.js's dispatcher.

import { jobKeyOf } from "./outbox.js";

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

// The outbox: one entry per recorded event (same seq), delivered in seq order per job.
export const OUTBOX_SCHEMA = [
  `CREATE TABLE IF NOT EXISTS outbox (
     seq INTEGER PRIMARY KEY,
     provider TEXT NOT NULL,
     dedupe_key TEXT NOT NULL,
     job_key TEXT NOT NULL,
     body TEXT NOT NULL,
     state TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     next_attempt_at INTEGER NOT NULL,
     locked_until INTEGER NOT NULL DEFAULT 0,
     round INTEGER NOT NULL DEFAULT 0
   )`,
  "CREATE INDEX IF NOT EXISTS outbox_due ON outbox (state, next_attempt_at)",
  "CREATE INDEX IF NOT EXISTS outbox_job ON outbox (provider, job_key, state, seq)",
  // One round of attempts per delivery and per replay.
  `CREATE TABLE IF NOT EXISTS attempts (
     seq INTEGER NOT NULL,
     round INTEGER NOT NULL,
     attempt INTEGER NOT NULL,
     at TEXT NOT NULL,
     status INTEGER,
     error TEXT,
     PRIMARY KEY (seq, round, attempt)
   )`,
];


export function createSqliteStore(db, { outbox = false } = {}) {
  for (const statement of SCHEMA) db.query(statement);
  if (outbox) for (const statement of OUTBOX_SCHEMA) db.query(statement);
  return {
    ...(outbox ? { outbox: sqliteOutbox(db) } : {}),
    // Synchronous inside: the dedupe insert and the state change commit together or not at
    // all. RETURNING yields a row only when the insert happened (a new dedupe key).
    record(entry, effect, message) {
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
          if (outbox) {
            db.query(
              "INSERT INTO outbox (seq, provider, dedupe_key, job_key, body, state, next_attempt_at) VALUES (?, ?, ?, ?, ?, 'pending', ?)",
              inserted[0].seq,
              entry.provider,
              entry.dedupeKey,
              jobKeyOf(entry, effect),
              message.body,
              Date.parse(entry.receivedAt),
            );
          }
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

    eventsBefore(provider, bound, limit) {
      const rows =
        bound === null
          ? db.query("SELECT * FROM events WHERE provider = ? ORDER BY received_at DESC, dedupe_key DESC LIMIT ?", provider, limit)
          : db.query(
              `SELECT * FROM events WHERE provider = ?
                 AND (received_at < ? OR (received_at = ? AND (? = 'all' OR (? = 'below' AND dedupe_key < ?))))
               ORDER BY received_at DESC, dedupe_key DESC LIMIT ?`,
              provider,
              bound.at,
              bound.at,
              bound.sameAt,
              bound.sameAt,
              bound.key,
              limit,
            );
      return Promise.resolve(rows.map(entryOfRow));
    },

    event(provider, dedupeKey) {
      const [row] = db.query("SELECT * FROM events WHERE provider = ? AND dedupe_key = ?", provider, dedupeKey);
      return Promise.resolve(row === undefined ? null : entryOfRow(row));
    },

    delivery(provider, dedupeKey) {
      if (!outbox) return Promise.resolve(null);
      const [row] = db.query("SELECT seq, state, attempts, round FROM outbox WHERE provider = ? AND dedupe_key = ?", provider, dedupeKey);
      if (row === undefined) return Promise.resolve(null);
      const attempts = db.query("SELECT round, attempt, at, status, error FROM attempts WHERE seq = ? ORDER BY round, attempt", row.seq);
      return Promise.resolve({ state: row.state, attempts });
    },

    dead() {
      if (!outbox) return Promise.resolve([]);
      const rows = db.query("SELECT provider, dedupe_key, attempts FROM outbox WHERE state = 'dead' ORDER BY seq");
      return Promise.resolve(rows.map((row) => ({ provider: row.provider, dedupeKey: row.dedupe_key, attempts: row.attempts })));
    },

    // Pending again, with a fresh round of attempts; a job's later events wait for it again.
    replay(provider, dedupeKey) {
      if (!outbox) return Promise.resolve(false);
      const rows = db.query(
        "UPDATE outbox SET state = 'pending', attempts = 0, round = round + 1, next_attempt_at = ?, locked_until = 0 WHERE provider = ? AND dedupe_key = ? AND state <> 'pending' RETURNING seq",
        Date.now(),
        provider,
        dedupeKey,
      );
      return Promise.resolve(rows.length > 0 || db.query("SELECT 1 FROM outbox WHERE provider = ? AND dedupe_key = ?", provider, dedupeKey).length > 0);
    },

    replaySince(provider, since) {
      if (!outbox) return Promise.resolve(0);
      const rows = db.query(
        `UPDATE outbox SET state = 'pending', attempts = 0, round = round + 1, next_attempt_at = ?, locked_until = 0
         WHERE provider = ? AND state <> 'pending' AND seq IN (SELECT seq FROM events WHERE provider = ? AND received_at >= ?) RETURNING seq`,
        Date.now(),
        provider,
        provider,
        since,
      );
      return Promise.resolve(rows.length);
    },

    job(provider, jobId) {
      const [row] = db.query("SELECT * FROM jobs WHERE provider = ? AND job_id = ?", provider, jobId);
      return Promise.resolve(row === undefined ? null : jobOfRow(row));
    },
  };
}

function sqliteOutbox(db) {
  return {
    // One process owns an SQLite file: at its start, every lease is a dead process's.
    recover() {
      db.query("UPDATE outbox SET locked_until = 0 WHERE state = 'pending' AND locked_until > 0");
      return Promise.resolve();
    },

    claim(nowMs, limit, leaseMs) {
      return Promise.resolve(
        db.transaction(() => {
          // The earliest pending entry of each job, if due and not leased: a job's later
          // event waits until the earlier one is delivered or dead.
          const rows = db.query(
            `SELECT seq, provider, dedupe_key, body, attempts, round FROM outbox o
             WHERE state = 'pending' AND next_attempt_at <= ? AND locked_until <= ?
               AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.provider = o.provider AND p.job_key = o.job_key AND p.state = 'pending' AND p.seq < o.seq)
             ORDER BY seq LIMIT ?`,
            nowMs,
            nowMs,
            limit,
          );
          for (const row of rows) db.query("UPDATE outbox SET locked_until = ? WHERE seq = ?", nowMs + leaseMs, row.seq);
          return rows.map((row) => ({ seq: row.seq, provider: row.provider, dedupeKey: row.dedupe_key, body: row.body, attempts: row.attempts, round: row.round }));
        }),
      );
    },

    settle(entry, result, decision) {
      db.transaction(() => {
        db.query("INSERT OR REPLACE INTO attempts (seq, round, attempt, at, status, error) VALUES (?, ?, ?, ?, ?, ?)", entry.seq, entry.round, entry.attempts + 1, result.at, result.status, result.error);
        db.query(
          "UPDATE outbox SET state = ?, attempts = ?, next_attempt_at = ?, locked_until = 0 WHERE seq = ?",
          decision.state,
          entry.attempts + 1,
          decision.nextAttemptAt ?? 0,
          entry.seq,
        );
      });
      return Promise.resolve();
    },

    nextDueAt() {
      const [row] = db.query(
        `SELECT MIN(MAX(next_attempt_at, locked_until)) AS due FROM outbox o WHERE state = 'pending'
           AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.provider = o.provider AND p.job_key = o.job_key AND p.state = 'pending' AND p.seq < o.seq)`,
      );
      return Promise.resolve(row?.due ?? null);
    },
  };
}

export function entryOfRow(row) {
  return { provider: row.provider, type: row.type, id: row.event_id, dedupeKey: row.dedupe_key, receivedAt: row.received_at };
}

function jobOfRow(row) {
  return { provider: row.provider, jobId: row.job_id, state: JSON.parse(row.state), version: row.version, updatedAt: row.updated_at };
}
