# hookproof — every entry point a developer or CI needs.
# `make demo` and `make test` work on a fresh machine by themselves: each first installs
# what it needs (idempotent, quick once done).

CARGO ?= cargo
NPM   ?= npm
# The exact wasm-bindgen version the crate locks; the CLI must match it.
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/version = "\(.*\)"/\1/p}' Cargo.lock)

export WRANGLER_SEND_METRICS := false
export WRANGLER_SEND_ERROR_REPORTS := false
export CLOUDFLARE_CF_FETCH_ENABLED := false
export DENO_NO_UPDATE_CHECK := 1

.PHONY: test-adapters redis-server postgres bench-endpoints test-differential fuzz bench-ct demo demo-rust test test-rust test-nostd lint tools tools-build chromium pkg test-js test-wasm test-examples examples-deps inspector test-inspector bench

WORKER := examples/cloudflare-worker
INSPECTOR := examples/inspector
EXAMPLES := $(WORKER) examples/node-server examples/deno $(INSPECTOR)

## The main job end to end: the Cloudflare Worker example in workerd on 127.0.0.1, sent a
## signed delivery per provider, a redelivery and a tampered one; prints what happened, then
## the events forwarded from its outbox to a receiver as Standard Webhooks deliveries.
demo: tools-build pkg $(WORKER)/node_modules/.package-lock.json js-tests/examples/node_modules/.package-lock.json
	node $(WORKER)/demo.js

## The Rust console demo: sign and verify a sample delivery per provider, print the events.
demo-rust:
	$(CARGO) run --quiet --example demo

## Every test: native Rust (unit, integration, property, doc), no_std build, lints, the npm
## package in real JS runtimes, and the callback endpoints in theirs.
test: tools test-rust test-nostd lint test-wasm test-js test-differential test-examples test-inspector test-adapters

test-rust:
	$(CARGO) test --all-targets
	$(CARGO) test --doc
	$(CARGO) test --features typescript --test typescript
	$(CARGO) test --doc --features typescript typescript

test-nostd:
	$(CARGO) build --lib --no-default-features --target thumbv7em-none-eabihf

lint:
	$(CARGO) fmt --check
	$(CARGO) clippy --all-targets -- -D warnings
	$(CARGO) clippy --all-targets --features typescript -- -D warnings
	$(CARGO) clippy --lib --no-default-features --target thumbv7em-none-eabihf -- -D warnings
	$(CARGO) clippy --lib --target wasm32-unknown-unknown --no-default-features --features wasm -- -D warnings
	$(CARGO) clippy --lib --profile test --target wasm32-unknown-unknown --features wasm -- -D warnings

JS_TESTS := js-tests
JS_BIN := $(JS_TESTS)/node_modules/.bin
# npm binaryen (pinned in js-tests/package-lock.json): Debian's binaryen 108 predates the
# final reference-types encoding and corrupts wasm-bindgen's externref table.
WASM_OPT ?= $(JS_BIN)/wasm-opt
WASM_BINDGEN ?= wasm-bindgen
WASM_TARGET := $(or $(CARGO_TARGET_DIR),target)/wasm32-unknown-unknown/release/hookproof.wasm
DIST := pkg/dist
# The size goal for the optimised module (issue 11: 200 KB raw, 80 KB gzip), in bytes.
WASM_BUDGET_RAW := 204800
WASM_BUDGET_GZIP := 81920

## The JS tooling (wasm-opt, wrangler, deno, playwright-core), exactly as locked. Each
## example's own packages likewise (better-sqlite3 compiles from source: about a minute).
%/node_modules/.package-lock.json: %/package-lock.json
	$(NPM) ci --prefix $* --no-audit --no-fund
	@touch $@

## Builds the npm package's generated files into pkg/dist (wasm, glue, embedded copy).
pkg: $(JS_TESTS)/node_modules/.package-lock.json
	@test "$$($(WASM_BINDGEN) --version)" = "wasm-bindgen $(WASM_BINDGEN_VERSION)" || \
	  { echo "need wasm-bindgen $(WASM_BINDGEN_VERSION) (cargo install wasm-bindgen-cli --version =$(WASM_BINDGEN_VERSION))"; exit 1; }
	$(CARGO) build --lib --release --target wasm32-unknown-unknown --no-default-features --features wasm
	rm -rf $(DIST) && mkdir -p $(DIST)
	$(WASM_BINDGEN) --target web --no-typescript --out-dir $(DIST) --out-name hookproof $(WASM_TARGET)
	$(WASM_OPT) -O3 --enable-simd --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
	  --enable-mutable-globals --enable-reference-types --enable-multivalue \
	  --strip-debug --strip-producers $(DIST)/hookproof_bg.wasm -o $(DIST)/hookproof_bg.wasm
	printf 'export const wasmBase64 = "%s";\n' "$$(base64 -w0 $(DIST)/hookproof_bg.wasm)" > $(DIST)/hookproof_bg.wasm.js
	$(CARGO) run --quiet --example typescript --features typescript > $(DIST)/types.d.ts
	@raw=$$(wc -c < $(DIST)/hookproof_bg.wasm); gz=$$(gzip -9c $(DIST)/hookproof_bg.wasm | wc -c); \
	  echo "wasm size: $$raw bytes raw ($$((raw / 1024)) KiB), $$gz bytes gzip ($$((gz / 1024)) KiB); budget $(WASM_BUDGET_RAW) / $(WASM_BUDGET_GZIP)"; \
	  if [ $$raw -gt $(WASM_BUDGET_RAW) ] || [ $$gz -gt $(WASM_BUDGET_GZIP) ]; then echo "WARNING: wasm over budget"; fi

## The JS boundary (src/wasm.rs) under wasm-bindgen-test-runner, in Node.
test-wasm:
	CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
	  $(CARGO) test --lib --target wasm32-unknown-unknown --features wasm

# The runtimes test-js runs the shared cases in. A subset fails the run (each runtime left
# out counts as a failure) unless HOOKPROOF_PARTIAL_RUNTIMES=1 is set as well.
JS_RUNTIMES ?= node deno workerd chromium

## The packed npm package, installed into a scratch project, in each runtime of JS_RUNTIMES.
test-js: pkg
	node $(JS_TESTS)/run.js $(JS_RUNTIMES)

## hookproof against the providers' own libraries from npm (stripe, standardwebhooks, svix,
## @octokit/webhooks-methods, twilio, tweetnacl) and Web Crypto's ECDSA, both ways.
test-differential: pkg $(JS_TESTS)/differential/node_modules/.package-lock.json
	node --test --test-timeout=120000 $(JS_TESTS)/differential/

examples-deps: $(EXAMPLES:%=%/node_modules/.package-lock.json) js-tests/examples/node_modules/.package-lock.json

## Debian's Postgres for the Node example's Postgres store (the tests start their own server
## in a throwaway directory; nothing runs as a system service).
postgres:
	@test -d /usr/lib/postgresql || { $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends postgresql; }

## The callback endpoints in examples/, each started for real on 127.0.0.1 (node:test): their
## behaviour, and a hostile-client suite (hostile.test.js, about a minute).
test-examples: pkg examples-deps postgres
	node --test --test-timeout=120000 js-tests/examples/

## The browser inspector as one self-contained file: open examples/inspector/dist/index.html.
inspector: tools-build pkg $(INSPECTOR)/node_modules/.package-lock.json
	node $(INSPECTOR)/build.mjs

## The built inspector opened from disk in headless Chromium, driven through its labels.
test-inspector: inspector chromium
	node --test --test-timeout=120000 js-tests/inspector/

# Each folder has its own locked packages (the frameworks); node --test finds the tests in
# all of them from the two roots.
ADAPTER_PROJECTS := js-tests/adapters js-tests/adapters/next js-tests/adapters/sveltekit js-tests/adapters/react-router js-tests/adapters/astro js-tests/cli

## The framework adapters (hookproof/express, /fastify, /hono, /fetch, /lambda, ...), the
## stores and the command-line tool, each against the real framework, database or server
## from npm / Debian, served on 127.0.0.1 (node:test).
test-adapters: pkg redis-server $(ADAPTER_PROJECTS:%=%/node_modules/.package-lock.json)
	node --test --test-timeout=300000 js-tests/adapters/ js-tests/cli/

## Debian's redis-server for the Redis store's test (the test starts its own, on a free port).
redis-server:
	@command -v redis-server >/dev/null || { $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends redis-server; }

## Installs every toolchain piece the targets above need (idempotent).
tools: tools-build chromium

## What building the package needs: Rust targets and components, wasm-bindgen-cli at the
## locked version, the JS tooling.
tools-build: $(JS_TESTS)/node_modules/.package-lock.json
	rustup target add wasm32-unknown-unknown thumbv7em-none-eabihf
	rustup component add clippy rustfmt
	@# Not --locked: the CLI's own lock pins a webpki-roots release the registry here lacks.
	@if [ "$$($(WASM_BINDGEN) --version 2>/dev/null)" != "wasm-bindgen $(WASM_BINDGEN_VERSION)" ]; then \
	  $(CARGO) install wasm-bindgen-cli --version =$(WASM_BINDGEN_VERSION); fi

## Debian's Chromium for the browser tests (Playwright drives it and downloads no browser).
SUDO := $(if $(filter 0,$(shell id -u)),,sudo)
chromium:
	@command -v chromium >/dev/null || { $(SUDO) apt-get update && $(SUDO) apt-get install -y --no-install-recommends chromium; }

BENCH_JS := benches/js
# BENCH_FLAGS=--quick runs two sizes and short batches (a smoke run, not for numbers).
BENCH_FLAGS ?=

## Side-by-side speed: hookproof vs node:crypto, Web Crypto and standardwebhooks in Node,
## Deno and workerd, with native Rust (SHA extensions and portable) as the baseline.
## Prints Markdown tables (BENCHMARKS.md holds the latest); criterion's own log goes to
## target/bench-native.log.
bench: pkg $(BENCH_JS)/node_modules/.package-lock.json
	$(CARGO) bench --bench native > target/bench-native.log 2>&1
	RUSTFLAGS='--cfg sha2_backend="soft"' CARGO_TARGET_DIR=target/bench-soft \
	  $(CARGO) bench --bench native -- prove_1mib >> target/bench-native.log 2>&1
	node $(BENCH_JS)/run.mjs $(CURDIR)/$(JS_BIN) $(BENCH_FLAGS)

## Load figures for the endpoints: deliveries per second at concurrency 1, 16 and 64 with
## each durable store, p50/p99, and Node/SQLite with verification off and with node:crypto
## (js-tests/examples/load.mjs; about two minutes). Prints a Markdown table.
bench-endpoints: pkg examples-deps postgres
	node js-tests/examples/load.mjs

FUZZ_TARGETS := verify_decode header_values gengo_form explain
# Seconds per target; `make fuzz FUZZ_SECONDS=30` for a short run.
FUZZ_SECONDS ?= 180

## Fuzzes each target for FUZZ_SECONDS with cargo-fuzz (nightly, installed here if
## missing); fails on any crash, panic, timeout or out-of-memory. Seeds: fuzz/seeds/.
## Prints one line a target: time, executions, crashes. Not part of `make test`.
fuzz:
	rustup toolchain install nightly --profile minimal
	@command -v cargo-fuzz >/dev/null || $(CARGO) install cargo-fuzz
	@for target in $(FUZZ_TARGETS); do \
	  mkdir -p fuzz/corpus/$$target; \
	  (cd fuzz && cargo +nightly fuzz run $$target corpus/$$target seeds/$$target -- \
	    -max_total_time=$(FUZZ_SECONDS) -timeout=10 -rss_limit_mb=2048 -print_final_stats=1) \
	    > target/fuzz-$$target.log 2>&1 || { tail -40 target/fuzz-$$target.log; echo "fuzz: $$target FAILED"; exit 1; }; \
	  echo "fuzz: $$target $(FUZZ_SECONDS) s, $$(sed -n 's/^stat::number_of_executed_units: *//p' target/fuzz-$$target.log) executions, 0 crashes"; \
	done

## Constant-time evidence (a measurement, not a test): dudect's t-test of the signature
## check natively (benches/ct.rs) and in the wasm module under Node (benches/js/ct.mjs).
bench-ct: pkg
	@exe=$$($(CARGO) bench --bench ct --no-run --message-format=json 2>/dev/null | sed -n 's/.*"executable":"\([^"]*\)".*/\1/p' | tail -1); \
	  echo "native:"; $$exe --bench
	node benches/js/ct.mjs
