# tests/fuzz/fuzz.mk — libFuzzer harnesses for the CSV reader, the XLSX reader
# and the INI loaders (included by the Makefile; see tests/fuzz/README.md).
#
#   make fuzz          every harness FUZZ_SECONDS (60) seconds on its seed corpus;
#                      new inputs go to build-fuzz/corpus-NAME, crashes to
#                      build-fuzz/artifacts/ — never into the repository
#   make fuzz-smoke    every harness FUZZ_SMOKE_RUNS (2000) inputs after the
#                      seeds; prints "ok - …" / "not ok - …" (run by make test
#                      through tests/e2e/test_fuzz_smoke.sh)
#   make fuzz-build    only build build-fuzz/fuzz_{csvreader,xlsxreader,ini}
#   make fuzz-seeds    rewrite the generated XLSX seeds in tests/fuzz/corpus/xlsx
#   make fuzz-clean    remove build-fuzz/
#
# Needs clang with libFuzzer (Debian: clang, libclang-rt-14-dev).  The library
# sources a harness needs are compiled again into build-fuzz/obj with coverage
# instrumentation, AddressSanitizer and UBSan (no recovery: UB is a crash).

FUZZ_CC         ?= clang
FUZZ_BUILD      ?= build-fuzz
FUZZ_SECONDS    ?= 60
FUZZ_SMOKE_RUNS ?= 2000
FUZZ_FLAGS      ?=
FUZZ_SAN     = -fsanitize=address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer
# the project's warnings; clang's -Wformat=2 also flags vprintf-style wrappers (gcc's does not)
FUZZ_CFLAGS  = -g -O1 $(FUZZ_SAN) -std=c11 -D_GNU_SOURCE -Wall -Wextra -Wshadow -Wformat=2 \
               -Wno-format-nonliteral -I/usr/include/iniparser -Ipipeline
FUZZ_NAMES   = csvreader xlsxreader ini
FUZZ_BINS    = $(addprefix $(FUZZ_BUILD)/fuzz_,$(FUZZ_NAMES))

# per harness: library sources, libraries, seed folder, longest input, extra options
FUZZ_LIB_csvreader     = csvreader diag format
FUZZ_LIB_xlsxreader    = xlsxreader diag format
FUZZ_LIB_ini           = config quelle diag fsutil
FUZZ_LDLIBS_csvreader  = -lcsv -lm
FUZZ_LDLIBS_xlsxreader = -lzip -lexpat -lz -lm
FUZZ_LDLIBS_ini        = -liniparser
FUZZ_CORPUS_csvreader  = csv
FUZZ_CORPUS_xlsxreader = xlsx
FUZZ_CORPUS_ini        = ini
# > 2 × 64 KiB: inputs that cross the reader's block boundaries
FUZZ_MAXLEN_csvreader  = 140000
FUZZ_MAXLEN_xlsxreader = 65536
# a few lines of up to 1024 bytes (iniparser's line limit) and beyond
FUZZ_MAXLEN_ini        = 4096
FUZZ_OPTS_csvreader    =
FUZZ_OPTS_xlsxreader   = -dict=tests/fuzz/xlsx.dict
FUZZ_OPTS_ini          = -dict=tests/fuzz/ini.dict
FUZZ_COMMON = -timeout=10 -rss_limit_mb=2048 -detect_leaks=1 -print_final_stats=1

fuzz_objs = $(patsubst %,$(FUZZ_BUILD)/obj/%.o,$(1))
# fuzz_args NAME FIRST-CORPUS-DIR — the libFuzzer command line of a harness
fuzz_args = $(FUZZ_BUILD)/fuzz_$(1) -max_len=$(FUZZ_MAXLEN_$(1)) $(FUZZ_OPTS_$(1)) $(FUZZ_COMMON) \
            -artifact_prefix=$(FUZZ_BUILD)/artifacts/$(1)- $(FUZZ_FLAGS) $(2) tests/fuzz/corpus/$(FUZZ_CORPUS_$(1))

.PHONY: fuzz fuzz-smoke fuzz-build fuzz-seeds fuzz-clean

fuzz-build: $(FUZZ_BINS)

# build-fuzz/.gitignore keeps the build folder out of git status
$(FUZZ_BUILD)/.gitignore:
	@mkdir -p $(@D)/artifacts
	@echo '*' > $@

$(FUZZ_BUILD)/obj/%.o: pipeline/lib/%.c pipeline/lib/*.h | $(FUZZ_BUILD)/.gitignore
	@mkdir -p $(@D)
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer-no-link -c -o $@ $<

$(FUZZ_BUILD)/fuzz_csvreader: tests/fuzz/fuzz_csvreader.c $(call fuzz_objs,$(FUZZ_LIB_csvreader)) pipeline/lib/*.h
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(filter %.o,$^) $(FUZZ_LDLIBS_csvreader)

$(FUZZ_BUILD)/fuzz_xlsxreader: tests/fuzz/fuzz_xlsxreader.c $(call fuzz_objs,$(FUZZ_LIB_xlsxreader)) pipeline/lib/*.h
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(filter %.o,$^) $(FUZZ_LDLIBS_xlsxreader)

$(FUZZ_BUILD)/fuzz_ini: tests/fuzz/fuzz_ini.c $(call fuzz_objs,$(FUZZ_LIB_ini)) pipeline/lib/*.h
	$(FUZZ_CC) $(FUZZ_CFLAGS) -fsanitize=fuzzer -o $@ $< $(filter %.o,$^) $(FUZZ_LDLIBS_ini)

# Every harness runs even when an earlier one fails; the target fails if any did.
fuzz: fuzz-build
	@mkdir -p $(FUZZ_BUILD)/artifacts; fail=""; \
	$(foreach n,$(FUZZ_NAMES),mkdir -p $(FUZZ_BUILD)/corpus-$(n); \
	echo "== fuzz_$(n): $(FUZZ_SECONDS) s, neue Eingaben in $(FUZZ_BUILD)/corpus-$(n)"; \
	$(call fuzz_args,$(n),-max_total_time=$(FUZZ_SECONDS) $(FUZZ_BUILD)/corpus-$(n)) || fail="$$fail $(n)";) \
	if [ -n "$$fail" ]; then echo "fuzz: Befund bei:$$fail (Eingaben in $(FUZZ_BUILD)/artifacts/)"; exit 1; fi

# The seeds (regressions included) first, then FUZZ_SMOKE_RUNS mutations.
# The log of a failed harness is shown; the new inputs are thrown away.
fuzz-smoke: fuzz-build
	@mkdir -p $(FUZZ_BUILD)/artifacts; fail=0; \
	$(foreach n,$(FUZZ_NAMES),rm -rf $(FUZZ_BUILD)/smoke-$(n); mkdir -p $(FUZZ_BUILD)/smoke-$(n); \
	if $(call fuzz_args,$(n),-runs=$(FUZZ_SMOKE_RUNS) -max_total_time=20 $(FUZZ_BUILD)/smoke-$(n)) \
	    > $(FUZZ_BUILD)/smoke-$(n).log 2>&1; then \
	    echo "ok - fuzz_$(n): Seeds und $(FUZZ_SMOKE_RUNS) Mutationen ohne Befund"; \
	else \
	    echo "not ok - fuzz_$(n): Befund (Log: $(FUZZ_BUILD)/smoke-$(n).log)"; fail=1; \
	    grep -v '^#[0-9]' $(FUZZ_BUILD)/smoke-$(n).log | tail -n 40 | sed 's/^/# /'; \
	fi; rm -rf $(FUZZ_BUILD)/smoke-$(n);) \
	exit $$fail

# The XLSX seeds written with libxlsxwriter (tests/fuzz/gen_xlsx_seeds.c).
fuzz-seeds: | $(FUZZ_BUILD)/.gitignore
	$(FUZZ_CC) -std=c11 -D_GNU_SOURCE -Wall -Wextra -g -o $(FUZZ_BUILD)/gen_xlsx_seeds \
	    tests/fuzz/gen_xlsx_seeds.c -lxlsxwriter -lzip
	$(FUZZ_BUILD)/gen_xlsx_seeds tests/fuzz/corpus/xlsx

fuzz-clean:
	rm -rf $(FUZZ_BUILD)
