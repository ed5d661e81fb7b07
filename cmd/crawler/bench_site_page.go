package main

import (
	"fmt"
	"html"
	"strconv"
	"strings"
	"time"
)

// benchSiteSections are the outlet's sections; /section/<name> lists every
// eighth story.
var benchSiteSections = []string{"news", "politics", "business", "sport", "culture", "science", "travel", "opinion"}

// benchNewest is the publication time of article 0; later indexes are older.
var benchNewest = time.Date(2026, time.November, 20, 18, 0, 0, 0, time.UTC)

// benchChrome is the markup every page of every outlet repeats: the head's
// stylesheet and scripts and the share icons. Real pages carry tens of
// kilobytes of these around a few kilobytes of story, and a cleaner's cost
// follows the whole page, not the story.
type benchChrome struct {
	style, script, icons string
}

func newBenchChrome() *benchChrome {
	var st strings.Builder
	for k := range 60 {
		fmt.Fprintf(&st, ".c-%d__item--%s{margin:%dpx %dpx;padding:%dpx;font:%d%%/1.%d Georgia,serif;color:#%03x}\n",
			k, benchSiteSections[k%len(benchSiteSections)], k%17, k%9, k%5, 80+k%40, k%9, 0x100+k*37%0xeff)
	}
	var sc strings.Builder
	sc.WriteString("window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());\n")
	sc.WriteString("var adSlots={")
	for k := range 80 {
		fmt.Fprintf(&sc, "\"slot-%d\":{\"sizes\":[[300,250],[728,90]],\"targeting\":{\"pos\":\"%d\",\"sect\":\"%s\"},\"lazy\":%t},",
			k, k, benchSiteSections[k%len(benchSiteSections)], k%2 == 0)
	}
	sc.WriteString("};\n(function(){var s=document.createElement('script');s.async=true;s.src='https://ads.example.net/tag.js';document.head.appendChild(s)})();\n")
	var ic strings.Builder
	for _, n := range []string{"facebook", "x", "linkedin", "whatsapp", "email"} {
		fmt.Fprintf(&ic, `<symbol id="icon-%s" viewBox="0 0 24 24"><path d="M12 2C6.48 2 2 6.48 2 12c0 5 3.66 9.13 8.44 9.88v-6.99H7.9V12h2.54V9.8c0-2.5 1.49-3.89 3.78-3.89 1.09 0 2.24.2 2.24.2v2.46h-1.26c-1.24 0-1.63.77-1.63 1.56V12h2.78l-.44 2.89h-2.34v6.99C18.34 21.13 22 17 22 12c0-5.52-4.48-10-10-10z"/></symbol>`, n)
	}
	return &benchChrome{style: st.String(), script: sc.String(), icons: ic.String()}
}

func benchCapitalize(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

func benchPublished(i int) time.Time { return benchNewest.Add(-time.Duration(i) * 37 * time.Minute) }

// head writes the document start and the masthead with its menu.
func (o *benchOutlet) head(b *strings.Builder, title, canonical, extraHead string) {
	esc := html.EscapeString
	fmt.Fprintf(b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>%s | %s</title>\n", esc(title), esc(o.name))
	fmt.Fprintf(b, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><link rel=\"canonical\" href=\"%s\">\n", canonical)
	fmt.Fprintf(b, "<meta property=\"og:title\" content=\"%s\"><meta property=\"og:site_name\" content=\"%s\"><meta property=\"og:url\" content=\"%s\">\n", esc(title), esc(o.name), canonical)
	b.WriteString(extraHead)
	b.WriteString("<style>\n" + o.chrome.style + "</style>\n<script>\n" + o.chrome.script + "</script>\n</head>\n<body class=\"site\">\n")
	b.WriteString(`<svg xmlns="http://www.w3.org/2000/svg" style="display:none">` + o.chrome.icons + "</svg>\n")
	b.WriteString(`<div class="cookie-banner" role="dialog"><p>We use cookies to improve your experience and to show you relevant advertising.</p><button>Accept all</button> <button>Manage preferences</button></div>` + "\n")
	fmt.Fprintf(b, "<header class=\"masthead\"><a class=\"logo\" href=\"/\">%s</a><form class=\"search\" action=\"/search\"><input name=\"q\" placeholder=\"Search\"></form>\n<nav class=\"main-nav\"><ul>", esc(o.name))
	for _, s := range benchSiteSections {
		fmt.Fprintf(b, "<li><a href=\"/section/%s\">%s</a></li>", s, benchCapitalize(s))
	}
	b.WriteString("</ul></nav></header>\n")
}

// foot writes the footer and closes the document.
func (o *benchOutlet) foot(b *strings.Builder) {
	b.WriteString(`<aside class="newsletter"><h3>Get the morning briefing</h3><p>The day's top stories from our newsroom, in your inbox before breakfast.</p><form action="https://newsletters.example.net/subscribe" method="post"><input type="email" name="email" placeholder="Your email address"><button>Sign up</button></form><p class="small">You can unsubscribe at any time. See our privacy notice.</p></aside>` + "\n")
	b.WriteString("<footer class=\"site-footer\"><nav><ul>")
	for _, l := range []string{"About us", "Contact", "Advertise", "Careers", "Corrections", "Privacy notice", "Cookie settings", "Terms of use", "Accessibility", "Complaints", "Syndication", "Archive"} {
		fmt.Fprintf(b, "<li><a href=\"https://corporate.example.net/%s\">%s</a></li>", strings.ReplaceAll(strings.ToLower(l), " ", "-"), l)
	}
	fmt.Fprintf(b, "</ul></nav><p class=\"copyright\">&copy; %d %s. All rights reserved. Registered in England and Wales.</p></footer>\n</body></html>\n",
		benchNewest.Year(), html.EscapeString(o.name))
}

// teaser writes a link to article i as listings show it.
func (o *benchOutlet) teaser(b *strings.Builder, i int, withStandfirst bool) {
	title, standfirst, _ := benchHeadline(o.index, i)
	fmt.Fprintf(b, "<li class=\"teaser\"><a href=\"%s\">%s</a>", benchArticlePath(i), html.EscapeString(title))
	if withStandfirst {
		fmt.Fprintf(b, "<p class=\"standfirst\">%s</p><time>%s</time>", html.EscapeString(standfirst), benchPublished(i).Format("2 Jan 2006"))
	}
	b.WriteString("</li>\n")
}

// listPage writes the front page (n = 0) or archive page n: benchListSize
// teasers and links to the neighbouring archive pages.
func (o *benchOutlet) listPage(b *strings.Builder, n int) {
	title, path := "Latest news", "/"
	if n > 0 {
		title, path = "Archive page "+strconv.Itoa(n), "/archive/"+strconv.Itoa(n)
	}
	o.head(b, title, o.base+path, "")
	fmt.Fprintf(b, "<main><h1>%s</h1><ul class=\"river\">\n", title)
	for i := n * benchListSize; i < (n+1)*benchListSize && o.has(i); i++ {
		o.teaser(b, i, true)
	}
	b.WriteString("</ul><nav class=\"pagination\">")
	switch {
	case n == 1:
		b.WriteString(`<a rel="prev" href="/">Newer</a> `)
	case n > 1:
		fmt.Fprintf(b, "<a rel=\"prev\" href=\"/archive/%d\">Newer</a> ", n-1)
	}
	for k := n + 1; k <= n+benchArchiveAhead && o.hasPage(k); k++ {
		fmt.Fprintf(b, "<a href=\"/archive/%d\">%d</a> ", k, k)
	}
	b.WriteString("</nav></main>\n")
	o.foot(b)
}

// sectionPage writes /section/<name>: every eighth story from its offset.
func (o *benchOutlet) sectionPage(b *strings.Builder, k int) {
	name := benchCapitalize(benchSiteSections[k])
	o.head(b, name, o.base+"/section/"+benchSiteSections[k], "")
	fmt.Fprintf(b, "<main><h1>%s</h1><ul class=\"river\">\n", name)
	for j := 0; j < benchListSize; j++ {
		i := k + j*len(benchSiteSections)
		if !o.has(i) {
			break
		}
		o.teaser(b, i, true)
	}
	b.WriteString("</ul></main>\n")
	o.foot(b)
}

// articlePage writes article i with the chrome a news page wraps it in.
func (o *benchOutlet) articlePage(b *strings.Builder, i int) {
	s := benchArticle(o.index, i)
	esc := html.EscapeString
	url := o.base + benchArticlePath(i)
	pub := benchPublished(i).Format(time.RFC3339)
	ld := fmt.Sprintf("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":%q,\"url\":%q,\"datePublished\":%q,\"author\":{\"@type\":\"Person\",\"name\":%q},\"publisher\":{\"@type\":\"Organization\",\"name\":%q}}</script>\n",
		s.title, url, pub, s.byline, o.name)
	o.head(b, s.title, url, ld)
	sec := benchSiteSections[i%len(benchSiteSections)]
	fmt.Fprintf(b, "<main class=\"content\"><nav class=\"breadcrumb\"><a href=\"/\">Home</a> &rsaquo; <a href=\"/section/%s\">%s</a></nav>\n", sec, benchCapitalize(sec))
	fmt.Fprintf(b, "<article class=\"story\"><header><h1 class=\"headline\">%s</h1><p class=\"standfirst\">%s</p>\n", esc(s.title), esc(s.standfirst))
	fmt.Fprintf(b, "<p class=\"byline\">By <span class=\"author\">%s</span> &middot; <time datetime=\"%s\">%s</time></p></header>\n", esc(s.byline), pub, benchPublished(i).Format("2 January 2006, 15:04"))
	o.shareBar(b, url, s.title)
	fmt.Fprintf(b, "<figure class=\"lead-image\"><img src=\"https://images.example.net/%d/%d.jpg\" alt=\"\" width=\"1200\" height=\"675\"><figcaption>%s</figcaption></figure>\n", o.index, i, esc(s.caption))
	b.WriteString("<div class=\"story-body\">\n")
	for k, p := range s.paragraphs {
		fmt.Fprintf(b, "<p>%s</p>\n", esc(p))
		if k == 2 {
			b.WriteString(`<div class="ad-slot" data-slot="slot-3"><span>Advertisement</span></div>` + "\n")
		}
	}
	b.WriteString("</div>\n")
	o.shareBar(b, url, s.title)
	b.WriteString("</article>\n")
	o.related(b, i)
	b.WriteString(`<aside class="vip-promo"><h3>Join the conversation as a VIP Member</h3><p>Members comment first, read without adverts and get our weekend magazine.</p><a href="https://members.example.net/join">Become a member</a></aside>` + "\n")
	b.WriteString(`<section id="respond" class="comment-respond"><h3 class="comment-reply-title">Leave a Reply</h3><form action="/wp-comments-post.php" method="post" class="comment-form"><p class="comment-notes">Your email address will not be published. Required fields are marked *</p><p><label for="comment">Comment *</label><textarea id="comment" name="comment" rows="8"></textarea></p><p><label for="author">Name *</label><input id="author" name="author"></p><p><label for="email">Email *</label><input id="email" name="email" type="email"></p><p><input type="checkbox" name="consent"> Save my name, email, and website in this browser for the next time I comment.</p><p><input type="submit" value="Post Comment"></p></form></section>` + "\n")
	b.WriteString("</main>\n")
	o.foot(b)
}

// shareBar writes the share links with their icons.
func (o *benchOutlet) shareBar(b *strings.Builder, url, title string) {
	b.WriteString("<div class=\"share-bar\"><span>Share this article</span><ul>")
	for _, n := range []string{"facebook", "x", "linkedin", "whatsapp", "email"} {
		fmt.Fprintf(b, "<li><a class=\"share-%s\" href=\"https://share.example.net/%s?u=%s&amp;t=%s\"><svg width=\"24\" height=\"24\"><use href=\"#icon-%s\"></use></svg><span>Share on %s</span></a></li>",
			n, n, url, html.EscapeString(title), n, n)
	}
	b.WriteString("</ul></div>\n")
}

// related writes the related-stories and most-read lists: links to
// neighbouring articles, so any article leads on to others.
func (o *benchOutlet) related(b *strings.Builder, i int) {
	b.WriteString("<aside class=\"related\"><h3>Related stories</h3><ul>\n")
	for _, d := range []int{1, 2, 3, 5, 8, 13} {
		if j := i + d; o.has(j) {
			o.teaser(b, j, false)
		}
	}
	b.WriteString("</ul></aside>\n<aside class=\"most-read\"><h3>Most read</h3><ol>\n")
	for _, d := range []int{-1, -2, -4, 21, 34} {
		if j := i + d; o.has(j) {
			o.teaser(b, j, false)
		}
	}
	b.WriteString("</ol></aside>\n")
}
