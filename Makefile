# nofly: the two commands a fresh Debian 12 machine needs.
#   make demo   install what is missing, build (Release), run the flagship scenario
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

demo: build
	@$(NOFLY) check --quiet $(SHIPPED)
	@$(NOFLY) run $(FLAGSHIP) --out out/summit_ban

check: build
	@$(NOFLY) check $(SHIPPED)

test: setup-test
	@cmake -S . -B $(TESTBUILD) -DCMAKE_BUILD_TYPE=Debug -DNOFLY_WERROR=ON >/dev/null
	@cmake --build $(TESTBUILD) -j $(JOBS)
	@cd $(TESTBUILD) && ctest --output-on-failure -j $(JOBS)

bench: setup
	@cmake -S . -B build/bench -DCMAKE_BUILD_TYPE=Release -DNOFLY_TESTS=OFF -DNOFLY_BENCH=ON >/dev/null
	@cmake --build build/bench -j $(JOBS)

format:
	@find src tests bench -name '*.cpp' -o -name '*.hpp' | xargs clang-format -i

clean:
	@rm -rf build
