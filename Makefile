# Quick start on a fresh machine: `make` then `make test`.
SHELL := /bin/bash
NODE_BIN := node_modules/.bin
TSC := $(NODE_BIN)/tsc

.PHONY: all install build generate test check typecheck layers lint drift docs-check bench clean ajv-newest

all: generate

# npm ci only when the lock file is newer than the installed tree.
install: node_modules/.package-lock.json
node_modules/.package-lock.json: package-lock.json package.json
	npm ci --no-audit --no-fund
	@touch $@

build: install
	$(TSC) -p generator/tsconfig.json
	@# The runtime every package ships: templates/runtime bundled by esbuild, its declarations by dts-bundle-generator.
	node scripts/build-runtime.mjs
	@# The OpenAPI schema validators, precompiled (generator/src/load/precompile-openapi-schemas.ts).
	node generator/dist/load/precompile-openapi-schemas.js
	@chmod +x generator/dist/cli/main.js
	@# npm ci cannot link the bin before dist/ exists; link it once the build made it.
	@test -e node_modules/.bin/specsmith || npm rebuild specsmith --ignore-scripts >/dev/null

generate: build
	node generator/dist/cli/main.js generate

test: build
	node scripts/run-tests.mjs

# The tests that hold the validators to AJV, against the newest AJV 8 on the registry (changes node_modules).
ajv-newest: build
	node scripts/ajv-newest.mjs

check: typecheck layers lint drift

typecheck: install
	$(TSC) -p tsconfig.json --noEmit
	$(TSC) -p templates/runtime/tsconfig.json

# Imports run down the generator's layers (scripts/check-layers.mjs names them).
layers:
	node scripts/check-layers.mjs

lint: build
	$(NODE_BIN)/prettier --check generator/src templates/runtime test/*.ts test/support scripts bench --log-level warn
	for package in generated/*/; do $(NODE_BIN)/publint run "$$package" --strict || exit 1; done
	for package in generated/*/; do $(NODE_BIN)/attw --pack "$$package" --format ascii || exit 1; done
	REDOCLY_TELEMETRY=off REDOCLY_SUPPRESS_UPDATE_NOTICE=true $(NODE_BIN)/redocly lint --config redocly-lint.yaml --format=stylish 2>&1 | grep -v '[║╔╚]'; exit $${PIPESTATUS[0]}

drift: build
	node generator/dist/cli/main.js check

# The curated specs against the captured doc pages (kept outside the repository).
DOCS_DIR ?= $(or $(SPECSMITH_DOCS_DIR),../shared/seeds)
docs-check: build
	node generator/dist/cli/main.js docs-check $(DOCS_DIR)

bench: build
	node bench/codegen/run.mjs
	node bench/validators/run.mjs
	node bench/validators/failure-cost.mjs
	node bench/cli/run.mjs
	node bench/cli/ndjson.mjs
	node bench/client/run.mjs
	node bench/client/mock-start.mjs
	node bench/client/mock-throughput.mjs
	node bench/client/signing.mjs
	node bench/client/bundle-size.mjs
	node bench/diff/run.mjs

clean:
	rm -rf generator/dist .tmp
