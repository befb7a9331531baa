#!/usr/bin/env bash
# Installs whatever this machine lacks to build, serve and test Netzweber, and skips what
# is present, so a second run costs seconds. Safe to run any number of times.
#
#   scripts/setup.sh          build tools (Rust target, trunk, wasm-bindgen, wasm-split-cli, wasm-opt)
#   scripts/setup.sh --test   also the browser and driver for the test suites
#   scripts/setup.sh --bench  also twiggy, for the benchmark's size report
set -euo pipefail
cd "$(dirname "$0")/.."

want_test=false
want_bench=false
[[ "${1:-}" == "--test" ]] && want_test=true
[[ "${1:-}" == "--bench" ]] && want_test=true && want_bench=true

TRUNK_VERSION=0.21.14
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# Rust toolchain and wasm target, as pinned in rust-toolchain.toml.
if ! command -v cargo >/dev/null; then
  echo "cargo not found: this project needs the machine's Rust toolchain (rustup)." >&2
  exit 1
fi
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "Adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# trunk, at the version whose requirements fit our pinned rustc.
if ! trunk --version 2>/dev/null | grep -q " ${TRUNK_VERSION}$"; then
  say "Installing trunk ${TRUNK_VERSION} (takes about 9 minutes once)"
  cargo install --locked "trunk@${TRUNK_VERSION}"
fi

# wasm-bindgen-cli must equal the wasm-bindgen crate in Cargo.lock.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
if ! grep -q "wasm_bindgen = \"${WB_VERSION}\"" Trunk.toml; then
  echo "Trunk.toml [tools] wasm_bindgen must be \"${WB_VERSION}\" to match Cargo.lock." >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q " ${WB_VERSION}$"; then
  say "Installing wasm-bindgen-cli ${WB_VERSION}"
  # Not --locked: one of its locked dependencies is no longer on the registry.
  cargo install wasm-bindgen-cli --version "${WB_VERSION}"
fi

# The splitter of the release build (scripts/build-split.mjs). The crate is
# wasm_split_cli_support; the crates.io crate named wasm-split-cli is another project.
# It has no --version; cargo's list of installed crates tells.
if ! command -v wasm-split-cli >/dev/null || ! cargo install --list | grep -qx "wasm_split_cli_support v0.2.4:"; then
  say "Installing wasm-split-cli 0.2.4 (takes about 3 minutes once)"
  cargo install --locked wasm_split_cli_support --version 0.2.4 --features build-binary
fi

# Node packages (wasm-opt from binaryen, Playwright driver, axe-core) from the lockfile.
if ! command -v node >/dev/null; then
  echo "node not found: install Node.js 20 or newer." >&2
  exit 1
fi
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ "$(cat node_modules/.lock-sum 2>/dev/null)" != "$lock_sum" ]]; then
  say "Installing npm packages from package-lock.json"
  npm ci --no-audit --no-fund
  echo "$lock_sum" > node_modules/.lock-sum
fi

if $want_test; then
  if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
    say "Installing Chromium and ChromeDriver (Debian packages)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi

if $want_bench; then
  if ! twiggy --version 2>/dev/null | grep -q " 0.8.0$"; then
    say "Installing twiggy 0.8.0 (the size report of make bench)"
    cargo install --locked twiggy --version 0.8.0
  fi
fi
