package fetch

import (
	"net/url"
	"path"
	"regexp"
	"strconv"
	"strings"
)

// Limits that keep a crawl out of infinite URL spaces. A news article URL
// rarely needs more than a couple of query parameters or path segments.
const (
	maxQueryParams  = 4
	maxPathSegments = 12
	maxRepeatedSeg  = 2
	maxPageNumber   = 50
)

var (
	calendarPath = regexp.MustCompile(`(?i)/(calendar|events?)/\d{4}[/-]\d{1,2}`)
	yearInQuery  = regexp.MustCompile(`^(19|20)\d\d`)
	pageSegment  = regexp.MustCompile(`(?i)/page/(\d+)`)
)

// skippedExtensions are file types a link may point to that are never
// articles; asking for them would only cost the site a request.
var skippedExtensions = map[string]bool{
	".jpg": true, ".jpeg": true, ".png": true, ".gif": true, ".webp": true, ".svg": true, ".ico": true,
	".pdf": true, ".zip": true, ".gz": true, ".mp3": true, ".mp4": true, ".mov": true, ".avi": true,
	".css": true, ".js": true, ".woff": true, ".woff2": true, ".ttf": true, ".exe": true, ".dmg": true,
	".doc": true, ".docx": true, ".xls": true, ".xlsx": true, ".ppt": true, ".pptx": true,
}

func hasSkippedExtension(p string) bool {
	return skippedExtensions[strings.ToLower(path.Ext(p))]
}

// looksLikeTrap flags URLs from generated spaces: calendars, deep
// pagination, session ids, long query permutations, repeating paths.
func looksLikeTrap(u *url.URL) bool {
	if len(u.String()) > maxURLLength {
		return true
	}
	q := u.Query()
	if len(q) > maxQueryParams {
		return true
	}
	for k, vs := range q {
		k = strings.ToLower(k)
		for _, v := range vs {
			if isPagination(k) && pageNumberTooHigh(v) {
				return true
			}
			if (k == "date" || k == "month" || k == "year" || k == "day") && yearInQuery.MatchString(v) {
				return true
			}
		}
	}
	if strings.Contains(strings.ToLower(u.Path), ";jsessionid=") || calendarPath.MatchString(u.Path) {
		return true
	}
	if m := pageSegment.FindStringSubmatch(u.Path); m != nil && pageNumberTooHigh(m[1]) {
		return true
	}
	return repeatsSegments(u.Path)
}

func isPagination(k string) bool {
	return k == "page" || k == "p" || k == "pg" || k == "offset" || k == "start"
}

func pageNumberTooHigh(v string) bool {
	n, err := strconv.Atoi(v)
	return err == nil && n > maxPageNumber
}

func repeatsSegments(p string) bool {
	segs := strings.Split(strings.Trim(p, "/"), "/")
	if len(segs) > maxPathSegments {
		return true
	}
	count := map[string]int{}
	for _, s := range segs {
		if s == "" {
			continue
		}
		count[s]++
		if count[s] > maxRepeatedSeg {
			return true
		}
	}
	return false
}
