package cite

import "github.com/casebookapp/casebook/data"

// The three bundled articles, with the metadata the store gives them.
var (
	seed000 = data.Article{ID: 1, Meta: data.Meta{
		Title:  "Asian Organization Opposes No Jail Time Sentence of Former NYPD Officer Peter Liang",
		Outlet: "AFRO", Date: "2016-04", Type: data.Newspaper,
		Source: "https://afro.com/asian-organization-opposes-no-jail-time-sentence-of-former-nypd-officer-peter-liang/",
	}}
	seed001 = data.Article{ID: 2, Meta: data.Meta{
		Title:  "Liang Sentencing Prompts #APIs4BlackLives, #Justice4Liang Responses Amid Accountability Debate",
		Outlet: "NBC News", Author: "Frances Kai-Hwa Wang", Date: "2016-04", Type: data.NewsWebsite,
		Source: "https://www.nbcnews.com/news/asian-america/liang-sentencing-prompts-apis4blacklives-justice4liang-responses-amid-accountability-debate-n558316",
	}}
	seed002 = data.Article{ID: 3, Meta: data.Meta{
		Title:  "Ex-Cop Peter Liang Apologizes to Akai Gurley's Domestic Partner in Meeting",
		Outlet: "NBC News", Date: "2016-03-24", Type: data.NewsWebsite,
		Source: "http://www.nbcnews.com/news/asian-america/ex-cop-peter-liang-apologizes-akai-gurley-s-domestic-partner-n544921",
	}}
)
