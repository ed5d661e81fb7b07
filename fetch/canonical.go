package fetch

import (
	"fmt"
	"net"
	"net/url"
	"sort"
	"strings"
)

// maxURLLength bounds the URLs we accept; longer ones are almost always
// generated (session state, filter permutations) rather than articles.
const maxURLLength = 2048

// CanonicalURL normalises an absolute http(s) URL so the variants of one
// page share a key: lower-case scheme and host, default port and fragment
// dropped, empty path made "/", tracking and session parameters removed and
// the remaining query sorted.
func CanonicalURL(raw string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil {
		return "", fmt.Errorf("%w: %q: %w", ErrBadURL, raw, err)
	}
	return canonical(u)
}

func canonical(u *url.URL) (string, error) {
	c := *u
	c.Scheme = strings.ToLower(c.Scheme)
	if c.Scheme != "http" && c.Scheme != "https" {
		return "", fmt.Errorf("%w: scheme %q in %q", ErrBadURL, c.Scheme, u)
	}
	host := strings.TrimSuffix(strings.ToLower(c.Hostname()), ".")
	if host == "" {
		return "", fmt.Errorf("%w: no host in %q", ErrBadURL, u)
	}
	port := c.Port()
	if (c.Scheme == "http" && port == "80") || (c.Scheme == "https" && port == "443") {
		port = ""
	}
	if port != "" {
		host = net.JoinHostPort(host, port)
	} else if strings.Contains(host, ":") {
		host = "[" + host + "]"
	}
	c.Host, c.User, c.Fragment, c.RawFragment, c.Opaque = host, nil, "", "", ""
	if i := strings.Index(strings.ToLower(c.Path), ";jsessionid="); i >= 0 {
		// Java servlet session ids ride in the path; they name a visit, not a page.
		c.Path, c.RawPath = c.Path[:i], ""
	}
	if c.Path == "" {
		c.Path = "/"
	}
	c.RawQuery = cleanQuery(c.Query())
	c.ForceQuery = false
	s := c.String()
	if len(s) > maxURLLength {
		return "", fmt.Errorf("%w: longer than %d bytes", ErrBadURL, maxURLLength)
	}
	return s, nil
}

func cleanQuery(q url.Values) string {
	keys := make([]string, 0, len(q))
	for k := range q {
		if !isTrackingParam(k) {
			keys = append(keys, k)
		}
	}
	sort.Strings(keys)
	var sb strings.Builder
	for _, k := range keys {
		vs := append([]string(nil), q[k]...)
		sort.Strings(vs)
		for _, v := range vs {
			if sb.Len() > 0 {
				sb.WriteByte('&')
			}
			sb.WriteString(url.QueryEscape(k))
			sb.WriteByte('=')
			sb.WriteString(url.QueryEscape(v))
		}
	}
	return sb.String()
}

func isTrackingParam(k string) bool {
	k = strings.ToLower(k)
	if strings.HasPrefix(k, "utm_") || strings.HasPrefix(k, "pk_") || strings.HasPrefix(k, "mtm_") {
		return true
	}
	_, ok := trackingParams[k]
	return ok
}

// SiteOf returns the site of a canonical URL: its host without a leading
// "www.". A non-default port stays part of the site (canonical URLs drop
// default ports), because two servers on one address are two publishers
// with two templates. It returns "" for an unparsable URL.
func SiteOf(canonicalURL string) string {
	u, err := url.Parse(canonicalURL)
	if err != nil {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Host), "www.")
}

// hostKey returns the politeness key of a URL: scheme://host:port, the
// origin its robots.txt belongs to.
func hostKey(u *url.URL) string {
	port := u.Port()
	if port == "" {
		port = "80"
		if strings.EqualFold(u.Scheme, "https") {
			port = "443"
		}
	}
	return strings.ToLower(u.Scheme) + "://" + net.JoinHostPort(strings.ToLower(u.Hostname()), port)
}
