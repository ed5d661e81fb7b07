package fetch

// trackingParams are query parameters that identify a visitor, campaign or
// session rather than a page (utm_*, pk_* and mtm_* are matched by prefix).
var trackingParams = map[string]struct{}{
	"fbclid": {}, "gclid": {}, "gclsrc": {}, "dclid": {}, "msclkid": {},
	"mc_cid": {}, "mc_eid": {}, "yclid": {}, "igshid": {}, "twclid": {},
	"_ga": {}, "_gl": {}, "_hsenc": {}, "_hsmi": {}, "mkt_tok": {},
	"oly_anon_id": {}, "oly_enc_id": {}, "vero_id": {}, "wickedid": {},
	"ref_src": {}, "ref_url": {}, "cmpid": {}, "ito": {}, "ncid": {},
	"sessionid": {}, "session_id": {}, "sid": {}, "phpsessid": {},
	"jsessionid": {}, "aspsessionid": {}, "cfid": {}, "cftoken": {},
	"share": {}, "amp": {}, "outputtype": {},
}
