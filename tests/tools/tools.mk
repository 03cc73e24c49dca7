# tests/tools/tools.mk — helper programs of the tests (include from the Makefile with
# `-include tests/tools/tools.mk`).
#
#   $(BUILD)/tools/dokument_demo   renders a report from a document template
#                                  (tests/e2e/test_dokument.sh)

TOOLS = $(BUILD)/tools/dokument_demo

.PHONY: tools
tools: $(TOOLS)

$(BUILD)/tools/dokument_demo: tests/tools/dokument_demo.c $(BUILD)/libibericht.a pipeline/lib/*.h
	@mkdir -p $(@D)
	$(CC) $(CFLAGS) $(LDFLAGS) -Ipipeline -o $@ $< $(BUILD)/libibericht.a $(LDLIBS)
