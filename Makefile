# Entraide — the two commands a newcomer needs are `make run` and `make test`.
GO ?= go
PKGS := ./...

.PHONY: run test test-mongodb-mode build check vet staticcheck vulncheck bench fuzz clean screenshots

STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
GOVULNCHECK := golang.org/x/vuln/cmd/govulncheck@v1.9.0
FUZZTIME ?= 30s
# Every fuzz target: package and function.
FUZZ_TARGETS := ./handlers:FuzzDecodeStrict ./handlers:FuzzParseSearch ./handlers:FuzzWriteCSV \
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

bench: ## the benchmarks whose figures are in docs/benchmarks.md
	$(GO) test -run '^$$' -bench . -benchtime 3x ./match/ ./geo/
	$(GO) run ./bench/login

screenshots: ## PNGs of the key pages, desktop and mobile, in docs/screenshots/ (needs Chromium and npm ci)
	ENTRAIDE_SCREENSHOTS=1 $(GO) test -count=1 -run '^TestKeyPages$$' ./e2e/

clean:
	rm -rf bin
