# Every target runs on the project's own Node 24 (node_modules/.bin comes first on PATH).
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(PATH)
NODE_TEST := node --test --test-concurrency=2 --disable-warning=ExperimentalWarning
UNIT := 'packages/**/*.test.ts' 'modules/**/*.test.ts' 'community/**/*.test.ts' 'web/**/*.test.ts' 'tools/**/*.test.ts' 'bench/**/*.test.ts'
FUNCTIONAL := 'server/test/**/*.test.ts'
E2E := 'e2e/**/*.test.ts'
FAULTS := 'server/faults/**/*.test.ts'


.PHONY: cluster cluster-test bench-cluster haproxy nats-server test-faults init run build test test-unit test-functional test-e2e test-postgres style format complexity module docs docs-check watch seed chromium clean bench wrk place-names

# Installs dependencies when package-lock.json changed since the last install.
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	@touch $@

init: node_modules/.installed

run: init
	node server/src/main.ts serve --demo

# A synthetic community of SEED_MEMBERS (10,000) members, generated and imported.
SEED_MEMBERS ?= 10000
seed: init
	node server/src/main.ts seed --members $(SEED_MEMBERS)

build: init
	tsc --noEmit -p .

test: init style docs-check test-unit test-functional test-e2e

test-unit: init
	$(NODE_TEST) $(UNIT)

test-functional: init
	$(NODE_TEST) $(FUNCTIONAL)

# Browser tests need Debian's chromium; this installs it when we may (root) and it is missing.
chromium:
	@command -v chromium >/dev/null || { [ "$$(id -u)" = 0 ] && (apt-get update -qq && apt-get install -y -qq chromium >/dev/null); } || { echo "Browser tests need chromium: apt-get install -y chromium"; exit 1; }

test-e2e: init chromium
	$(NODE_TEST) --test-concurrency=1 $(E2E)

# Faults on purpose: concurrent identical commands, generated histories rebuilt, PostgreSQL
# cut and stalled through a proxy of the test's own, SQLite on a full disk (a small tmpfs,
# so as root). On SQLite and, when it answers, PostgreSQL; see docs/guarantees.md.
test-faults: init
	$(NODE_TEST) --test-concurrency=1 $(FAULTS)

# HAProxy from Debian's packages, for the cluster; installed when we may (root) and it is missing.
haproxy:
	@command -v haproxy >/dev/null || { [ "$$(id -u)" = 0 ] && (apt-get update -qq && apt-get install -y -qq haproxy >/dev/null); } || { echo "The cluster needs HAProxy: apt-get install -y haproxy"; exit 1; }

# nats-server from Debian's packages, for the cluster suite's own NATS (restarted under load);
# installed when we may (root) and it is missing.
nats-server:
	@command -v nats-server >/dev/null || { [ "$$(id -u)" = 0 ] && (apt-get update -qq && apt-get install -y -qq nats-server >/dev/null); } || { echo "The cluster suite needs nats-server: apt-get install -y nats-server"; exit 1; }

# Three nodes on 3001-3003 behind HAProxy on 3000, on PostgreSQL (database meetcute_cluster,
# made when missing) and NATS (nats-server -js, at 127.0.0.1:4222); Ctrl-C stops them all.
cluster: init haproxy
	node server/src/cluster.ts

# The cluster suite: real nodes, proxy, PostgreSQL and NATS; says so and stops when one is missing.
CLUSTER := 'server/cluster/**/*.test.ts'
cluster-test: init haproxy nats-server
	$(NODE_TEST) --test-concurrency=1 $(CLUSTER)

# Cluster figures (BENCHMARKS.md): cross-node chat delivery against raw NATS pub/sub, and
# three nodes behind HAProxy against one node without it; needs PostgreSQL and NATS.
bench-cluster: init haproxy
	node bench/src/cluster.ts --seconds $(BENCH_SECONDS) --rate $(BENCH_CHAT_RATE)

# The database-bound suites on PostgreSQL only (make test runs them on both when it is reachable).
test-postgres: init
	MEETCUTE_TEST_DATABASES=postgres $(NODE_TEST) $(UNIT) $(FUNCTIONAL)

style: init
	tsc --noEmit -p .
	eslint --max-warnings 0 .
	prettier --check . --log-level warn
	node tools/src/boundaries.ts
	node tools/src/shape.ts

format: init
	prettier --write . --log-level warn
	eslint --fix .

complexity: init
	node tools/src/complexity.ts

# A new module in the shape every module has, listed in server/src/modules.ts: make module NAME=shortlist
module: init
	@test -n "$(NAME)" || { echo "Say its name: make module NAME=shortlist"; exit 1; }
	node tools/src/new-module.ts $(NAME)
	npm install --no-audit --no-fund --loglevel warn
	prettier --write modules/$(NAME) server/src/modules.ts --log-level warn

docs: init
	node tools/src/docs.ts

# Place names by language (modules/cities/src/place-names.json, committed) made again from
# GeoNames' alternate names as Debian's libgeonames-common ships them (modules/cities/README.md).
place-names: init
	rm -rf .tmp/place-names && mkdir -p .tmp/place-names
	cd .tmp/place-names && { apt-get download libgeonames-common 2>/dev/null || { apt-get update -qq && apt-get download libgeonames-common; }; }
	dpkg-deb -x .tmp/place-names/libgeonames-common_*.deb .tmp/place-names/root
	node modules/cities/tools/place-names.ts .tmp/place-names/root "$$(dpkg-deb -f .tmp/place-names/libgeonames-common_*.deb Version)"
	prettier --write modules/cities/src/place-names.json --log-level warn

# Fails when an endpoint or event has no use case, or when docs/living was not regenerated.
docs-check: init
	rm -rf .tmp/living
	node tools/src/docs.ts --check --out .tmp/living
	@diff -r -q .tmp/living docs/living || { echo "docs/living is out of date: run make docs and commit it"; exit 1; }

watch: init
	node --watch server/src/main.ts serve --demo

# The benchmark suite, not part of make test; a few minutes by default. For the full size:
# BENCH_MEMBERS=10000 BENCH_CONNECTIONS=20000 make bench. Sockets need descriptors, so the
# soft limit goes up to the hard one (the suite stays under it and says so when it caps).
BENCH_MEMBERS ?= 1000
BENCH_CONNECTIONS ?= 5000
BENCH_SECONDS ?= 8
BENCH_CHAT_RATE ?= 1000
bench: init wrk
	ulimit -n $$(ulimit -Hn) && node bench/src/suite.ts --members $(BENCH_MEMBERS) \
		--connections $(BENCH_CONNECTIONS) --seconds $(BENCH_SECONDS) --chat-rate $(BENCH_CHAT_RATE) \
		--fd-limit $$(ulimit -n)

# wrk, the second load client of make bench (Debian's package), installed when we may (root).
wrk:
	@command -v wrk >/dev/null || { [ "$$(id -u)" = 0 ] && (apt-get update -qq && apt-get install -y -qq wrk >/dev/null); } || echo "wrk is not installed (apt-get install -y wrk): make bench measures with its own client only"

clean:
	rm -rf data e2e/screenshots
