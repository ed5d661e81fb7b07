// Package admin serves the crawler's admin endpoint as an http.Handler.
//
// It opens no listener and no database: the daemon hands it small
// interfaces (StatusSource, Pinger, JobRunner, RuleEditor) and serves the
// result of Handler on its own http.Server.
//
// # Routes
//
//	GET  /                       HTML status page (refreshes itself)
//	GET  /status                 JSON Status
//	GET  /metrics                Prometheus exposition from a private registry
//	GET  /healthz                200 while the process serves HTTP
//	GET  /readyz                 200 while storage answers a ping, else 503
//	POST /jobs/{name}/run        start a job now (bearer token)
//	POST /rules/{id}/pin         pin a cleaning rule (bearer token)
//	POST /rules/{id}/disable     disable a cleaning rule (bearer token)
//
// # Security
//
// Every request's Host header must name the listen host, localhost,
// 127.0.0.1 or [::1]; anything else is refused with 421, which stops DNS
// rebinding attacks from a browser on the same machine. POST routes need
// "Authorization: Bearer <token>", compared in constant time; with no token
// configured they are refused outright.
package admin
