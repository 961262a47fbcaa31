# Casebook: the two commands a newcomer needs are `make run` and `make test`.
# Both install the system packages they need first (Debian/Ubuntu).

GO       ?= go
BIN      := bin/casebook
PKG      := ./cmd/casebook
# Packages Fyne's GLFW driver needs to build, and what the window smoke test
# uses (a virtual X server, a key sender and a screenshot tool).
BUILD_PKGS := gcc libgl1-mesa-dev xorg-dev
# poppler's pdftotext reads the text of imported PDF files.
RUN_PKGS   := poppler-utils
TEST_PKGS  := xvfb xdotool imagemagick x11-utils nodejs

.PHONY: all deps test-deps build run test bench fuzz vet fmt clean

all: build

# deps installs what is missing, as root, or says in one line what to run.
deps:
	@./.ci/ensure-packages $(BUILD_PKGS) $(RUN_PKGS)

test-deps:
	@./.ci/ensure-packages $(BUILD_PKGS) $(RUN_PKGS) $(TEST_PKGS)
	@# npm comes with NodeSource's nodejs, which conflicts with Debian's npm.
	@command -v npm >/dev/null 2>&1 || ./.ci/ensure-packages npm

build: deps
	$(GO) build -o $(BIN) $(PKG)

run: build
	./$(BIN)

# test vets, checks formatting, runs the store and the UI (where the
# goroutines are) under the race detector, and the rest of the suite as is.
RACE_PKGS := ./data/... ./ui/...
test: test-deps
	$(GO) vet ./...
	@test -z "$$(gofmt -l .)" || (gofmt -l . && echo "gofmt: the files above need formatting" && exit 1)
	$(GO) test -race $(RACE_PKGS)
	$(GO) test $$($(GO) list ./... | grep -v -E '/(data|ui)(/|$$)')

bench: deps
	$(GO) test -run '^$$' -bench . -benchmem ./...

# fuzz runs every fuzz target briefly; FUZZTIME=2m for a longer run.
FUZZTIME ?= 20s
fuzz: deps
	@for pkg in $$($(GO) list ./...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$f"; \
	    $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l .)" || (gofmt -l . && echo "gofmt: the files above need formatting" && exit 1)

clean:
	rm -rf bin
