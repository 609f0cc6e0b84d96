# nofly: the two commands a fresh Debian 12 machine needs.
#   make demo   install what is missing, build (Release), open the flagship scenario
#               in the window (headless run where there is no display)
#   make test   install what is missing, build the test build, run every test
# Other targets: build, check, bench, format, clean.

JOBS      ?= $(shell nproc 2>/dev/null || echo 2)
RELEASE   := build/release
TESTBUILD := build/test
FLAGSHIP  := scenarios/denmark_2025/summit_ban.yaml
SHIPPED   := scenarios/denmark_2025 scenarios/tutorial
NOFLY     := $(RELEASE)/nofly

.PHONY: demo test build check bench format clean setup setup-test

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

test: setup-test
	@cmake -S . -B $(TESTBUILD) -DCMAKE_BUILD_TYPE=Debug -DNOFLY_WERROR=ON >/dev/null
	@cmake --build $(TESTBUILD) -j $(JOBS)
	@cd $(TESTBUILD) && ctest --output-on-failure -j $(JOBS) -E '^display/'
	@# the tests that open real windows, under a virtual X server
	@cd $(TESTBUILD) && NOFLY_DISPLAY_TESTS=1 xvfb-run -a ctest --output-on-failure -R '^display/'

bench: setup
	@cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DNOFLY_TESTS=OFF -DNOFLY_BENCH=ON >/dev/null
	@cmake --build build/bench -j $(JOBS)

format:
	@find src tests bench -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	@rm -rf build
