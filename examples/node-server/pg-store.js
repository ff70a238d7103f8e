// The store on Postgres (DATABASE_URL=postgres://…), for several server processes sharing one
// database: the schema, guarantees and outbox of ../shared/sqlite-store.js, in Postgres.
// - record: one transaction; `INSERT … ON CONFLICT (provider, dedupe_key) DO NOTHING
//   RETURNING seq` decides duplicate or new even when two processes receive the same
//   redelivery at once (the second waits for the first's commit, then inserts nothing);
//   the job state and the outbox entry commit with it.
// - the outbox is claimed with `FOR UPDATE SKIP LOCKED` (processes claiming at once skip
//   each other's rows) plus a session advisory lock per entry held while it is attempted:
//   if the process dies, its connection ends and the lock with it, so another process (or
//   the restarted one) takes the entry over at once, without waiting for a lease to expire.
import pg from "pg";
import { jobKeyOf } from "../shared/outbox.js";

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    seq BIGSERIAL PRIMARY KEY,
    provider TEXT NOT NULL,
    dedupe_key TEXT NOT NULL,
    type TEXT NOT NULL,
    event_id TEXT,
    received_at TEXT NOT NULL,
    UNIQUE (provider, dedupe_key)
  );
  CREATE TABLE IF NOT EXISTS jobs (
    provider TEXT NOT NULL,
    job_id TEXT NOT NULL,
    state TEXT NOT NULL,
    version DOUBLE PRECISION NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (provider, job_id)
  );
  CREATE TABLE IF NOT EXISTS outbox (
    seq BIGINT PRIMARY KEY,
    provider TEXT NOT NULL,
    dedupe_key TEXT NOT NULL,
    job_key TEXT NOT NULL,
    body TEXT NOT NULL,
    state TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    next_attempt_at BIGINT NOT NULL,
    round INTEGER NOT NULL DEFAULT 0
  );
  CREATE INDEX IF NOT EXISTS outbox_due ON outbox (state, next_attempt_at);
  CREATE INDEX IF NOT EXISTS outbox_job ON outbox (provider, job_key, state, seq);
  CREATE TABLE IF NOT EXISTS attempts (
    seq BIGINT NOT NULL,
    round INTEGER NOT NULL,
    attempt INTEGER NOT NULL,
    at TEXT NOT NULL,
    status INTEGER,
    error TEXT,
    PRIMARY KEY (seq, round, attempt)
  );
`;

// Several processes may start at once: creating the schema is serialised by a lock.
const SCHEMA_LOCK = 4_815_162_342;

async function inTransaction(pool, work) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

export async function createPgStore(url) {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  await inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock($1)", [SCHEMA_LOCK]);
    await client.query(SCHEMA);
  });
  // The outbox's own session: its advisory locks are this connection's.
  const outboxClient = new pg.Client({ connectionString: url });
  await outboxClient.connect();

  const entryOfRow = (row) => ({ provider: row.provider, type: row.type, id: row.event_id, dedupeKey: row.dedupe_key, receivedAt: row.received_at });

  return {
    async record(entry, effect, message) {
      return inTransaction(pool, async (client) => {
        const inserted = await client.query(
          `INSERT INTO events (provider, dedupe_key, type, event_id, received_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (provider, dedupe_key) DO NOTHING RETURNING seq`,
          [entry.provider, entry.dedupeKey, entry.type, entry.id, entry.receivedAt],
        );
        if (inserted.rowCount === 0) return "duplicate";
        if (effect.jobId !== null) {
          await client.query(
            `INSERT INTO jobs (provider, job_id, state, version, updated_at) VALUES ($1, $2, $3, $4, $5)
             ON CONFLICT (provider, job_id) DO UPDATE
               SET state = excluded.state, version = excluded.version, updated_at = excluded.updated_at
               WHERE excluded.version >= jobs.version`,
            [entry.provider, effect.jobId, JSON.stringify(effect.state), effect.version, entry.receivedAt],
          );
        }
        await client.query("INSERT INTO outbox (seq, provider, dedupe_key, job_key, body, state, next_attempt_at) VALUES ($1, $2, $3, $4, $5, 'pending', $6)", [
          inserted.rows[0].seq,
          entry.provider,
          entry.dedupeKey,
          jobKeyOf(entry, effect),
          message.body,
          Date.parse(entry.receivedAt),
        ]);
        return "recorded";
      });
    },

    async eventsBefore(provider, bound, limit) {
      // COLLATE "C": byte order, as SQLite and Deno KV compare the dedupe keys.
      const { rows } =
        bound === null
          ? await pool.query(`SELECT * FROM events WHERE provider = $1 ORDER BY received_at COLLATE "C" DESC, dedupe_key COLLATE "C" DESC LIMIT $2`, [provider, limit])
          : await pool.query(
              `SELECT * FROM events WHERE provider = $1
                 AND (received_at COLLATE "C" < $2 OR (received_at = $2 AND ($3 = 'all' OR ($3 = 'below' AND dedupe_key COLLATE "C" < $4))))
               ORDER BY received_at COLLATE "C" DESC, dedupe_key COLLATE "C" DESC LIMIT $5`,
              [provider, bound.at, bound.sameAt, bound.key, limit],
            );
      return rows.map(entryOfRow);
    },

    async event(provider, dedupeKey) {
      const { rows } = await pool.query("SELECT * FROM events WHERE provider = $1 AND dedupe_key = $2", [provider, dedupeKey]);
      return rows.length === 0 ? null : entryOfRow(rows[0]);
    },

    async delivery(provider, dedupeKey) {
      const { rows } = await pool.query("SELECT seq, state FROM outbox WHERE provider = $1 AND dedupe_key = $2", [provider, dedupeKey]);
      if (rows.length === 0) return null;
      const { rows: attempts } = await pool.query("SELECT round, attempt, at, status, error FROM attempts WHERE seq = $1 ORDER BY round, attempt", [rows[0].seq]);
      return { state: rows[0].state, attempts };
    },

    async dead() {
      const { rows } = await pool.query("SELECT provider, dedupe_key, attempts FROM outbox WHERE state = 'dead' ORDER BY seq");
      return rows.map((row) => ({ provider: row.provider, dedupeKey: row.dedupe_key, attempts: row.attempts }));
    },

    async replay(provider, dedupeKey) {
      await pool.query("UPDATE outbox SET state = 'pending', attempts = 0, round = round + 1, next_attempt_at = $1 WHERE provider = $2 AND dedupe_key = $3 AND state <> 'pending'", [Date.now(), provider, dedupeKey]);
      const { rowCount } = await pool.query("SELECT 1 FROM outbox WHERE provider = $1 AND dedupe_key = $2", [provider, dedupeKey]);
      return rowCount > 0;
    },

    async replaySince(provider, since) {
      const { rowCount } = await pool.query(
        `UPDATE outbox SET state = 'pending', attempts = 0, round = round + 1, next_attempt_at = $1
         WHERE provider = $2 AND state <> 'pending' AND seq IN (SELECT seq FROM events WHERE provider = $2 AND received_at >= $3)`,
        [Date.now(), provider, since],
      );
      return rowCount;
    },

    async job(provider, jobId) {
      const { rows } = await pool.query("SELECT * FROM jobs WHERE provider = $1 AND job_id = $2", [provider, jobId]);
      const [row] = rows;
      return row === undefined ? null : { provider: row.provider, jobId: row.job_id, state: JSON.parse(row.state), version: row.version, updatedAt: row.updated_at };
    },

    outbox: {
      async claim(nowMs, limit) {
        // The earliest pending entry of each job, due, and not held by any process: the
        // row lock keeps concurrent claims apart, the advisory lock keeps the entry this
        // session's until it is settled (or the session ends).
        await outboxClient.query("BEGIN");
        try {
          const { rows } = await outboxClient.query(
            `SELECT seq, provider, dedupe_key, body, attempts, round FROM outbox o
             WHERE state = 'pending' AND next_attempt_at <= $1
               AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.provider = o.provider AND p.job_key = o.job_key AND p.state = 'pending' AND p.seq < o.seq)
             ORDER BY seq LIMIT $2 FOR UPDATE SKIP LOCKED`,
            [nowMs, limit * 4],
          );
          const claimed = [];
          for (const row of rows) {
            if (claimed.length === limit) break;
            const { rows: locked } = await outboxClient.query("SELECT pg_try_advisory_lock($1) AS ok", [row.seq]);
            if (locked[0].ok) claimed.push({ seq: row.seq, provider: row.provider, dedupeKey: row.dedupe_key, body: row.body, attempts: row.attempts, round: row.round });
          }
          await outboxClient.query("COMMIT");
          // Another process may have settled an entry between its lock and this claim:
          // only what is still pending is attempted.
          const { rows: still } = claimed.length === 0 ? { rows: [] } : await outboxClient.query("SELECT seq, attempts, round FROM outbox WHERE seq = ANY($1) AND state = 'pending'", [claimed.map((one) => one.seq)]);
          const pending = new Map(still.map((row) => [String(row.seq), row]));
          for (const one of claimed.filter((entry) => !pending.has(String(entry.seq)))) await outboxClient.query("SELECT pg_advisory_unlock($1)", [one.seq]);
          return claimed.filter((entry) => pending.has(String(entry.seq))).map((entry) => ({ ...entry, attempts: pending.get(String(entry.seq)).attempts, round: pending.get(String(entry.seq)).round }));
        } catch (error) {
          await outboxClient.query("ROLLBACK").catch(() => {});
          throw error;
        }
      },

      async settle(entry, result, decision) {
        await inTransaction(pool, async (client) => {
          await client.query("INSERT INTO attempts (seq, round, attempt, at, status, error) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (seq, round, attempt) DO UPDATE SET at = excluded.at, status = excluded.status, error = excluded.error", [
            entry.seq,
            entry.round,
            entry.attempts + 1,
            result.at,
            result.status,
            result.error,
          ]);
          await client.query("UPDATE outbox SET state = $1, attempts = $2, next_attempt_at = $3 WHERE seq = $4", [decision.state, entry.attempts + 1, decision.nextAttemptAt ?? 0, entry.seq]);
        });
        await outboxClient.query("SELECT pg_advisory_unlock($1)", [entry.seq]);
      },

      async nextDueAt() {
        const { rows } = await outboxClient.query(
          `SELECT MIN(next_attempt_at) AS due FROM outbox o WHERE state = 'pending'
             AND NOT EXISTS (SELECT 1 FROM outbox p WHERE p.provider = o.provider AND p.job_key = o.job_key AND p.state = 'pending' AND p.seq < o.seq)`,
        );
        return rows[0].due === null ? null : Number(rows[0].due);
      },
    },

    async close() {
      await outboxClient.end().catch(() => {});
      await pool.end().catch(() => {});
    },
  };
}
