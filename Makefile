# hookproof — every entry point a developer or CI needs.
# `make demo` and `make test` must work on a fresh machine after `.ci/run`'s installs.

CARGO ?= cargo
NPM   ?= npm
# The exact wasm-bindgen version the crate locks; the CLI must match it.
WASM_BINDGEN_VERSION := $(shell sed -n '/^name = "wasm-bindgen"$$/{n;s/version = "\(.*\)"/\1/p}' Cargo.lock)

export WRANGLER_SEND_METRICS := false
export WRANGLER_SEND_ERROR_REPORTS := false
export CLOUDFLARE_CF_FETCH_ENABLED := false
export DENO_NO_UPDATE_CHECK := 1

.PHONY: demo test test-rust test-nostd lint tools

## Sign and verify a sample delivery for every provider, print the decoded events.
demo:
	$(CARGO) run --quiet --example demo

## Every test: native Rust (unit, integration, property, doc), no_std build, lints.
test: test-rust test-nostd lint

test-rust:
	$(CARGO) test --all-targets
	$(CARGO) test --doc

test-nostd:
	$(CARGO) build --lib --no-default-features --target thumbv7em-none-eabihf

lint:
	$(CARGO) fmt --check
	$(CARGO) clippy --all-targets -- -D warnings
	$(CARGO) clippy --lib --no-default-features --target thumbv7em-none-eabihf -- -D warnings

## Installs the toolchain pieces the targets above need (idempotent).
tools:
	rustup target add wasm32-unknown-unknown thumbv7em-none-eabihf
	rustup component add clippy rustfmt
