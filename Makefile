# nofly: the two commands a fresh Debian 12 machine needs.
#   make demo   install what is missing, build (Release), open the flagship scenario
#               in the window (headless run where there is no display)
#   make test   install what is missing, build the test build (with AddressSanitizer and
#               UndefinedBehaviorSanitizer), run every test
# Other targets: build, check, install, package, tsan, bench, fuzz, format, clean.

JOBS      ?= $(shell nproc 2>/dev/null || echo 2)
RELEASE   := build/release
TESTBUILD := build/test
FLAGSHIP  := scenarios/denmark_2025/summit_ban.yaml
SHIPPED   := scenarios/denmark_2025 scenarios/tutorial
NOFLY     := $(RELEASE)/nofly
FUZZBUILD := build/fuzz
FUZZ_SECONDS ?= 60
FUZZ_TARGETS ?= scenario ed269 ed318 geojson openair quantity time
PREFIX    ?= /usr/local
PACKAGEDIR := build/package

.PHONY: demo test tsan build check install package bench fuzz format clean setup setup-test

setup:
	@.ci/install-deps build

setup-test:
	@.ci/install-deps test

build: setup
	@cmake -S . -B $(RELEASE) -DCMAKE_BUILD_TYPE=Release -DNOFLY_TESTS=OFF >/dev/null
	@cmake --build $(RELEASE) -j $(JOBS)

# With a display that answers, the window on the flagship scenario; without
# one (a server, CI), the same scenario run headless, its reports in out/.
demo: build
	@$(NOFLY) check --quiet $(SHIPPED)
	@if [ -n "$$DISPLAY" ] && { xdpyinfo >/dev/null 2>&1 || \
	     { [ "$${DISPLAY#:}" != "$$DISPLAY" ] && [ -S "/tmp/.X11-unix/X$$(echo $${DISPLAY#:} | cut -d. -f1)" ]; }; }; then \
	  echo "nofly demo: opening the window (F1 lists the keys, Ctrl+Q quits)"; \
	  $(NOFLY) view --play $(FLAGSHIP); \
	else \
	  echo "nofly demo: no display here, so the scenario runs headless (the window needs one)"; \
	  $(NOFLY) run $(FLAGSHIP) --out out/summit_ban; \
	fi

check: build
	@$(NOFLY) check $(SHIPPED)

# The release build into PREFIX (bin/nofly, share/nofly, share/doc/nofly,
# share/man/man1/nofly.1); DESTDIR=/some/stage puts it under a staging folder.
install: build
	@DESTDIR="$(DESTDIR)" cmake --install $(RELEASE) --prefix "$(PREFIX)"

# A Debian package of the release build, in build/package (CPack; its Depends
# come from dpkg-shlibdeps, package dpkg-dev). One step after the other, so
# that two apt-get never run at once under make -j.
package:
	@.ci/install-deps package
	@$(MAKE) --no-print-directory build
	@cpack --config $(RELEASE)/CPackConfig.cmake -G DEB -B $(PACKAGEDIR) >/dev/null
	@echo "nofly package: $$(ls $(PACKAGEDIR)/*.deb)"

# The test build runs every test under AddressSanitizer and
# UndefinedBehaviorSanitizer (docs/hardening.md); .ci/lsan.supp names the one
# known leak, Mesa's software GL under Xvfb. Its driver is preloaded in the
# window tests so that LeakSanitizer can still name it at exit.
SANITIZE_ENV := ASAN_OPTIONS=detect_leaks=1:verify_asan_link_order=0 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	LSAN_OPTIONS=suppressions=$(CURDIR)/.ci/lsan.supp:print_suppressions=0
MESA_SWRAST := $(firstword $(wildcard /usr/lib/*/dri/swrast_dri.so))
# The build and the tests run as on a user's clone, with nothing beside the
# checkout (tests/run-alone hides a folder `shared` lying beside it).
ALONE := $(CURDIR)/tests/run-alone
test: setup-test
	@$(ALONE) cmake -S . -B $(TESTBUILD) -DCMAKE_BUILD_TYPE=Debug -DNOFLY_WERROR=ON -DNOFLY_SANITIZE=ON >/dev/null
	@$(ALONE) cmake --build $(TESTBUILD) -j $(JOBS)
	@cd $(TESTBUILD) && $(SANITIZE_ENV) $(ALONE) ctest --output-on-failure -j $(JOBS) -E '^display/'
	@# the tests that open real windows, under a virtual X server
	@cd $(TESTBUILD) && $(SANITIZE_ENV) NOFLY_DISPLAY_TESTS=1 $(ALONE) xvfb-run -a \
	  env $(if $(MESA_SWRAST),LD_PRELOAD=$(MESA_SWRAST)) ctest --output-on-failure -R '^display/'

# The window's tests again under ThreadSanitizer: the window steps the
# simulation on a second thread while it draws a frame (docs/window.md).
# .ci/tsan.supp names, by library, what TSan reports inside Mesa, X11 and
# SFML; Mesa's driver is preloaded so that it is never unloaded under TSan.
# Optimised (RelWithDebInfo) with warnings as errors: CI's -O2 build, whose
# warnings a Debug build never shows, and its tests run faster than Debug's.
TSANBUILD := build/tsan
TSAN_ENV := TSAN_OPTIONS=suppressions=$(CURDIR)/.ci/tsan.supp:halt_on_error=1:second_deadlock_stack=1
tsan: setup-test
	@$(ALONE) cmake -S . -B $(TSANBUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNOFLY_WERROR=ON -DNOFLY_TSAN=ON >/dev/null
	@$(ALONE) cmake --build $(TSANBUILD) -j $(JOBS) --target nofly render_display_tests
	@$(TSAN_ENV) NOFLY_DISPLAY_TESTS=1 $(ALONE) xvfb-run -a \
	  env $(if $(MESA_SWRAST),LD_PRELOAD=$(MESA_SWRAST)) $(TSANBUILD)/tests/render_display_tests

# libFuzzer campaigns (clang): each target for FUZZ_SECONDS, from the seeds
# and the corpus kept in build/fuzz/corpus; see docs/hardening.md.
fuzz:
	@.ci/install-deps fuzz
	@CC=clang CXX=clang++ cmake -S . -B $(FUZZBUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DNOFLY_FUZZ=ON -DNOFLY_TESTS=OFF >/dev/null
	@cmake --build $(FUZZBUILD) -j $(JOBS) --target $(addprefix fuzz_,$(FUZZ_TARGETS))
	@tests/fuzz/run $(FUZZBUILD) $(FUZZ_SECONDS) $(FUZZ_TARGETS)

bench: setup
	@cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DNOFLY_TESTS=OFF -DNOFLY_BENCH=ON >/dev/null
	@cmake --build build/bench -j $(JOBS)

# The committed .clang-format on the lines changed since the last commit, as
# CI checks them (.ci/format-check); whole files are never reformatted, so
# that each line's history stays with the change that wrote it. A new file
# takes part once git knows it (git add).
format:
	@.ci/install-deps format
	@git clang-format --force --extensions cpp,hpp HEAD -- src tests bench

clean:
	@rm -rf build
