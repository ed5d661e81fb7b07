package admin

// pageHTML is the status page template. Inline CSS only: the page must work
// without network access and under a strict Content-Security-Policy.
const pageHTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="refresh" content="{{.Refresh}}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>crawler status</title>
<style>
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.3em;margin:0 0 .3em}h2{font-size:1.1em;margin:1.4em 0 .4em}
table{border-collapse:collapse;min-width:60%}
th,td{border-bottom:1px solid #ddd;padding:.25em .7em;text-align:left;vertical-align:top}
th{background:#f3f3f3}td.n{text-align:right;font-variant-numeric:tabular-nums}
.bad{color:#a00;font-weight:600}.ok{color:#070}.muted{color:#777}
.summary span{display:inline-block;margin-right:1.5em}
</style>
</head>
<body>
<h1>crawler</h1>
<p class="summary">
<span>{{.Activity}}</span>
<span>version {{.Version}}</span>
<span>up {{.Uptime}}</span>
<span>{{.Documents}} documents</span>
<span>{{.Pages}} raw pages</span>
<span>{{.QueueDepth}} URLs queued</span>
<span>database {{mib .DatabaseBytes}}</span>
</p>
{{with .LastError}}<p class="bad">Last error: {{.}}</p>{{end}}

<h2>Jobs</h2>
<table>
<tr><th>Job</th><th>Schedule</th><th>State</th><th>Last run</th><th>Duration</th><th>Fetched</th><th>Stored</th><th>Robots-blocked</th><th>Result</th><th>Next run</th></tr>
{{range .Jobs}}<tr>
<td>{{.Name}}</td><td>{{.Schedule}}</td>
<td>{{if .Running}}<span class="ok">running since {{when .Started}}</span>{{else}}idle{{end}}</td>
{{with .Last}}<td>{{when .Start}}</td><td class="n">{{dur .Duration}}</td><td class="n">{{.Fetched}}</td><td class="n">{{.Stored}}</td><td class="n">{{.RobotsBlocked}}</td>
<td>{{if .Err}}<span class="bad">{{.Err}}</span>{{else}}<span class="ok">ok</span>{{end}}</td>
{{else}}<td class="muted" colspan="6">never run</td>{{end}}
<td>{{when .Next}}{{if .Skips}} <span class="bad">({{.Skips}} skipped)</span>{{end}}</td>
</tr>{{else}}<tr><td colspan="10" class="muted">no jobs configured</td></tr>{{end}}
</table>

<h2>Hosts</h2>
<table>
<tr><th>Host</th><th>Queued</th><th>Next fetch</th><th>Blocked until</th><th>Errors</th><th>Last error</th></tr>
{{range .Hosts}}<tr>
<td>{{.Host}}</td><td class="n">{{.Pending}}</td><td>{{when .NextFetch}}</td>
<td>{{if .BlockedUntil.IsZero}}–{{else}}<span class="bad">{{when .BlockedUntil}}</span>{{end}}</td>
<td class="n">{{.Errors}}</td><td>{{.LastError}}</td>
</tr>{{else}}<tr><td colspan="6" class="muted">no hosts seen yet</td></tr>{{end}}
</table>

<h2>Learned cleaning rules</h2>
<table>
<tr><th>Site</th><th>Version</th><th>Active</th><th>Candidates</th><th>Pinned</th><th>Disabled</th></tr>
{{range .Rules}}<tr><td>{{.Site}}</td><td class="n">{{.Version}}</td><td class="n">{{.Active}}</td><td class="n">{{.Candidate}}</td><td class="n">{{.Pinned}}</td><td class="n">{{.Disabled}}</td></tr>
{{else}}<tr><td colspan="6" class="muted">no rules learned yet</td></tr>{{end}}
</table>

<h2>Recent errors</h2>
<table>
<tr><th>Time</th><th>Where</th><th>Error</th></tr>
{{range .RecentErrors}}<tr><td>{{when .Time}}</td><td>{{.Source}}</td><td>{{.Message}}</td></tr>
{{else}}<tr><td colspan="3" class="muted">none</td></tr>{{end}}
</table>
<p class="muted">Started {{when .Started}}. This page reloads every {{.Refresh}} s; JSON at <a href="/status">/status</a>, metrics at <a href="/metrics">/metrics</a>.</p>
</body>
</html>
`
