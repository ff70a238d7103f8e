// The processes of a server under test, from /proc: the one listening on a port, its
// wrangler ancestors, and their descendants.
import assert from "node:assert/strict";
import { readdirSync, readFileSync, readlinkSync } from "node:fs";

// --- The server process and its memory, from /proc ------------------------------------------

// The process listening on `port` on 127.0.0.1: the socket's inode from /proc/net/tcp, then
// the process holding it (for `deno task`, the deno child; for wrangler, its proxy).
export function listenerPid(port) {
  const hex = port.toString(16).toUpperCase().padStart(4, "0");
  const line = readFileSync("/proc/net/tcp", "utf8")
    .split("\n")
    .map((row) => row.trim().split(/\s+/))
    .find((cols) => cols[1]?.endsWith(`:${hex}`) && cols[3] === "0A");
  assert.ok(line, `nothing listens on ${port}`);
  const link = `socket:[${line[9]}]`;
  for (const pid of readdirSync("/proc").filter((name) => /^\d+$/.test(name))) {
    let fds;
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        if (readlinkSync(`/proc/${pid}/fd/${fd}`) === link) return Number(pid);
      } catch {}
    }
  }
  throw new Error(`no process holds port ${port}`);
}

// The process and its descendants (wrangler's proxy runs workerd as a child): resident
// memory now and the sum of their high-water marks.
export function treeOf(pid) {
  const children = new Map();
  for (const name of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
    try {
      const stat = readFileSync(`/proc/${name}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(name)]);
    } catch {}
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(children.get(tree[i]) ?? []));
  return tree;
}

// Under `wrangler dev` a workerd process listens; the Worker itself runs in another one, both
// children of wrangler's node process: count them all.
export function serverRoot(pid) {
  const parentOf = (child) => Number(readFileSync(`/proc/${child}/status`, "utf8").match(/^PPid:\s+(\d+)/m)[1]);
  let root = pid;
  while (readFileSync(`/proc/${parentOf(root)}/cmdline`, "utf8").includes("wrangler")) root = parentOf(root);
  return root;
}

