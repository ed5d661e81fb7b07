package storage_test

import (
	"context"
	"errors"
	"fmt"
	"log"
	"os"
	"path/filepath"
	"time"

	"crawler"
	"crawler/storage"
)

func ExampleOpen() {
	dir, err := os.MkdirTemp("", "crawler-example")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "crawler.db")

	// Always bound the wait for the file lock: a second process would
	// otherwise hang until the daemon holding it exits.
	db, err := storage.Open(path, storage.Options{Timeout: time.Second})
	if err != nil {
		log.Fatal(err)
	}
	defer db.Close()

	ctx := context.Background()
	doc := &crawler.Document{
		CanonicalURL: "https://news.example/2026/05/storm",
		Site:         "news.example",
		Title:        "Storm closes harbour",
		Text:         "The harbour closed on Tuesday.",
		ContentHash:  "c0ffee",
	}
	page := &crawler.Page{Status: 200, Body: []byte("<html>…</html>")}
	if err := db.SaveDocument(ctx, doc, page); err != nil {
		log.Fatal(err)
	}

	got, err := db.Document(ctx, "https://news.example/2026/05/storm")
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(got.Title)

	u, ok, _ := db.DocumentByHash(ctx, "c0ffee")
	fmt.Println(u, ok)

	_, err = db.Document(ctx, "https://news.example/missing")
	fmt.Println(errors.Is(err, storage.ErrNotFound))

	_, err = storage.Open(path, storage.Options{Timeout: 10 * time.Millisecond})
	fmt.Println(errors.Is(err, storage.ErrLocked))
	// Output:
	// Storm closes harbour
	// https://news.example/2026/05/storm true
	// true
	// true
}
