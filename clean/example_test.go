package clean_test

import (
	"fmt"
	"net/url"

	"crawler/clean"
)

func ExampleExtract() {
	page := []byte(`<html><head><title>Ferry Adds Night Runs | Bay Ledger</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article>
<h1>Ferry Adds Night Runs</h1>
<p>The harbor ferry will run every hour until two in the morning from June, the port authority said on Monday, after a year of requests from restaurant workers.</p>
<p>The late runs will cost the same as daytime tickets, and the authority expects to review the schedule after the first three months of service.</p>
<p>Advertisement</p>
<p><a href="/share">Share this story</a></p>
<h3>Leave a Reply</h3>
<p>Your email address will not be published. Required fields are marked *</p>
</article></body></html>`)
	u, _ := url.Parse("https://bay.example/ferry")
	res, err := clean.Extract(page, u, clean.Rules{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(res.Title)
	for _, p := range res.Paragraphs {
		fmt.Println("-", p)
	}
	for _, r := range res.Removed {
		fmt.Printf("dropped %q (%s)\n", r.Text, r.Reason)
	}
	// Output:
	// Ferry Adds Night Runs
	// - The harbor ferry will run every hour until two in the morning from June, the port authority said on Monday, after a year of requests from restaurant workers.
	// - The late runs will cost the same as daytime tickets, and the authority expects to review the schedule after the first three months of service.
	// dropped "Advertisement" (generic:phrase)
	// dropped "Share this story" (generic:link-dense)
	// dropped "Leave a Reply" (generic:phrase)
	// dropped "Your email address will not be published. Required fields are marked *" (generic:phrase)
}
