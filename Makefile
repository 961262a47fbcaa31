# Casebook: the two commands a newcomer needs are `make run` and `make test`.
# Both install the system packages they need first (Debian/Ubuntu).

GO       ?= go
BIN      ?= bin/casebook
PKG      := ./cmd/casebook
APPID    := io.github.casebookapp.casebook
# Packages Fyne's GLFW driver needs to build, and what the tests use: a
# virtual X server, a key sender and a screenshot tool for the window smoke
# test, and the validators of the desktop entry and the AppStream metainfo.
BUILD_PKGS := gcc libgl1-mesa-dev xorg-dev
# poppler's pdftotext reads the text of imported PDF files.
RUN_PKGS   := poppler-utils
TEST_PKGS  := xvfb xdotool imagemagick x11-utils nodejs desktop-file-utils appstream

# The version comes from FyneApp.toml, the commit from git. Every UI change
# made from a goroutine goes through fyne.Do: migrated_fynedo tells Fyne so.
# -trimpath, no build id and no VCS stamp make release builds reproducible:
# the same commit builds the same binary wherever it is checked out.
VERSION := $(shell sed -n 's/^[[:space:]]*Version[[:space:]]*=[[:space:]]*"\(.*\)"/\1/p' FyneApp.toml)
COMMIT  := $(shell git rev-parse --short=12 HEAD 2>/dev/null || echo unknown)
TAGS    := migrated_fynedo
LDFLAGS := -s -w -buildid= -X main.version=$(VERSION) -X main.commit=$(COMMIT)
BUILDFLAGS := -tags $(TAGS) -trimpath -buildvcs=false -ldflags '$(LDFLAGS)'

# make install puts the app where the desktop finds it; PREFIX=/usr/local
# (as root) for every user. DESTDIR is for packagers.
PREFIX ?= $(HOME)/.local
ICON_SIZES := 32 48 64 128 256 512

.PHONY: all deps test-deps check-go build run test tidy staticcheck cover-cmd bench fuzz vet fmt clean install uninstall version

all: build

# deps installs what is missing, as root, or says in one line what to run.
deps:
	@./.ci/ensure-packages $(BUILD_PKGS) $(RUN_PKGS)

test-deps:
	@./.ci/ensure-packages $(BUILD_PKGS) $(RUN_PKGS) $(TEST_PKGS)
	@# npm comes with NodeSource's nodejs, which conflicts with Debian's npm.
	@command -v npm >/dev/null 2>&1 || ./.ci/ensure-packages npm

# check-go says in one line when the Go found is older than go.mod's go
# line. GOTOOLCHAIN=local: it never downloads a toolchain.
GO_WANT := $(shell sed -n 's/^go //p' go.mod)
check-go:
	@have=$$(cd / && GOTOOLCHAIN=local $(GO) env GOVERSION | sed 's/^go//'); \
	if [ "$$(printf '%s\n%s\n' "$(GO_WANT)" "$$have" | sort -V | head -n1)" != "$(GO_WANT)" ]; then \
	  echo "Casebook needs Go $(GO_WANT) or newer (go.mod); this is Go $$have. See https://go.dev/dl/"; exit 1; \
	fi

build: deps check-go
	$(GO) build $(BUILDFLAGS) -o $(BIN) $(PKG)

version:
	@echo $(VERSION) $(COMMIT)

run: build
	./$(BIN)

# test vets, checks formatting, that go.mod is tidy and that staticcheck
# is clean, runs the store and the UI (where the goroutines are) under the
# race detector, the CLI with its coverage, and the rest of the suite as is.
# The domain, the exports, the annotation codec and the importers also
# build and pass without a C compiler (CGO_ENABLED=0): they do not link the
# store (data/deps_test.go checks the package graph).
RACE_PKGS := ./data/... ./ui/...
PURE_PKGS := ./data ./data/export/... ./data/webanno ./data/ingest
test: test-deps check-go
	$(GO) vet -tags $(TAGS) ./...
	@test -z "$$(gofmt -l .)" || (gofmt -l . && echo "gofmt: the files above need formatting" && exit 1)
	@$(MAKE) --no-print-directory tidy staticcheck
	$(GO) test -tags $(TAGS) -race $(RACE_PKGS)
	CGO_ENABLED=0 $(GO) test $(PURE_PKGS)
	@$(MAKE) --no-print-directory cover-cmd
	$(GO) test -tags $(TAGS) $$($(GO) list ./... | grep -v -E '/(data|ui|cmd)(/|$$)')

# tidy fails when go.mod or go.sum would change under go mod tidy. It
# writes nothing. make test runs it after go vet, so it reads the modules
# the build put in the module cache; what only other platforms and the
# dependencies' own tests import (about 80 MB on a clean machine) it fetches
# once from the module proxy, and after that it runs offline (GOPROXY=off).
tidy:
	@$(GO) mod tidy -diff || (echo "go.mod and go.sum are not tidy: run go mod tidy and commit the result" && exit 1)

# staticcheck runs the pinned version from the module proxy. go run
# pkg@version builds it apart from Casebook's go.mod: a tool directive would
# add staticcheck's dependencies (golang.org/x/tools and others) to the
# app's module graph, where they could raise the versions the app builds with.
STATICCHECK := honnef.co/go/tools/cmd/staticcheck@v0.8.2
staticcheck:
	$(GO) run $(STATICCHECK) -tags $(TAGS) ./...

# cover-cmd runs cmd/'s tests with the binary they run built with -cover,
# and prints what they cover of cmd/, counting both the binary's runs
# (GOCOVERDIR) and the package's own tests.
COVERDIR ?= $(CURDIR)/bin/cover
MODULE   := $(shell sed -n 's/^module //p' go.mod)
cover-cmd:
	rm -rf $(COVERDIR) && mkdir -p $(COVERDIR)
	CASEBOOK_COVERDIR=$(COVERDIR) $(GO) test -tags $(TAGS) -cover ./cmd/... -args -test.gocoverdir=$(COVERDIR)
	@echo "Coverage of cmd/ (the CLI tests' runs of the binary and the package's tests):"
	@$(GO) tool covdata percent -i $(COVERDIR) -pkg '$(MODULE)/cmd/...'

bench: deps
	$(GO) test -tags $(TAGS) -run '^$$' -bench . -benchmem ./...

# fuzz runs every fuzz target briefly; FUZZTIME=2m for a longer run.
FUZZTIME ?= 20s
fuzz: deps
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$f"; \
	    $(GO) test -tags $(TAGS) -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

vet:
	$(GO) vet -tags $(TAGS) ./...
	@test -z "$$(gofmt -l .)" || (gofmt -l . && echo "gofmt: the files above need formatting" && exit 1)

install: build
	install -Dm755 $(BIN) $(DESTDIR)$(PREFIX)/bin/casebook
	install -d $(DESTDIR)$(PREFIX)/share/applications
	sed 's#@BINDIR@#$(PREFIX)/bin#' assets/$(APPID).desktop > $(DESTDIR)$(PREFIX)/share/applications/$(APPID).desktop
	chmod 644 $(DESTDIR)$(PREFIX)/share/applications/$(APPID).desktop
	for s in $(ICON_SIZES); do \
	  install -Dm644 assets/icons/$$s.png $(DESTDIR)$(PREFIX)/share/icons/hicolor/$${s}x$${s}/apps/$(APPID).png || exit 1; \
	done
	install -Dm644 assets/$(APPID).metainfo.xml $(DESTDIR)$(PREFIX)/share/metainfo/$(APPID).metainfo.xml

uninstall:
	rm -f $(DESTDIR)$(PREFIX)/bin/casebook
	rm -f $(DESTDIR)$(PREFIX)/share/applications/$(APPID).desktop
	for s in $(ICON_SIZES); do rm -f $(DESTDIR)$(PREFIX)/share/icons/hicolor/$${s}x$${s}/apps/$(APPID).png; done
	rm -f $(DESTDIR)$(PREFIX)/share/metainfo/$(APPID).metainfo.xml

clean:
	rm -rf bin
