# Daybook: `make site` builds the sample site (content/ → site/); `make test` runs every test.
SWIFT ?= swift
SAMPLE_CHECK_DIR ?= .build/sample-site-check

.PHONY: site test setup setup-test build release bench clean

site: setup release
	.build/release/daybook build

test: setup-test
	$(SWIFT) build
	scripts/with-moto.sh $(SWIFT) test
	rm -rf $(SAMPLE_CHECK_DIR)
	.build/debug/daybook build --output $(SAMPLE_CHECK_DIR)
	python3 scripts/check-site.py $(SAMPLE_CHECK_DIR)

setup:
	scripts/setup.sh

setup-test:
	scripts/setup.sh --test

build:
	$(SWIFT) build

release:
	$(SWIFT) build -c release --product daybook

bench: setup release
	Benchmarks/run.sh

clean:
	rm -rf .build site
