# Entraide — the two commands a newcomer needs are `make run` and `make test`.
GO ?= go
PKGS := ./...

.PHONY: run test test-mongodb-mode build check vet staticcheck vulncheck bench fuzz clean screenshots

STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
GOVULNCHECK := golang.org/x/vuln/cmd/govulncheck@v1.9.0
FUZZTIME ?= 30s
# Every fuzz target: package and function.
FUZZ_TARGETS := ./handlers:FuzzDecodeStrict ./search:FuzzParse ./csvx:FuzzWrite \
	./auth:FuzzVerify ./geo:FuzzResolve ./match:FuzzTokenize

run: ## start the service on 127.0.0.1:8080 with the embedded store under ./data
	$(GO) run ./cmd/entraide

test: vet ## every test, with the race detector, against the embedded store
	$(GO) test -race -count=1 -timeout 20m $(PKGS)

# The same suite in MongoDB mode: no embedded write lock, so the store takes
# every branch it takes on MongoDB (see README, "Testing the MongoDB path").
# With MONGODB_TEST_URI set it runs against that MongoDB instead.
test-mongodb-mode: vet ## every test in MongoDB mode (MONGODB_TEST_URI to use a real MongoDB)
	ENTRAIDE_TEST_MODE=mongodb $(GO) test -race -count=1 -timeout 20m $(PKGS)

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || (echo "gofmt needed:"; gofmt -l .; exit 1)
	$(GO) vet $(PKGS)

check: vet staticcheck vulncheck ## static analysis: gofmt, go vet, staticcheck, govulncheck

staticcheck:
	$(GO) run $(STATICCHECK) ./...

# govulncheck reads the Go vulnerability database at vuln.go.dev; where that
# host cannot be reached (this project's CI only reaches the module proxy)
# it says so and skips rather than pretend to have checked.
vulncheck:
	@if curl -fsS --max-time 5 -o /dev/null https://vuln.go.dev/index/db.json 2>/dev/null; then \
		$(GO) run $(GOVULNCHECK) ./...; \
	else echo "govulncheck skipped: vuln.go.dev is not reachable from this machine"; fi

fuzz: ## every fuzz target for FUZZTIME each
	@for t in $(FUZZ_TARGETS); do \
		pkg=$${t%%:*}; fn=$${t##*:}; echo "fuzz $$pkg $$fn ($(FUZZTIME))"; \
		$(GO) test -run '^$$' -fuzz "^$$fn$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	done

build: ## a static binary in bin/
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags "-s -w" -o bin/entraide ./cmd/entraide

# Durations of the two load programs (the document's figures use these).
BENCH_SEARCH_DURATION ?= 15s
BENCH_LOAD_DURATION ?= 10m
BENCH_TABLE := $(GO) run ./bench/table

bench: ## every benchmark whose figure is in docs/benchmarks.md, printed as its tables (about 20 minutes)
	@echo "## Accounts: login latency"
	ENTRAIDE_HASH_WORKERS=2 $(GO) run ./bench/login -n 200
	@echo "## Cold start and binary"
	bash bench/coldstart.sh
	@echo "## Matching index and gazetteer"
	$(GO) test -run '^$$' -bench . -benchtime 1x ./match/ ./geo/ | $(BENCH_TABLE)
	@echo "## Search relevance on the judged dev set"
	$(GO) run ./bench/relevance
	@echo "## Search over HTTP against a bare endpoint"
	$(GO) run ./bench/search -missions 100000 -duration $(BENCH_SEARCH_DURATION)
	@echo "## Applications per second (embedded store)"
	$(GO) test -run '^$$' -bench 'Applications/(waitlisted|accepted)' -benchtime 1000x ./handlers/ | $(BENCH_TABLE)
	$(GO) test -count=1 -run '^TestApplicationsConcurrentThousand$$' -v ./handlers/
	@echo "## E-mail outbox worker"
	$(GO) test -run '^$$' -bench 'WorkerSend|SMTPSend' -benchtime 200x -count 3 ./notify/ | $(BENCH_TABLE)
	@for n in 100 500 1000; do echo "backlog of $$n jobs"; \
		$(GO) test -run '^$$' -bench WorkerSend -benchtime $${n}x ./notify/ | $(BENCH_TABLE) || exit 1; done
	@echo "## Mixed load and sign-up surge"
	$(GO) run ./bench/load -duration $(BENCH_LOAD_DURATION)
	@echo "## Faults"
	$(GO) test -count=1 -run '^(TestStoreOutage|TestSlowClients.*|TestUnknownFieldsMalformedAndOversized)$$' -v ./handlers/
	$(GO) test -count=1 -run '^TestKillDuringApplications$$' -v ./cmd/entraide/
	@echo "## Pages: transferred size and server time"
	$(GO) test -run '^$$' -bench BenchmarkPages -benchtime 500x -count 3 ./e2e/ | $(BENCH_TABLE)
	$(GO) test -count=1 -run '^TestSearchPageWeight$$' -v ./e2e/

screenshots: ## PNGs of the key pages, desktop and mobile, in docs/screenshots/ (needs Chromium and npm ci)
	ENTRAIDE_SCREENSHOTS=1 $(GO) test -count=1 -run '^(TestKeyPages|TestKeyPagesOfJourneys|TestWatchProgrammeJourney|TestWeeklySeriesInOneAction)$$' ./e2e/

clean:
	rm -rf bin
