# ibericht — Makefile
#
#   make report   install missing Debian packages (config/debian-pakete.txt), build
#                 the programs, run the pipeline on the sample inbox (or INBOX=…
#                 OUT=… CONFIG=…), outputs in out/
#   make test     the same set-up plus the test packages (config/debian-pakete-test.txt),
#                 build programs and unit tests, then the whole test suite
#   make bench    timings and peak memory (bench/*.sh; figures in README.md, "Leistung")
#   make asan     build and test with AddressSanitizer + UBSan
#   make valgrind run the end-to-end job under valgrind memcheck
#   make clean    remove build/

CONFIG ?= config/ibericht.ini
INBOX  ?=
OUT    ?=
BUILD  ?= build

CC      ?= cc
CFLAGS  ?= -O2 -g
# the version, defined once: the file VERSION (ibericht --version, ibericht-STAGE --version)
IB_VERSION := $(shell cat VERSION)
override CFLAGS += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wshadow -Wformat=2 -I/usr/include/iniparser \
    -DIB_VERSION='"$(IB_VERSION)"'
LDLIBS  = -lxlsxwriter -lhpdf -lcsv -liniparser -lsqlite3 -lcrypto -lzip -lexpat -ljson-c -lz -lm

LIB_SRC = $(wildcard pipeline/lib/*.c)
LIB_OBJ = $(patsubst pipeline/lib/%.c,$(BUILD)/obj/%.o,$(LIB_SRC)) $(BUILD)/obj/schema_sql.o
STAGES  = ingest compute render-xlsx render-pdf render-eingang render-indikatoren render-bericht render-html rueckmeldebogen render-befragung manifest
BINS    = $(addprefix $(BUILD)/bin/ibericht-,$(STAGES)) $(BUILD)/bin/ibericht
UNIT_SRC = $(wildcard tests/unit/test_*.c)
UNIT_BIN = $(patsubst tests/unit/%.c,$(BUILD)/tests/%,$(UNIT_SRC))

RUN_ARGS = --config $(CONFIG) $(if $(INBOX),--inbox $(INBOX)) $(if $(OUT),--out $(OUT))

.PHONY: all deps deps-test bins build report test bench asan valgrind clean
.DELETE_ON_ERROR:

all: build

deps:
	@sh pipeline/install-deps.sh

deps-test:
	@sh pipeline/install-deps.sh test

# build only after the packages are there (order-only: no rebuilds because of it);
# bins: the programs only (make report), build: also the unit tests
bins: | deps
	@$(MAKE) --no-print-directory $(BINS)

build: | deps-test
	@$(MAKE) --no-print-directory $(BINS) $(UNIT_BIN)

report: bins
	$(BUILD)/bin/ibericht report $(RUN_ARGS)

test: build
	@sh tests/run.sh $(BUILD)

bench: build
	@sh bench/bench.sh $(BUILD)
	@sh bench/bench_eingang.sh $(BUILD)
	@sh bench/bench_indikatoren.sh $(BUILD)
	@sh bench/bench_bericht.sh $(BUILD)
	@sh bench/bench_befragung.sh $(BUILD)

asan: | deps-test
	@$(MAKE) --no-print-directory BUILD=build-asan \
	    CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all" \
	    LDFLAGS="-fsanitize=address,undefined" build
	@ASAN_OPTIONS=detect_leaks=1 sh tests/run.sh build-asan

valgrind: build
	@IBERICHT_WRAP="valgrind -q --error-exitcode=99 --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite" \
	    sh tests/run.sh $(BUILD) e2e

$(BUILD)/obj/%.o: pipeline/lib/%.c pipeline/lib/*.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -c -o $@ $<

# the files that print the version are rebuilt when it changes
$(BUILD)/obj/stage.o: VERSION
$(BUILD)/bin/ibericht: VERSION

$(BUILD)/obj/schema_sql.c: pipeline/store/schema.sql $(wildcard pipeline/store/migrate_*.sql) pipeline/store/embed.sh
	@mkdir -p $(@D)
	sh pipeline/store/embed.sh pipeline/store > $@

$(BUILD)/obj/schema_sql.o: $(BUILD)/obj/schema_sql.c
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/libibericht.a: $(LIB_OBJ)
	$(AR) rcs $@ $^

INGEST_SRC = $(wildcard pipeline/ingest/*.c)
$(BUILD)/bin/ibericht-ingest: $(INGEST_SRC) pipeline/ingest/ingest.h $(BUILD)/libibericht.a pipeline/lib/*.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Ipipeline $(LDFLAGS) -o $@ $(INGEST_SRC) $(BUILD)/libibericht.a $(LDLIBS)

COMPUTE_SRC = $(wildcard pipeline/compute/*.c)
$(BUILD)/bin/ibericht-compute: $(COMPUTE_SRC) pipeline/compute/compute.h $(BUILD)/libibericht.a pipeline/lib/*.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Ipipeline $(LDFLAGS) -o $@ $(COMPUTE_SRC) $(BUILD)/libibericht.a $(LDLIBS)

# the renderers (pipeline/render/): one program per stage, all with the shared chapter
# functions (kapitel.h, kapitel_*.c)
RENDER_H    = $(wildcard pipeline/render/*.h)
KAPITEL_SRC = $(wildcard pipeline/render/kapitel_*.c)

$(BUILD)/bin/ibericht-render-%: pipeline/render/render_%.c $(KAPITEL_SRC) $(RENDER_H) $(BUILD)/libibericht.a pipeline/lib/*.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Ipipeline $(LDFLAGS) -o $@ $< $(KAPITEL_SRC) $(BUILD)/libibericht.a $(LDLIBS)

$(BUILD)/bin/ibericht-rueckmeldebogen: pipeline/render/rueckmeldebogen.c $(BUILD)/libibericht.a pipeline/lib/*.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) -Ipipeline $(LDFLAGS) -o $@ $< $(KAPITEL_SRC) $(BUILD)/libibericht.a $(LDLIBS)

$(BUILD)/bin/ibericht-manifest: pipeline/manifest.c $(BUILD)/libibericht.a pipeline/lib/*.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< $(BUILD)/libibericht.a $(LDLIBS)

$(BUILD)/bin/ibericht: pipeline/ibericht.c $(BUILD)/libibericht.a pipeline/lib/*.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ pipeline/ibericht.c $(BUILD)/libibericht.a $(LDLIBS)

$(BUILD)/tests/test_%: tests/unit/test_%.c $(BUILD)/libibericht.a pipeline/lib/*.h tests/unit/*.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -Ipipeline -o $@ $< $(BUILD)/libibericht.a $(LDLIBS) -lcmocka

clean:
	rm -rf build build-asan

# fuzzing (tests/fuzz/fuzz.mk: make fuzz, smoke runs)
-include tests/fuzz/fuzz.mk

# demo and tool programs of the tests (tests/tools/tools.mk)
-include tests/tools/tools.mk
