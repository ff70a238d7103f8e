// hookproof/stores/sqlite: dedupe keys in a SQLite table, shared by every process that
// opens the same file and kept across restarts. Pass your open database: better-sqlite3's
// `Database`, Node 22+'s `node:sqlite` DatabaseSync, or bun:sqlite's (each has prepare/exec).
// hookproof itself depends on none of them.

const TABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
// Expired rows of other keys are swept once in this many inserts, so the table stays small.
const SWEEP_EVERY = 1000;

/** `{ hasOrSet(key, ttlSeconds), delete(key) }` over `db` (table created if missing). */
export function sqliteStore(db, { table = "hookproof_dedupe", now = () => Date.now() } = {}) {
  if (db === null || typeof db !== "object" || typeof db.prepare !== "function" || typeof db.exec !== "function") {
    throw new TypeError("sqliteStore(db): db must be an open SQLite database (better-sqlite3, node:sqlite or bun:sqlite)");
  }
  if (!TABLE_NAME.test(table)) throw new TypeError("sqliteStore: table must be a plain SQL identifier");
  db.exec(`CREATE TABLE IF NOT EXISTS ${table} (key TEXT PRIMARY KEY NOT NULL, expires_at INTEGER NOT NULL)`);
  const purgeOne = db.prepare(`DELETE FROM ${table} WHERE key = ? AND expires_at <= ?`);
  const insert = db.prepare(`INSERT OR IGNORE INTO ${table} (key, expires_at) VALUES (?, ?)`);
  const remove = db.prepare(`DELETE FROM ${table} WHERE key = ?`);
  const sweep = db.prepare(`DELETE FROM ${table} WHERE expires_at <= ?`);
  let inserts = 0;

  // One transaction: an expired key is replaced, a live one reported, atomically (SQLite
  // serialises writers, across processes too).
  const claim = (key, ttlSeconds) => {
    const time = now();
    purgeOne.run(key, time);
    return insert.run(key, time + ttlSeconds * 1000).changes === 0;
  };
  const inTransaction =
    typeof db.transaction === "function"
      ? db.transaction(claim)
      : (key, ttlSeconds) => {
          db.exec("BEGIN IMMEDIATE");
          try {
            const seen = claim(key, ttlSeconds);
            db.exec("COMMIT");
            return seen;
          } catch (error) {
            db.exec("ROLLBACK");
            throw error;
          }
        };

  return {
    async hasOrSet(key, ttlSeconds) {
      const seen = inTransaction(key, ttlSeconds);
      if (!seen && ++inserts % SWEEP_EVERY === 0) sweep.run(now());
      return seen;
    },
    async delete(key) {
      remove.run(key);
    },
  };
}
