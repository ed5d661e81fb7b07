# Thin conveniences; CI runs .ci/run, which runs the same test command.
.PHONY: test lint fuzz build bench demo

test:
	go test -race -count=1 ./...

lint:
	go vet ./... && test -z "$$(gofmt -l .)"

fuzz:
	go test -run='^$$' -fuzz=FuzzExtract -fuzztime=2m ./clean

bench:
	go test -run='^$$' -bench=. -benchmem ./clean

build:
	go build -trimpath -o bin/crawler ./cmd/crawler

demo:
	go run ./cmd/crawler demo
