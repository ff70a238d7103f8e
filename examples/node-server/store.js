// The durable default: an embedded SQLite file (better-sqlite3), no server to run. Writes
// are synchronous and fsync'd (WAL, synchronous=FULL) before record() resolves, so a 2xx
// is only sent for an event that survives a crash or power loss. Each recorded event's outbox
// entry commits in the same transaction (see ../shared/outbox.js).
import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { createSqliteStore } from "../shared/sqlite-store.js";

export { createMemoryStore } from "../shared/memory-store.js";

export function createFileStore(path) {
  mkdirSync(dirname(path), { recursive: true });
  const database = new Database(path);
  database.pragma("journal_mode = WAL");
  database.pragma("synchronous = FULL");
  const statements = new Map();
  const prepared = (sql) => {
    let statement = statements.get(sql);
    if (statement === undefined) {
      statement = database.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const store = createSqliteStore(
    {
      query(sql, ...params) {
        const statement = prepared(sql);
        if (statement.reader) return statement.all(...params);
        statement.run(...params);
        return [];
      },
      transaction: (fn) => database.transaction(fn).immediate(),
    },
    { outbox: true },
  );
  return { ...store, close: () => database.close() };
}
