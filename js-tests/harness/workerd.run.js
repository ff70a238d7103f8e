// workerd: `wrangler dev` bundles worker.js with the installed package and serves it on
// 127.0.0.1; this script sends the requests. Prints "workerd: N passed, M failed".
import * as hookproof from "hookproof";
import { bodies } from "./cases.js";
import { startWranglerDev } from "./wrangler-dev.js";

const wrangler = process.argv[2];
let server;
let passed = 0;
let failed = 0;
try {
  server = await startWranglerDev(wrangler, { readyPath: "/cases" });
  const { base } = server;
  const names = await (await fetch(`${base}/cases`)).json();
  for (const name of names) {
    const result = await (await fetch(`${base}/run?name=${encodeURIComponent(name)}`)).json();
    if (result.ok) passed++;
    else {
      failed++;
      console.log(`not ok - ${name}\n${result.error}`);
    }
  }

  // Real requests over HTTP into verifyRequest in the Worker.
  const secrets = { g2sentry: "worker-secret", contentspal: "worker-secret", sir: "whsec_worker", gengo: "worker-token" };
  const checks = [];
  for (const provider of Object.keys(secrets)) {
    const s = hookproof.sign(provider, bodies[provider], secrets[provider], { url: `/hook/${provider}` });
    checks.push([`${provider}: genuine POST verified in the Worker`, s.url ?? `/hook/${provider}`, s.headers, bodies[provider], true]);
    const forged = hookproof.sign(provider, bodies[provider], "forged", { url: `/hook/${provider}` });
    checks.push([`${provider}: forged POST refused in the Worker`, forged.url ?? `/hook/${provider}`, forged.headers, bodies[provider], false]);
  }
  for (const [name, path, headers, body, genuine] of checks) {
    const response = await fetch(base + path, { method: "POST", headers, body });
    const reply = await response.json();
    const good = genuine ? response.status === 200 && reply.ok : response.status === 401 && reply.known && reply.code === "signature_mismatch";
    if (good) passed++;
    else {
      failed++;
      console.log(`not ok - ${name}: ${response.status} ${JSON.stringify(reply)}`);
    }
  }
} catch (error) {
  console.log(`workerd could not run: ${error.message}`);
  failed++;
} finally {
  await server?.stop();
}

// The same package in a Worker with nodejs_compat: the native HMAC path's cross-check.
let compat;
try {
  compat = await startWranglerDev(wrangler, { readyPath: "/cases", args: ["--config", "wrangler-compat.toml"] });
  const names = await (await fetch(`${compat.base}/cases`)).json();
  for (const name of names) {
    const result = await (await fetch(`${compat.base}/run?name=${encodeURIComponent(name)}`)).json();
    if (result.ok) passed++;
    else {
      failed++;
      console.log(`not ok - nodejs_compat: ${name}\n${result.error}`);
    }
  }
} catch (error) {
  console.log(`workerd (nodejs_compat) could not run: ${error.message}`);
  failed++;
} finally {
  await compat?.stop();
}
console.log(`workerd: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
