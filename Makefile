# Entraide — the two commands a newcomer needs are `make run` and `make test`.
GO ?= go
PKGS := ./...

.PHONY: run test build check vet bench fuzz clean screenshots

run: ## start the service on 127.0.0.1:8080 with the embedded store under ./data
	$(GO) run ./cmd/entraide

test: vet ## every test, with the race detector, against the embedded store
	$(GO) test -race -count=1 -timeout 20m $(PKGS)

vet:
	@test -z "$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go'))" || (echo "gofmt needed:"; gofmt -l .; exit 1)
	$(GO) vet $(PKGS)

build: ## a static binary in bin/
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags "-s -w" -o bin/entraide ./cmd/entraide

bench: ## the benchmarks whose figures are in docs/benchmarks.md
	$(GO) test -run '^$$' -bench . -benchtime 3x ./match/ ./geo/
	$(GO) run ./bench/login

screenshots: ## PNGs of the key pages, desktop and mobile, in docs/screenshots/ (needs Chromium and npm ci)
	ENTRAIDE_SCREENSHOTS=1 $(GO) test -count=1 -run '^TestKeyPages$$' ./e2e/

clean:
	rm -rf bin
