# Thin conveniences; CI runs .ci/run, which runs the same test command.
.PHONY: test lint fuzz build bench demo

test:
	go test -race -count=1 ./...

lint:
	go vet ./... && test -z "$$(gofmt -l .)"

fuzz:
	go test -run='^$$' -fuzz=FuzzExtract -fuzztime=2m ./clean

# Every table of BENCHMARKS.md, about 15 minutes on 2 cores.
bench:
	go run ./cmd/crawler bench -o bench-latest.md

build:
	go build -trimpath -o bin/crawler ./cmd/crawler

demo:
	go run ./cmd/crawler demo
