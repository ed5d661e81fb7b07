package clean

import "regexp"

// Generic chrome vocabularies. They describe page furniture in general
// (comment forms, share and follow prompts, advertising labels, reading
// prompts, credits), in the languages most crawled, and are tested only
// against short blocks, so an article sentence that happens to use the
// words survives.

// chromeClassWords are class/id words that mark page furniture.
var chromeClassWords = map[string]bool{
	"share": true, "sharing": true, "social": true, "socials": true, "related": true,
	"newsletter": true, "subscribe": true, "subscription": true, "promo": true,
	"promotion": true, "comment": true, "comments": true, "footer": true, "nav": true,
	"navigation": true, "menu": true, "breadcrumb": true, "breadcrumbs": true,
	"advert": true, "advertisement": true, "ad": true,
	"ads": true, "sponsor": true, "sponsored": true, "signup": true, "login": true,
	"modal": true, "popup": true, "cookie": true, "consent": true, "toolbar": true,
	"recommend": true, "recommended": true, "trending": true,
	"popular": true, "mostread": true, "byline": true, "author": true, "dateline": true,
	"credit": true, "credits": true,
	"caption": true, "copyright": true, "disclaimer": true, "widget": true,
	"sidebar": true, "readmore": true, "outbrain": true, "taboola": true,
	"follow": true, "pagination": true, "pager": true,
}

// strongChromeWords mark furniture whose text can be long (an author's
// biography, a newsletter pitch, a comment): they drop blocks of any
// length up to longChrome.
var strongChromeWords = map[string]bool{
	"authorbox": true, "authorbio": true, "authorinfo": true, "aboutauthor": true, "bio": true,
	"authordescription": true, "authordetails": true, "postmetadata": true, "entryutility": true,
	"newsletter": true, "subscribe": true, "advert": true, "advertisement": true,
	"sponsored": true, "outbrain": true, "taboola": true, "comment": true, "comments": true,
}

// captionClassWords mark image captions and credits.
var captionClassWords = map[string]bool{
	"caption": true, "credit": true, "credits": true, "figcaption": true, "photo": true,
	"image": true, "img": true, "media": true, "gallery": true,
}

// chromePhrase matches short blocks that are page furniture.
var chromePhrase = mustPhrase(`(?i)^(?:` +
	// comment forms and counters
	`(?:leave|post|add|write|submit) (?:a|your) (?:reply|comment|response)|` +
	`(?:\d+ )?(?:comments?|responses?|replies)(?: \(\d+\))?$|click to comment|view comments|show comments|` +
	`be the first to comment|join the (?:conversation|discussion)|` +
	`your email address will not be published|required fields are marked|` +
	`you must be logged in|log ?in to (?:comment|reply)|` +
	// share and follow
	`share(?: this)?(?: article| story| post| page)?(?: on \w+)?$|tweet$|email$|print$|` +
	`(?:follow|connect with|like) us|follow \S+ on|` +
	// newsletters and accounts
	`sign up (?:for|to)|subscribe (?:to|now)|get our newsletter|newsletter$|` +
	`(?:sign|log) in$|register$|` +
	// advertising and reading prompts
	`advertisements?$|advertising$|sponsored(?: content)?$|` +
	`continue reading|read more|read the full|read next|see also|` +
	`related(?: stories| articles| posts| content| coverage| news)?:?$|` +
	`(?:most (?:read|popular|viewed|shared)|trending(?: now| on \S+)?|top stories|you may also like|more from|don'?t miss)|` +
	`copyright|all rights reserved|` +
	// German
	`(?:was|war|is|ist) (?:this|der|dieser) (?:article|artikel|beitrag) (?:helpful|hilfreich|nützlich)|rate this|bewerten sie|artikel bewerten|` +
	`(?:noch )?keine bewertungen|we want to hear|never miss|do you want to be informed|` +
	`anzeige:?$|werbung$|weiterlesen|zum weiterlesen|auch interessant|siehe auch|neueste (?:artikel|beiträge)|` +
	`weitere (?:artikel|beiträge|themen)|lade weitere|mehr zu\b|(?:rezept |artikel )?drucken$|` +
	`(?:möchten sie|artikel) (?:den artikel )?teilen|zur person$|empfehlungen aus|entdecken sie|` +
	`valora esta|mehr (?:lesen|zum thema)|lesen sie auch|das könnte sie auch interessieren|` +
	`kommentare?(?: \(\d+\))?$|kommentar schreiben|teilen$|drucken$|zum newsletter|newsletter abonnieren|` +
	`alle rechte vorbehalten|du musst angemeldet sein|sie müssen angemeldet sein|` +
	// French, Spanish, Italian, Portuguese, Dutch
	`publicité$|lire aussi|lire la suite|partager$|tous droits réservés|commentaires?$|` +
	`publicidad$|leer más|lea también|compartir$|comentarios?$|todos los derechos reservados|` +
	`pubblicità$|leggi anche|condividi$|commenti$|` +
	`leia também|compartilhe$|` +
	`lees ook|lees meer|reacties$|delen$|` +
	// print, download and rating widgets, contact labels, loaders
	`(?:rezept |artikel |seite )?(?:drucken|ausdrucken|imprimer|imprimir|stampa|drukuj)\b|` +
	`(?:dieses? \S+ |den \S+ )?als pdf (?:herunterladen|downloaden|speichern)|download (?:as )?pdf|` +
	`hier können sie (?:den|diesen) (?:artikel|beitrag) bewerten|\((?:noch )?keine bewertungen|loading\.*$|` +
	`(?:presse)?kontakt:?$|ansprechpartner(?:in)?(?: zum thema)?:?$|(?:media |press )?contacts?:?$|` +
	`weiterführende links?:?$|permalink:?$|permalien\b|` +
	// support, membership and app prompts
	`werden sie (?:jetzt )?mitglied|werde (?:jetzt )?mitglied|become a (?:member|subscriber|patron)|` +
	`get the latest news|download (?:our|the) app|zapraszamy (?:też |także )?do|` +
	// disclaimers and post metadata
	`\(?alle angaben ohne gewähr|the views (?:and opinions )?expressed|` +
	`(?:dieser|der) (?:beitrag|artikel|text|gastbeitrag) gibt (?:die|nur die|ausschließlich die) meinung|` +
	`this (?:post|article|page) (?:contains|may contain) (?:affiliate|references|links|sponsored)|` +
	`(?:dieser|der) (?:beitrag|artikel) enthält (?:affiliate|werbe)|` +
	`bei diesem (?:beitrag|artikel|text) handelt es sich um (?:eine?n? )?(?:blog|gastbeitrag|anzeige|werbung|pressemitteilung)|` +
	`(?:dieser|der) (?:text|beitrag|artikel|inhalt) (?:wurde |ist )?(?:veröffentlicht )?unter (?:der|einer) (?:lizenz|creative commons)|` +
	`(?:this|the) (?:text|article|post|work) is licensed under|` +
	`(?:anzeige|werbung|advertisement|publicité|publicidad)\s*[-–:|]\s|(?:video |audio |sendung )?verfügbar bis\b|` +
	`(?:quellen|quellenangaben|sources?) (?:ausblenden|einblenden|anzeigen)$|` +
	`wszelkie prawa zastrzeżone|materiał chroniony prawem|todos os direitos reservados|tutti i diritti riservati` +
	`)`)

// postMeta matches the filing line under a blog post ("This entry was
// posted in ...", "Der Beitrag wurde am ... veröffentlicht"); it may run
// past shortBlock, so it has its own limit.
var postMeta = mustPhrase(`(?i)^(?:this entry was posted|bookmark the permalink|posted in .{1,80}$|` +
	`(?:der|dieser) (?:beitrag|eintrag|artikel) wurde (?:am|von)\b|erstellt am \S+ \d)`)

// metaLine matches one short line of post metadata anywhere in a block:
// an update stamp, a category or tag label, a reading time, an agency
// signature ("aja/PAP").
var metaLine = regexp.MustCompile(`(?i)(?:aktualisiert|updated|mis à jour|actualizado)(?: am| on| le)?:?\s*\d{1,2}[./ ]|` +
	`^(?:kategorien?|category|categories|catégories?|categorías?|rubrik|schlagwörter|schlagworte|tags|filed under|abgelegt unter):|` +
	`(?:lesezeit|reading time|temps de lecture|tiempo de lectura|czas czytania)\b|\d+ ?min(?:\.|uten?|utes?)? (?:lesezeit|read|de lecture|de lectura)\b|` +
	`przeczytasz w|` +
	`^[\p{L}]{1,6}(?:/[\p{L}]{1,6})?/(?:pap|dpa|afp|apa|ap|reuters|sda|kna|epd|kap|ansa|efe)$`)

// supportPrompt matches appeals for money or membership, which can run to
// a few sentences.
var supportPrompt = mustPhrase(`(?i)^(?:(?:wenn|falls) (?:ihnen|dir) (?:unser|dieser|der) (?:artikel|beitrag|text) gefallen|` +
	`gefällt (?:dir|ihnen) (?:unser|dieser|diese|das)\b|we need your help|support (?:our|independent) journalism|` +
	`(?:bitte )?unterstützen sie (?:uns|unsere arbeit|unabhängigen journalismus|diese form)|` +
	`if you (?:like|enjoy|value) (?:our|this) (?:work|journalism|article|content)|` +
	`soutenez (?:notre|le) journalisme|apoya (?:nuestro|el) periodismo)`)

// moreHeading matches headings that introduce lists of other content
// ("More information", "Weitere Artikel", "Sur le même sujet").
var moreHeading = mustPhrase(`(?i)^(?:` +
	`(?:noch )?mehr (?:infos?|informationen|artikel|themen|beiträge|geschichten|videos?|zum thema)\b|` +
	`weitere (?:infos?|informationen|artikel|beiträge|themen|nachrichten|meldungen|geschichten|videos?)\b|` +
	`entdecke (?:weitere|mehr)|entdecken sie (?:weitere|mehr)|vorschau auf|meist(?:-| )?(?:gelesen|diskutiert|kommentiert|geklickt|gesehen)|` +
	`more (?:information|stories|articles|news|videos|from|on this|about)\b|other (?:stories|articles|news)|` +
	`(?:audios? et )?vidéos? sur le (?:même )?sujet|sur le même sujet|à lire (?:aussi|également)|` +
	`más (?:noticias|información|artículos)|otras noticias|noticias relacionadas|` +
	`altri articoli|articoli correlati|leia mais|mais notícias` +
	`)`)

// tailCredit matches a photo credit closing a caption: "... © Jane Doe",
// "...island.Photograph by Jane Doe".
var tailCredit = regexp.MustCompile(`(?:©|\(c\))\s*[^©.!?]{2,50}(?:\.[a-z]{2,4})?\s*$|[.!?)]\s*(?:Photograph|Photo|Foto|Bild|Image|Picture|Credit)s?(?: by| von|:)\s+[^.!?]{2,50}$`)

// figureLabel opens a numbered figure caption: "Abbildung 4:", "Fig. 2".
var figureLabel = mustPhrase(`(?i)^(?:abbildung|abb\.|figure|fig\.|grafik|illustration)\s*\d+\s*[:.]`)

// copyrightSign catches footers such as "© 2024 Example Media".
var copyrightSign = regexp.MustCompile(`(?i)^(?:©|\(c\)|copyright)\s|all rights reserved|alle rechte vorbehalten|tous droits réservés|todos los derechos reservados|wszelkie prawa zastrzeżone|tutti i diritti riservati`)

// creditPhrase matches photo and image credits.
var creditPhrase = regexp.MustCompile(`(?i)(?:^(?:photo|photograph|image|picture|foto|bild|credit|quelle|source|titelbild|beitragsbild|abbildung|abb\.|fig\.|figure)s?(?: by| credit)?\s*\d*\s*[:/©]|^(?:photograph|photo|foto|bild|beitragsbild|titelbild)(?: by| von)?$|^photograph(?:ed)? by\b|` +
	`\((?:photo|ap|afp|getty|reuters|dpa)\b|getty images|shutterstock|istock|` +
	`(?:^|[/|] ?)(?:ap|afp|reuters|dpa|epa|picture alliance)(?: photo)?$|^(?:ap|afp|reuters) photo)`)

// commentHeading matches the heading that opens a comment section; the
// article ends there.
var commentHeading = mustPhrase(`(?i)^(?:\d+ )?(?:comments?|responses?|kommentare?|commentaires?|comentarios?|commenti|reacties|` +
	`leave a (?:reply|comment)|post a comment|add a comment|join the (?:discussion|conversation)|` +
	`reader comments|discussion|diskussion|leserkommentare|` +
	`\d+ (?:thoughts|responses|replies) (?:on|to))\b`)

// markupLeak matches HTML source shown as text (ad fallbacks in noscript).
var markupLeak = mustPhrase(`(?i)^<(?:a|img|iframe|script|div|span)\b[^>]*>?`)

// bylinePhrase matches "By Jane Doe" lines in the common languages: a
// short capitalised name after the preposition, no sentence.
var bylinePhrase = mustPhrase(`^(?i:by|von|par|por|di|door|av|af|de)\s*:?\s+\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|and|und|et|y|e|&|,)){0,6}\s*$`)

// phpError matches PHP warnings a broken site prints into its page.
var phpError = mustPhrase(`^(?:Warning|Deprecated|Notice|Fatal error|Parse error|Strict Standards): `)
