package casefacts

import (
	"strings"

	"github.com/casebookapp/casebook/data"
)

func set(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[strings.ToLower(w)] = true
	}
	return m
}

// stopWords are capitalised at the start of a sentence or in a heading but
// never start a name.
var stopWords = set(`a an the and or but if in on at of to for from by with as after before
ahead despite however instead while when where why what who whom whose how this that these those
it its he she his her they their them we our us i you your my me there here today tomorrow
yesterday note image photo caption related updated follow get read see also click share
so then than yet still just even only not no yes all any some many most more much each every
both either neither one two three four five six seven eight nine ten first last next former
late early about around during since until although though because once following according
mr mrs ms dr`)

// Days (data.WeekdayOf) and months (data.MonthNumber) are never names.

// titleWords stand before a name ("Brooklyn District Attorney Ken
// Thompson", "Justice Danny Chun") or make a heading's role; a name is what
// follows them.
var titleWords = set(`officer officers police cop ex-cop rookie former district attorney da justice
judge assemblyman assemblywoman assembly member councilman councilwoman council mayor president
senator sen governor gov representative rep congressman congresswoman secretary commissioner
chief detective det sergeant sgt lieutenant lt captain capt inspector deputy executive director
chairman chairwoman chair spokesman spokeswoman spokesperson prosecutor lawyer attorney
reverend rev pastor bishop father sister brother doctor dr professor prof dean principal
supreme state federal public defense defender general acting interim head founder leader
partner domestic family victim suspect witness activist organizer trooper agent manager
superintendent speaker minister prime vice assistant associate special counsel editor producer
reporter correspondent columnist writer analyst photographer anchor host foreign interior defense
defence finance justice education health labor labour`)

// places are names of places, never of people or organisations on their
// own; with an organisation's head word they may start one ("New York City
// Housing Authority").
var places = set(`new york city brooklyn manhattan queens bronx staten island boston chicago
los angeles washington america united states u.s usa us china beijing east west north south
northern southern eastern western harlem chinatown flatbush county borough
california texas florida ohio jersey long
afghanistan albania algeria argentina armenia australia austria bangladesh belgium bolivia brazil
bulgaria cambodia cameroon canada chile colombia congo croatia cuba cyprus czech denmark ecuador
egypt england estonia ethiopia finland france georgia germany ghana greece guatemala haiti honduras
hungary iceland india indonesia iran iraq ireland israel italy jamaica japan jordan kazakhstan kenya
korea kosovo kuwait laos latvia lebanon libya lithuania malaysia mali mexico moldova mongolia morocco
myanmar nepal netherlands nicaragua niger nigeria norway pakistan palestine panama paraguay peru
philippines poland portugal qatar romania russia rwanda saudi arabia scotland senegal serbia singapore
slovakia somalia spain sudan sweden switzerland syria taiwan tanzania thailand tunisia turkey uganda
ukraine uruguay venezuela vietnam wales yemen zambia zimbabwe europe asia africa oceania antarctica
hong kong tokyo seoul london paris berlin moscow beijing shanghai cairo tunis baghdad tehran kabul
delhi mumbai toronto sydney rome madrid dubai jerusalem gaza istanbul athens lagos nairobi djerba sirte
pyongyang manila bangkok jakarta havana lima bogota caracas philadelphia atlanta miami houston dallas
detroit baltimore seattle denver oakland ferguson cleveland minneapolis pacific atlantic ocean sea
middle mediterranean caribbean gulf`)

// facilityWords make a name a place ("Louis H. Pink Houses", "State Supreme
// Court"), which the index leaves out.
var facilityWords = set(`houses house street st avenue ave road boulevard park square plaza bridge
station hall court courthouse building tower center centre hospital airport stairwell project
projects church mall museum embassy consulate gallery stadium arena theater theatre zoo mosque
synagogue temple cathedral palace harbour harbor beach bay river lake islands mountain mount valley
coast peninsula cape forest creek`)

// demonyms name peoples and groups of people, not organisations.
var demonyms = set(`asian asian-american american african-american african black white brown
chinese chinese-american pacific islander islanders api aapi aapis latino latina latinx hispanic
caucasian jewish muslim christian english mandarin cantonese korean japanese filipino
vietnamese indian queer americans asians yorkers arab arabs tunisian tunisians egyptian egyptians
libyan libyans syrian syrians iraqi iraqis iranian iranians israeli israelis palestinian palestinians
russian russians ukrainian ukrainians british french german germans italian italians spanish polish
mexican mexicans canadian canadians european europeans african africans australian irish scottish
turkish greek swedish dutch afghan pakistani nigerian kenyan haitian cuban brazilian argentine
islamic islamist islamists jihadist jihadists salafist salafists copts coptic muslims christians
jews catholic catholics protestant sunni shiite shia hindu buddhist democrat democrats republican
republicans conservative conservatives liberal liberals`)

// orgHeads end an organisation's name.
var orgHeads = set(`association alliance department authority news organization organisation
union council committee party agency bureau commission board foundation institute coalition
league federation society corporation company inc inc. corp corp. co co. ltd ltd. llc times post journal
tribune press network university college fund trust bank services office movement
collective caucus assembly congress senate ministry administration group federation club
brotherhood international institution army navy police-department commission command forces
bureau society`)

// orgNouns, in lower case just before or after a capitalised run, say the
// run is an organisation ("activist group 18 Million Rising", "the Ennahda
// party").
var orgNouns = set(`group organization organisation nonprofit non-profit union association alliance
coalition agency company outlet network charity party movement militia newspaper`)

// roleNouns end a role ("Liang's attorney", "rookie NYPD officer").
var roleNouns = set(`officer cop attorney lawyer judge justice director president mayor
assemblyman assemblywoman senator governor commissioner chief detective sergeant lieutenant
captain prosecutor da spokesman spokeswoman spokesperson partner friend girlfriend boyfriend
wife husband mother father son daughter brother sister cousin parent neighbor neighbour
activist leader founder member chairman chairwoman chair head organizer organiser executive
manager reporter student teacher doctor witness victim man woman boy girl official
representative councilman councilwoman counsel defender nonprofit union group organization
organisation association alliance coalition agency company`)

// badAcronyms are capitals that are not organisations: titles, units, a
// browser, peoples.
var badAcronyms = set(`da ie us usa u.s u.s. u.k. u.n. uk eu tv am pm ok id api aapi aapis nyc ceo cfo dj phd md
rip lgbt lgbtq vs ii iii iv ad bc ce`)

// creditAgencies are photo agencies named in credits.
var creditAgencies = set(`ap reuters getty afp pool`)

// notNames never start or make a name. "Credit" opens a photo credit
// ("Credit Harry Campbell"), which the index leaves out.
func notName(w string) bool {
	l := strings.ToLower(strings.TrimSuffix(w, "."))
	return stopWords[l] || isWeekday(l) || data.MonthNumber(l) > 0 || demonyms[l] || l == "credit" || l == "credits"
}

// isWeekday reports a day's name ("thursday").
func isWeekday(w string) bool {
	_, ok := data.WeekdayOf(w)
	return ok
}
