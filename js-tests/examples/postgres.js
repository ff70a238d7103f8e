// A throwaway Postgres (Debian's package, `make postgres` installs it) for the tests: its own
// data directory, on a free 127.0.0.1 port, trust authentication, stopped with `stop()`.
// initdb refuses to run as root, so as root the server runs as the `postgres` user.
import { execFileSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdirSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { freePort } from "../harness/wrangler-dev.js";

function binDir() {
  const root = "/usr/lib/postgresql";
  const version = existsSync(root) ? readdirSync(root).sort().pop() : undefined;
  if (version === undefined) throw new Error("Postgres is not installed: run `make postgres` (Debian's postgresql)");
  return join(root, version, "bin");
}

export async function startPostgres(directory) {
  const bin = binDir();
  const data = join(directory, "pgdata");
  mkdirSync(data, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  const run = (program, args) => {
    const command = [join(bin, program), ...args];
    if (!asRoot) return execFileSync(command[0], command.slice(1), { stdio: "pipe" });
    const quoted = command.map((part) => `'${part.replace(/'/g, "'\\''")}'`).join(" ");
    return execFileSync("su", ["postgres", "-s", "/bin/sh", "-c", quoted], { stdio: "pipe" });
  };
  if (asRoot) {
    const { uid, gid } = postgresUser();
    chmodSync(directory, 0o755);
    chownSync(data, uid, gid);
  }
  const port = await freePort();
  run("initdb", ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync"]);
  run("pg_ctl", ["-D", data, "-w", "-o", `-p ${port} -k ${data} -c listen_addresses=127.0.0.1 -c fsync=on`, "-l", join(data, "log"), "start"]);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => run("pg_ctl", ["-D", data, "-m", "immediate", "stop"]),
  };
}

function postgresUser() {
  const line = execFileSync("getent", ["passwd", "postgres"], { encoding: "utf8" }).trim();
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}
