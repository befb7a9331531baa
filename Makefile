# Netzweber: the commands of the README. Every target installs what is missing first.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# The sub-path the release build is served from; "/" for a host's root.
PUBLIC_URL ?= /
# The sub-path the end-to-end tests and the benchmark serve the release build under.
TEST_PUBLIC_URL := /netzweber/
TEST_DIST := target/e2e-dist
# Browsers started by the test runners keep their profiles under TMPDIR and leave them
# behind when killed (about 130 MB each); this folder is emptied after each browser layer.
BROWSER_TMP := $(CURDIR)/target/browser-tmp
# A fresh clone gains nothing from incremental caches but their disk space.
ifdef CI
export CARGO_INCREMENTAL := 0
endif

.PHONY: serve test release bench setup setup-test setup-bench lint test-unit test-wasm test-e2e e2e-build clean

## serve: install what is missing, then serve a debug build with live reload on http://127.0.0.1:8080
serve: setup
	trunk serve --offline

## test: install what is missing, then run every test layer (lint, domain, wasm, end-to-end)
test: setup-test lint test-unit test-wasm test-e2e

## release: optimised build, split by screen, for static hosting in dist/ (PUBLIC_URL=/sub/path/ for a sub-path)
release: setup
	node scripts/build-split.mjs
	trunk build --offline --release --public-url "$(PUBLIC_URL)" target/split/index.html

## bench: print size and speed figures of the release build
bench: setup-bench e2e-build
	@[ -x tests/bench/node_modules/.bin/lighthouse ] || npm ci --prefix tests/bench --no-audit --no-fund
	cd bench && trunk build --offline --release --config Trunk.toml
	E2E_DIST=$(TEST_DIST) E2E_BASE=$(TEST_PUBLIC_URL) node tests/bench/bench.mjs
	E2E_DIST=$(TEST_DIST) E2E_BASE=$(TEST_PUBLIC_URL) node tests/bench/contacts.mjs
	E2E_DIST=$(TEST_DIST) E2E_BASE=$(TEST_PUBLIC_URL) node tests/bench/interop.mjs
	E2E_DIST=$(TEST_DIST) E2E_BASE=$(TEST_PUBLIC_URL) node tests/bench/insights.mjs
	node tests/bench/size-report.mjs

setup:
	@scripts/setup.sh

setup-test:
	@scripts/setup.sh --test

setup-bench:
	@scripts/setup.sh --bench

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --lib --bins --test browser --test storage --test integrity --test vault -- -D warnings
	cargo clippy --target wasm32-unknown-unknown --bin netzweber --features split -- -D warnings

test-unit:
	cargo test

test-wasm:
	@mkdir -p $(BROWSER_TMP)
	TMPDIR=$(BROWSER_TMP) CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 \
	  cargo test --target wasm32-unknown-unknown --test browser --test storage --test integrity --test vault; \
	  rc=$$?; rm -rf $(BROWSER_TMP); exit $$rc

# The same split build as `release`, under the sub-path the tests serve it from.
e2e-build:
	node scripts/build-split.mjs
	trunk build --offline --release --public-url "$(TEST_PUBLIC_URL)" --dist "$(TEST_DIST)" target/split/index.html

test-e2e: e2e-build
	@mkdir -p $(BROWSER_TMP)
	TMPDIR=$(BROWSER_TMP) node --test --test-concurrency=1 tests/e2e/; \
	  rc=$$?; rm -rf $(BROWSER_TMP); exit $$rc

clean:
	cargo clean
	rm -rf dist $(TEST_DIST)
