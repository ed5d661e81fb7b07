package demosite

import "fmt"

// Chrome lines are kept here, beside the outlet they belong to, and written
// literally into the templates; the tests check that the two agree.

func gazetteStyle() style {
	return style{
		name: "Kestrel Bay Gazette", lang: "en-GB", template: "gazette.html",
		reporters: []string{"Harriet Marsh", "Tom Penhallow", "Gemma Arkwright", "Sunil Varma", "Bronwen Tate"},
		path: func(_ int, s story) string {
			return fmt.Sprintf("/%s/%s/", s.published.Format("2006/01/02"), slug(s.title))
		},
		feed: true, absLinks: true,
		sectionPath: func(sec string) string { return "/category/" + sec + "/" },
		frontCount:  10, pageSize: 12, pageOffset: 10, pagePaths: []string{"/page/2/"},
		chrome: []string{
			"Skip to content",
			"Share on Facebook",
			"Tweet",
			"Email",
			"Share this:",
			"Related Posts",
			"Next story",
			"Continue Reading",
			"Recent Posts",
			"Leave a Reply",
			"Your email address will not be published. Required fields are marked *",
			"Post Comment",
			"Sign up for our newsletter",
			"Get the Kestrel Bay Gazette briefing in your inbox every morning.",
			"Photo: Jane Doe/Agency",
			"Click to comment",
			"Connect with us",
			"© 2026 Kestrel Bay Gazette. All rights reserved.",
		},
	}
}

func meridianStyle() style {
	return style{
		name: "The Meridian Post", lang: "en-US", template: "meridian.html",
		reporters: []string{"Dana Whitfield", "Marcus Oyelaran", "Priya Castellano", "Jonah Brandt"},
		path: func(i int, s story) string {
			return fmt.Sprintf("/%s/%s-%d", s.topic.section, slug(s.title), 4810377+i*1291)
		},
		sitemap: true, absLinks: true, frontCount: 8,
		sectionPath: func(sec string) string { return "/" + sec },
		chrome: []string{
			"Share on Facebook",
			"Tweet",
			"Email",
			"Advertisement",
			"Join the conversation as a VIP Member",
			"VIP Members get ad-free reading, exclusive newsletters and access to comments.",
			"Become a VIP",
			"Trending on The Meridian Post Video",
			"More from The Meridian Post",
			"Sign up for our newsletter",
			"The day's biggest stories, every weekday at 6 a.m.",
			"Photo: Marcus Lee/Meridian Post",
			"Click to comment",
			"Connect with us",
			"© 2026 Meridian Media Group LLC. All rights reserved.",
		},
	}
}

func courierStyle() style {
	return style{
		name: "Fenwick Valley Courier", lang: "en-GB", template: "courier.html",
		reporters: []string{"Alan Froggatt", "Maureen Ellison", "Derek Pugh"},
		path: func(i int, s story) string {
			return fmt.Sprintf("/stories/%d-%s.html", 20417+i*3, slug(s.title))
		},
		members: true, pageSize: 8,
		pagePaths: []string{"/archive/1.html", "/archive/2.html", "/archive/3.html"},
		chrome: []string{
			"Printer-friendly version",
			"Share on Facebook",
			"Tweet",
			"Email this story",
			"Related stories",
			"Continue Reading",
			"Photo: Courier Staff Photographer",
			"Sign up for our newsletter",
			"Headlines by email every Friday.",
			"Have your say",
			"Click to comment",
			"Connect with us",
			"Back to top",
			"Copyright © 1998-2026 Fenwick Valley Courier Ltd.",
		},
	}
}

// memberPaths are the courier's subscriber pages: linked from its front
// page, disallowed by its robots.txt.
func memberPaths() []string {
	return []string{
		"/members/inside-the-council-chamber.html",
		"/members/readers-photo-vault.html",
		"/members/subscriber-letters.html",
	}
}
