// hookproof/lambda with the request events as AWS documents them: API Gateway REST API
// (payload format 1.0), HTTP API (2.0) and Lambda function URLs (2.0), text and base64
// bodies. (Lambda's runtime is the function call itself: the adapter is invoked exactly
// as the Node.js runtime invokes a handler, `await handler(event, context)`.)
import { webhook } from "hookproof/lambda";
import { memoryStore } from "hookproof/stores/memory";
import { sign } from "hookproof";
import { assert, G2_BODY, SECRETS, SIR_BODY, test } from "./helpers.js";

const context = { awsRequestId: "c6af9ac6-7b61-11e6-9a41-93e812345678", functionName: "webhooks", getRemainingTimeInMillis: () => 3000 };

// docs.aws.amazon.com/apigateway/latest/developerguide/set-up-lambda-proxy-integrations.html
function restEvent({ headers, body, base64 = false, path = "/webhooks", query = null }) {
  const multi = {};
  for (const [name, value] of Object.entries(headers)) multi[name] = [value];
  return {
    resource: path,
    path,
    httpMethod: "POST",
    headers: { ...headers, Host: "abcdef1234.execute-api.us-east-1.amazonaws.com", "X-Forwarded-Proto": "https" },
    multiValueHeaders: { ...multi, Host: ["abcdef1234.execute-api.us-east-1.amazonaws.com"] },
    queryStringParameters: query,
    multiValueQueryStringParameters: query === null ? null : Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v]])),
    pathParameters: null,
    stageVariables: null,
    requestContext: { accountId: "123456789012", apiId: "abcdef1234", domainName: "abcdef1234.execute-api.us-east-1.amazonaws.com", httpMethod: "POST", path: `/prod${path}`, protocol: "HTTP/1.1", requestId: "c6af9ac6", resourcePath: path, stage: "prod" },
    body: base64 ? Buffer.from(body).toString("base64") : body,
    isBase64Encoded: base64,
  };
}

// docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-lambda.html
// and docs.aws.amazon.com/lambda/latest/dg/urls-invocation.html (function URLs: same format)
function v2Event({ headers, body, base64 = false, path = "/webhooks", rawQueryString = "", domainName = "r3pmxmplak.execute-api.us-east-2.amazonaws.com" }) {
  const lower = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
  return {
    version: "2.0",
    routeKey: "POST /webhooks",
    rawPath: path,
    rawQueryString,
    headers: { ...lower, host: domainName, "x-forwarded-proto": "https" },
    queryStringParameters: rawQueryString === "" ? undefined : Object.fromEntries(new URLSearchParams(rawQueryString)),
    requestContext: { accountId: "123456789012", apiId: "r3pmxmplak", domainName, domainPrefix: domainName.split(".")[0], http: { method: "POST", path, protocol: "HTTP/1.1", sourceIp: "203.0.113.7", userAgent: "SIRGiving-Webhooks/1.0" }, requestId: "JKJaXmPLvHcESHA=", routeKey: "POST /webhooks", stage: "$default", time: "10/Mar/2020:05:16:23 +0000", timeEpoch: 1583817383220 },
    body: base64 ? Buffer.from(body).toString("base64") : body,
    isBase64Encoded: base64,
  };
}

const functionUrlEvent = (args) => ({ ...v2Event({ ...args, domainName: "a1b2c3d4e5f6g7h8i9j0.lambda-url.us-east-1.on.aws" }), routeKey: "$default" });

const SHAPES = { "REST API (1.0)": restEvent, "HTTP API (2.0)": v2Event, "function URL": functionUrlEvent };

function sirDelivery(body = SIR_BODY) {
  const signed = sign("sir", body, SECRETS.sir);
  return { headers: { "Content-Type": "application/json", ...signed.headers }, body };
}

for (const [shape, eventOf] of Object.entries(SHAPES)) {
  for (const base64 of [false, true]) {
    const label = `lambda ${shape}${base64 ? ", base64 body" : ""}`;

    test(`${label}: genuine, tampered, duplicate`, async () => {
      const events = [];
      const reports = [];
      const handler = webhook({ provider: "sir", secret: SECRETS.sir, store: memoryStore(), handler: async (event) => events.push(event), onError: (report) => reports.push(report) });
      const genuine = await handler(eventOf({ ...sirDelivery(), base64 }), context);
      assert.equal(genuine.statusCode, 200);
      assert.deepEqual(JSON.parse(genuine.body), { received: true });
      assert.equal(genuine.isBase64Encoded, false);
      assert.equal(events[0].payload.data.tokensDistributed, 40);
      const duplicate = await handler(eventOf({ ...sirDelivery(), base64 }), context);
      assert.deepEqual([duplicate.statusCode, JSON.parse(duplicate.body)], [200, { duplicate: true }]);
      const delivery = sirDelivery();
      const tampered = await handler(eventOf({ ...delivery, body: delivery.body.replace("act_42", "act_24"), base64 }), context);
      assert.deepEqual([tampered.statusCode, JSON.parse(tampered.body)], [401, { error: "signature_mismatch" }]);
      assert.equal(events.length, 1);
      assert.equal(reports[0].explain().error.code, "signature_mismatch");
    });

    test(`${label}: non-UTF-8 and exact bytes survive; oversized is 413; malformed is 400`, async () => {
      const handler = webhook({ provider: "g2sentry", secret: SECRETS.g2sentry, maxBodyBytes: 512, handler: async () => {} });
      const g2 = (body) => ({ headers: { "Content-Type": "application/json", ...sign("g2sentry", body, SECRETS.g2sentry).headers }, body });
      const ok = await handler(eventOf({ ...g2(G2_BODY), base64 }), context);
      assert.equal(ok.statusCode, 200);
      const big = JSON.stringify({ jobId: 5, eventType: "JobCompleted", jobName: "x".repeat(600), jobStatus: "Completed" });
      const oversized = await handler(eventOf({ ...g2(big), base64 }), context);
      assert.deepEqual([oversized.statusCode, JSON.parse(oversized.body)], [413, { error: "body_too_large" }]);
      const malformed = await handler(eventOf({ ...g2("{oops"), base64 }), context);
      assert.deepEqual([malformed.statusCode, JSON.parse(malformed.body)], [400, { error: "malformed_body" }]);
    });
  }

  test(`lambda ${shape}: gengo's token comes from the query string`, async () => {
    const events = [];
    const handler = webhook({ provider: "gengo", secret: SECRETS.gengo, handler: async (event) => events.push(event) });
    const signed = sign("gengo", { comment: { job_id: "1", body: "hi", ctime: 1, custom_data: "" } }, SECRETS.gengo, { url: "https://example.com/webhooks" });
    const token = new URL(signed.url).searchParams.get("token");
    const headers = { "Content-Type": "application/x-www-form-urlencoded" };
    const event = shape.startsWith("REST")
      ? eventOf({ headers, body: signed.body, query: { token } })
      : eventOf({ headers, body: signed.body, rawQueryString: `token=${encodeURIComponent(token)}` });
    const answer = await handler(event, context);
    assert.equal(answer.statusCode, 200);
    assert.equal(events[0].type, "comment");
    const wrong = shape.startsWith("REST") ? eventOf({ headers, body: signed.body, query: { token: "nope" } }) : eventOf({ headers, body: signed.body, rawQueryString: "token=nope" });
    assert.equal((await handler(wrong, context)).statusCode, 401);
  });
}

test("lambda: a body that arrives already parsed (non-proxy integration) is refused, naming the fix", async () => {
  const reports = [];
  const handler = webhook({ provider: "sir", secret: SECRETS.sir, handler: async () => {}, onError: (report) => reports.push(report) });
  const event = restEvent(sirDelivery());
  event.body = JSON.parse(event.body);
  const answer = await handler(event, context);
  assert.deepEqual([answer.statusCode, JSON.parse(answer.body)], [500, { error: "internal_error" }]);
  assert.equal(reports[0].stage, "setup");
  assert.match(reports[0].error.message, /Use a Lambda proxy integration/);
});

test("lambda: a base64 body longer than the limit allows is refused before decoding", async () => {
  const handler = webhook({ provider: "sir", secret: SECRETS.sir, maxBodyBytes: 100, handler: async () => {} });
  const event = v2Event({ headers: {}, body: "x", base64: true });
  event.body = "A".repeat(10_000_000); // 7.5 MB decoded: never decoded
  const answer = await handler(event, context);
  assert.equal(answer.statusCode, 413);
});

test("lambda: a handler error is a bare 500 and releases the dedupe key", async () => {
  let calls = 0;
  const handler = webhook({ provider: "sir", secret: SECRETS.sir, store: memoryStore(), onError: () => {}, handler: async () => { calls += 1; if (calls === 1) throw new Error("downstream"); } });
  const first = await handler(v2Event(sirDelivery()), context);
  assert.deepEqual([first.statusCode, JSON.parse(first.body)], [500, { error: "internal_error" }]);
  const retry = await handler(v2Event(sirDelivery()), context);
  assert.equal(retry.statusCode, 200);
  assert.equal(calls, 2);
});
