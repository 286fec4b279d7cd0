# The two commands of the quick start: `make site` and `make test`.
SHELL := /bin/bash
SWIFT ?= swift
BUILD_DEBS := zlib1g-dev libcmark-gfm-dev libcmark-gfm-extensions-dev pkg-config libjs-katex fonts-katex nodejs
BROWSER_DEBS := chromium
# The differential test renders its corpus with cmark-gfm's own command too.
TEST_DEBS := cmark-gfm

.PHONY: site test bench deps browser-deps test-deps

deps:
	@scripts/require-debs $(BUILD_DEBS)

browser-deps:
	@scripts/require-debs $(BROWSER_DEBS)

test-deps:
	@scripts/require-debs $(TEST_DEBS)

site: deps
	$(SWIFT) build --product lecture
	$(SWIFT) run --skip-build lecture build

test: deps browser-deps test-deps
	$(SWIFT) build
	$(SWIFT) test
	$(SWIFT) run --skip-build lecture verify
	$(SWIFT) run --skip-build lecture verify --package-path Examples/numerics-course
	cd Examples/numerics-course && $(SWIFT) package --allow-writing-to-package-directory lecture verify
	cd Examples/numerics-course && $(SWIFT) package --allow-writing-to-package-directory lecture help verify >/dev/null
	Tests/browser/run

bench: deps
	Benchmarks/run
	Benchmarks/notebook/compare
	Benchmarks/preview/run
