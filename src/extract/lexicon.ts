/** Word lists for attribution and name recognition (English, with a few French/German speech verbs). */

/** Builds -s/-ed/-ing forms of regular verbs; irregular forms are listed explicitly. */
function inflect(lemma: string): string[] {
  const forms = [lemma];
  if (lemma.endsWith("e")) forms.push(`${lemma}s`, `${lemma}d`, `${lemma.slice(0, -1)}ing`);
  else if (/[^aeiou]y$/.test(lemma)) forms.push(`${lemma.slice(0, -1)}ies`, `${lemma.slice(0, -1)}ied`, `${lemma}ing`);
  else if (/(s|sh|ch|x)$/.test(lemma)) forms.push(`${lemma}es`, `${lemma}ed`, `${lemma}ing`);
  else forms.push(`${lemma}s`, `${lemma}ed`, `${lemma}ing`);
  return forms;
}

const REGULAR_SPEECH_VERBS = [
  "add", "announce", "argue", "ask", "claim", "declare", "explain", "indicate", "insist", "note", "reply",
  "stress", "urge", "warn", "state", "remark", "comment", "observe", "continue", "concede", "acknowledge",
  "recall", "suggest", "maintain", "predict", "pledge", "caution", "emphasise", "emphasize", "underline",
  "tweet", "post", "respond", "answer", "counter", "shout", "whisper", "joke", "complain", "lament", "muse",
  "conclude", "confirm", "deny", "allege", "assert", "reiterate", "recount", "describe", "call", "brand",
  "label", "hail", "praise", "criticise", "criticize", "dismiss", "exclaim", "boast", "scream", "yell",
  "plead", "reflect", "mention", "agree", "protest", "demand", "promise", "vow", "blast", "accuse",
  "reveal", "term", "deem", "cry", "sigh", "snap", "testify", "estimate", "forecast", "affirm", "tell",
  "welcome", "chant", "recall", "tweet", "assess", "rate", "remember", "laugh",
  // Reporting verbs of news writing ("Kelly retorted", "beamed Donald Hartley").
  "proclaim", "assure", "retort", "decry", "bemoan", "cite", "tout", "denounce", "surmise", "fume", "ponder",
  "gush", "interject", "retweet", "imply", "chide", "scoff", "sneer", "concur", "grumble", "mutter", "opine",
  "speculate", "wonder", "elaborate", "brag", "theorize", "theorise", "write", "gloat", "fret", "contend",
];
/** Reporting verbs that are also nouns ("a report", "an email", "the quote"): only their past and -ing forms. */
const NOUN_LIKE_SPEECH_VERBS = [
  "report", "echo", "quote", "mock", "bark", "beam", "email", "marvel", "murmur", "rant", "rave", "charge",
];
const IRREGULAR_SPEECH_VERBS = [
  "said", "says", "say", "saying", "told", "tells", "telling", "wrote", "writes", "written", "writing",
  "spoke", "speaking", "admitted", "admits", "admitting", "quipped", "quips", "labelled", "labelling",
  "dubbed", "dubs", "put", "puts", "conceded", "added", "according", "read", "reads", "swore",
];

/** French and German reporting verbs (present and past participle or past tense). Both languages put them
 * before the speaker after a quotation (`« … », a déclaré X`, `„…“, sagte X`), so all are invertible. */
const FOREIGN_SPEECH_VERBS = [
  "déclare", "déclaré", "dit", "affirme", "affirmé", "estime", "estimé", "dénonce", "dénoncé", "explique",
  "expliqué", "ajoute", "ajouté", "insiste", "insisté", "regrette", "regretté", "assure", "assuré", "souligne",
  "souligné", "prévient", "prévenu", "précise", "précisé", "réagi", "réagit", "ironise", "ironisé", "lance",
  "lancé", "confie", "confié", "indique", "indiqué", "raconte", "raconté", "poursuit", "poursuivi", "conclut",
  "conclu", "répond", "répondu", "commente", "commenté", "reconnaît", "reconnu", "admet", "admis", "avertit",
  "averti", "martèle", "martelé", "rappelle", "rappelé", "résume", "résumé", "juge", "jugé", "qualifie",
  "qualifié", "plaide", "plaidé", "fustige", "fustigé", "déplore", "déploré", "salue", "salué", "annonce",
  "annoncé", "promet", "promis", "témoigne", "témoigné", "s’exclame", "interroge", "interrogé", "observe",
  "sagte", "sagt", "erklärte", "erklärt", "betonte", "betont", "warnte", "warnt", "fügte", "meinte", "meint",
  "kritisierte", "forderte", "fordert", "ergänzte", "sagten", "erklärten",
];
const SPEECH_VERBS: ReadonlySet<string> = new Set([
  ...REGULAR_SPEECH_VERBS.flatMap(inflect),
  ...IRREGULAR_SPEECH_VERBS,
  ...FOREIGN_SPEECH_VERBS,
  ...NOUN_LIKE_SPEECH_VERBS.flatMap((lemma) => inflect(lemma).filter((form) => /(?:ed|ing)$/u.test(form))),
]);

/** Verbs that report speech with their particle only: "Kelly shot back", "Bozell points out". */
const PHRASAL_SPEECH_VERBS: ReadonlyMap<string, string> = new Map([
  ...["shot", "shoots", "fired", "fires", "hit", "hits", "wrote", "writes", "pushed", "pushes"].map((v): [string, string] => [v, "back"]),
  ...["pointed", "points", "point", "pointing", "lashed", "lashes", "spelled", "spells"].map((v): [string, string] => [v, "out"]),
  ...["chimed", "chimes", "weighed", "weighs"].map((v): [string, string] => [v, "in"]),
  ...["went", "goes"].map((v): [string, string] => [v, "on"]),
]);

/** A speech verb written as a verb and its particle (`shot back`): `word` is the verb, `next` the word after it. */
export function isPhrasalSpeechVerb(word: string, next: string): boolean {
  return PHRASAL_SPEECH_VERBS.get(word) === next;
}

/** Prepositions that name a source like "according to": `selon X`, `laut X`. */
export const ACCORDING_WORDS: ReadonlySet<string> = new Set(["selon", "laut"]);

/** A lower-case speech verb: "States" in "United States" or a name like "Post" is none (the list is all
 * lower case, so the word as written is looked up). */
export function isSpeechVerb(word: string): boolean {
  return SPEECH_VERBS.has(word);
}

/** Verbs after which a following noun phrase names the speaker (`…," said Jane Doe`). */
export const INVERTIBLE_VERBS: ReadonlySet<string> = new Set([
  "said", "says", "added", "adds", "asked", "asks", "replied", "replies", "explained", "noted", "wrote",
  "warned", "declared", "insisted", "argued", "stressed", "claimed", "announced", "urged", "continued",
  "shouted", "recalled", "observed", "remarked", "cautioned", "admitted", "conceded", "countered",
  "responded", "answered", "exclaimed", "cried", "indicated", "stated", "concluded", "writes", "agreed", "agrees",
  "explains", "notes", "recalls", "tweeted", "tweets", "quipped", "quips", "joked", "jokes", "declares", "continues",
  "warns", "insists", "argues", "beamed", "barked", "retorted", "proclaimed", "mused", "muses", "offered", "offers",
  "emailed", "predicted", "predicts", "suggested", "suggests", "added", "reported", "reports", "laughed", "sighed",
  "observes", "remarks", "counters", "replies", "shouts", "yelled", "screamed", "boasted", "complained", "complains",
  "lamented", "laments", "pleaded", "reflected", "reflects", "acknowledged", "acknowledges", "confirmed", "wondered",
  ...FOREIGN_SPEECH_VERBS,
]);

/** Verbs that label or characterise, used for one- and two-word partial quotes (`called the vote "rigged"`). */
export const CALLING_VERBS: ReadonlySet<string> = new Set(
  ["call", "brand", "label", "describe", "term", "deem", "dub", "hail", "dismiss", "criticise", "criticize", "blast",
    "welcome", "assess", "rate", "qualify"]
    .flatMap(inflect)
    // `referred to him as a "reformer"`: -rr- is not built by `inflect`.
    .concat(["refer", "refers", "referred", "referring", "dubbed", "labelled"])
    .concat(["qualifié", "qualifie", "dénonce", "dénoncé", "fustige", "fustigé"]),
);

/** Auxiliaries and adverbs that may sit between a speaker and the speech verb. */
export const VERB_FILLERS: ReadonlySet<string> = new Set([
  "has", "had", "have", "was", "is", "were", "are", "would", "will", "could", "did", "does", "do",
  "also", "later", "then", "again", "previously", "once", "now", "recently", "earlier", "further",
  "simply", "just", "herself", "himself", "themselves", "a", "ensuite", "am", "hat", "habe",
]);

export const PRONOUNS: ReadonlySet<string> = new Set(["he", "she", "they", "il", "elle", "lui", "er", "sie"]);

export const DETERMINERS: ReadonlySet<string> = new Set([
  "the", "a", "an", "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "your",
]);

/** Words opening a phrase for someone not named ("a senior official", "one aide", "several donors"). */
export const INDEFINITE: ReadonlySet<string> = new Set(["a", "an", "another", "one", "some", "several", "two", "three", "many"]);

export const PREPOSITIONS: ReadonlySet<string> = new Set([
  "of", "for", "in", "on", "at", "with", "about", "from", "by", "to", "into", "over", "under", "against",
  "between", "towards", "toward",
  "im", "am", "nach", "bei", "mit", "vor", "auf", "zum", "zur", "dans", "avec", "pour", "sur", "chez",
]);

export const COPULAS: ReadonlySet<string> = new Set([
  "is", "was", "were", "are", "be", "been", "being", "as", "seemed", "seems", "remains", "remained",
  "looked", "looks", "became", "become",
]);

/** Words right before a quoted span that make it a name, title or mentioned term, not speech. */
export const NAMING_CUES: ReadonlySet<string> = new Set([
  "so-called", "dubbed", "nicknamed", "named", "titled", "entitled", "called", "codenamed", "code-named",
  "word", "words", "term", "phrase", "slogan", "hashtag", "motto", "label", "operation", "book", "memoir",
  "novel", "film", "movie", "drama", "series", "show", "podcast", "song", "album", "play", "documentary",
  "programme", "program", "newspaper", "magazine", "campaign", "exhibition", "festival", "brand", "app",
  "game", "ship", "vessel", "painting", "poem", "musical", "sitcom", "column", "headline",
  // `click "sign up."`: the label of a button or link, quoted to be found on screen.
  "click", "clicking", "tap", "tapping",
]);

/** Participles before "as" that give a name or a label, not someone's words: `known as "X"`, `a shop billed as
 * "the friendliest in town"`. */
export const LABELLED_AS: ReadonlySet<string> = new Set(["known", "billed", "pitched", "marketed", "advertised", "styled"]);

/** Languages whose name before "for" glosses a foreign phrase: `Latin for "seize the day"`. */
export const LANGUAGE_NAMES: ReadonlySet<string> = new Set([
  "latin", "greek", "french", "spanish", "german", "italian", "portuguese", "dutch", "russian", "ukrainian", "polish",
  "arabic", "hebrew", "yiddish", "persian", "farsi", "turkish", "chinese", "mandarin", "cantonese", "japanese", "korean",
  "hindi", "urdu", "swahili", "english", "welsh", "irish", "gaelic",
]);

/** Nouns that announce words quoted as words: `terms such as "storm"`, `phrases like "red line"`. */
export const MENTION_NOUNS: ReadonlySet<string> = new Set([
  "word", "words", "term", "terms", "phrase", "phrases", "name", "names", "slogan", "slogans", "hashtag", "hashtags",
  "keyword", "keywords", "label", "labels", "expression", "expressions",
]);

/** Capitalised words that introduce or qualify a name but are not part of it. */
export const TITLES: ReadonlySet<string> = new Set([
  "president", "prime", "minister", "secretary", "chancellor", "mayor", "governor", "gov", "senator", "sen", "sens", "reps",
  "rep", "representative", "congressman", "congresswoman", "judge", "justice", "general", "gen", "colonel",
  "col", "lieutenant", "lt", "captain", "capt", "commander", "admiral", "sergeant", "sgt", "chief",
  "director", "dr", "doctor", "professor", "prof", "mr", "mrs", "ms", "mx", "miss", "sir", "dame", "lord",
  "lady", "baroness", "baron", "king", "queen", "prince", "princess", "pope", "archbishop", "bishop",
  "rabbi", "imam", "ambassador", "envoy", "commissioner", "chairman", "chairwoman", "chair", "ceo",
  "executive", "speaker", "leader", "deputy", "vice", "first", "state", "attorney", "inspector",
  "detective", "superintendent", "constable", "officer", "coach", "manager", "secretary-general",
  "mp", "mep", "rev", "reverend", "bundeskanzler", "kanzler", "premier", "sheikh", "emir", "crown",
  "monsieur", "madame", "herr", "frau", "m", "mme", "spokesman", "spokeswoman", "spokesperson", "economist",
  "analyst", "witness", "founder", "head", "former", "brigadier", "corporal", "cpl", "marshal", "commodore", "maj",
]);

/** Lower-case role nouns that can stand for a person (`the minister said`). */
export const ROLE_NOUNS: ReadonlySet<string> = new Set([
  "minister", "president", "spokesperson", "spokesman", "spokeswoman", "chancellor", "secretary", "chief",
  "leader", "official", "ambassador", "mayor", "governor", "senator", "general", "commander", "director",
  "chairman", "chairwoman", "chair", "head", "envoy", "adviser", "advisor", "professor", "judge", "lawyer",
  "analyst", "economist", "expert", "author", "founder", "premier", "king", "queen", "pope", "captain",
  "coach", "manager", "officer", "inspector", "detective", "prosecutor", "attorney", "candidate",
  "lawmaker", "mp", "diplomat", "negotiator", "researcher", "scientist", "doctor", "teacher", "resident",
  "witness", "survivor", "organiser", "organizer", "engineer", "executive", "ceo", "boss", "owner",
  "campaigner", "activist", "commissioner", "forecaster", "meteorologist", "veteran", "member",
  "singer", "actor", "actress", "writer", "player", "striker", "star", "volunteer", "investor", "aide",
  "source", "person", "company", "firm", "group", "agency", "ministry", "government", "department", "council",
  // French and German.
  "élue", "élu", "maire", "ministre", "adjointe", "adjoint", "conseiller", "conseillère", "porte-parole",
  "présidente", "président", "directeur", "directrice", "députée", "député", "sprecher", "sprecherin",
  "ministerin", "kanzler", "kanzlerin", "präsident", "präsidentin",
]);

/** Plural or collective nouns that often open a sentence but never name a person. */
export const GROUP_NOUNS: ReadonlySet<string> = new Set([
  "officials", "analysts", "critics", "experts", "residents", "police", "doctors", "economists",
  "scientists", "researchers", "campaigners", "protesters", "witnesses", "sources", "aides", "diplomats",
  "lawmakers", "ministers", "investors", "traders", "observers", "authorities", "officers", "activists",
  "opponents", "supporters", "organisers", "organizers", "unions", "employers", "families", "teachers",
  "nurses", "parents", "students", "voters", "locals", "villagers", "negotiators", "mediators", "fans",
  "leaders", "groups", "passengers", "engineers", "prosecutors", "lawyers", "commentators", "insiders",
  "crowd", "crowds", "sections", "marchers", "demonstrators", "spectators", "chants", "placards", "people",
]);

/** Capitalised function words, days and months: never (part of) a name. */
export const NOT_NAME_WORDS: ReadonlySet<string> = new Set([
  "the", "a", "an", "this", "that", "these", "those", "it", "its", "he", "she", "they", "we", "i", "you",
  "his", "her", "their", "our", "my", "your", "in", "on", "at", "by", "for", "from", "to", "with", "but",
  "and", "or", "as", "after", "before", "when", "while", "if", "asked", "according", "under", "over",
  "since", "during", "despite", "although", "though", "yet", "so", "there", "here", "what", "why", "how",
  "who", "which", "where", "some", "many", "most", "all", "no", "not", "yes", "one", "two", "three",
  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
  "march", "april", "july", "august", "september", "october", "november", "december", "meanwhile",
  "however", "speaking", "today", "yesterday", "tomorrow", "last", "next", "every", "each", "both",
  "then", "now", "still", "also", "even", "just", "later", "earlier", "instead", "indeed", "only", "perhaps",
  "thus", "again", "soon", "once", "finally", "nevertheless", "like", "unlike", "amid", "among",
  "le", "la", "les", "der", "die", "das", "nous", "wir", "je", "ich", "mr", "mrs",
  // German and French function words opening a sentence ("Im Plenum", "Nach der Abstimmung", "Dans la rue").
  "im", "nach", "bei", "mit", "vor", "auf", "für", "über", "zum", "zur", "ein", "eine", "auch", "aber", "und",
  "doch", "dann", "dort", "hier", "wie", "als", "wenn", "dass", "dem", "dans", "pour", "avec", "mais", "après",
  "avant", "il", "elle", "ils", "elles", "ce", "cette", "une", "sur", "chez", "depuis", "lors",
  // Verbs opening a headline or a question glue themselves to the name after them ("Did Donald Trump …?",
  // "Imagine Brad Thor …"): never part of a name.
  "did", "does", "do", "is", "are", "was", "were", "can", "could", "should", "would", "has", "have", "had",
  "imagine", "let", "trust", "watch", "meet", "read", "see", "look", "listen", "remember", "forget", "thank",
  // Sentence openers that are never names: "Another person tweeted", "Six months ago, the senator said",
  // "Given his comments", "Because of the schedule, explained Rosenberg".
  "another", "other", "others", "given", "because", "outside", "inside", "several", "few", "such", "whether",
  "unless", "until", "without", "within", "through", "throughout", "across", "around", "against", "behind",
  "beyond", "nor", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "twenty",
  "hundreds", "thousands", "millions", "dozens", "citing", "informed", "moreover", "likewise", "otherwise", "furthermore",
  "nonetheless", "besides", "overall", "ultimately",
]);

/** Capitalised occupations written before a name as a descriptor, not part of it ("Substitute Daniel
 * Okonkwo", "Businessman Brett Halvorsen"). */
export const OCCUPATIONS: ReadonlySet<string> = new Set([
  "businessman", "businesswoman", "substitute", "striker", "midfielder", "defender", "goalkeeper", "winger",
  "forward", "novelist", "author", "writer", "poet", "singer", "actor", "actress", "rapper", "musician",
  "comedian", "presenter", "broadcaster", "journalist", "critic", "historian", "entrepreneur", "billionaire",
  "investor", "activist", "campaigner", "lawyer", "barrister", "solicitor", "distributor", "producer",
  "filmmaker", "designer", "architect", "chef", "farmer", "pastor", "cardinal", "veteran", "rival",
  "incumbent", "candidate", "challenger", "nominee", "councillor", "councilor", "adviser", "advisor",
  "scientist", "researcher", "economist", "strategist", "pollster", "trader", "banker", "tycoon", "mogul",
  "philanthropist", "boxer", "cyclist", "jockey", "skipper", "captain", "coach",
  "manager", "goalscorer", "playmaker", "teenager", "youngster", "pupil", "student", "nurse", "doctor",
]);

/** Demonyms and party labels: qualify a title or person ("Welsh Conservative", "French President"), and
 * stand for a person already named ("the Scot said", "a Democrat") but never name one themselves. */
export const AFFILIATIONS: ReadonlySet<string> = new Set([
  "democrat", "democrats", "republican", "republicans", "conservative", "conservatives", "tory", "tories",
  "socialist", "nationalist", "centrist", "liberal", "liberals", "libertarian",
  "american", "british", "english", "scottish", "welsh", "irish", "french", "german", "italian", "spanish",
  "portuguese", "dutch", "belgian", "swiss", "austrian", "polish", "czech", "slovak", "hungarian",
  "romanian", "bulgarian", "greek", "turkish", "russian", "ukrainian", "swedish", "norwegian", "danish",
  "finnish", "estonian", "latvian", "lithuanian", "canadian", "mexican", "brazilian", "argentine",
  "chinese", "japanese", "korean", "indian", "pakistani", "iranian", "israeli", "palestinian", "egyptian",
  "saudi", "australian", "african", "european", "scot", "brit", "welshman", "welshwoman", "irishman",
  "frenchman", "englishman", "scotsman", "kiwi", "aussie", "yank",
]);

/** Particles inside personal names (`Ursula von der Leyen`). */
export const NAME_PARTICLES: ReadonlySet<string> = new Set([
  "von", "van", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das", "le", "la", "bin",
  "ibn", "al", "el", "ter", "ten", "y", "ap", "ab",
]);

/** Words that mark a capitalised run as an organisation or a place rather than a person. */
export const ORGANISATION_WORDS: ReadonlySet<string> = new Set([
  "kingdom", "states", "union", "republic", "street", "road", "square", "palace", "house", "hall",
  "office", "ministry", "department", "council", "commission", "committee", "agency", "bank", "party",
  "parliament", "assembly", "senate", "congress", "court", "university", "college", "school", "hospital",
  "foundation", "institute", "centre", "center", "group", "association", "federation", "organisation",
  "organization", "company", "corporation", "inc", "ltd", "times", "post", "news", "journal", "airport",
  "station", "coalition", "alliance", "forces", "army", "navy", "police", "service", "services",
  "authority", "board", "fund", "trust", "club", "strait", "sea", "ocean", "river", "city", "county",
  "island", "islands", "bay", "valley", "mountains", "economics", "markets", "steel", "guardian",
  "network", "channel", "bbc", "nato", "un", "eu", "who", "imf", "cabinet", "government",
  "energy", "pictures", "studios", "airlines", "airways", "motors", "holdings", "systems", "technologies",
  "labs", "capital", "partners", "securities", "media", "pharmaceuticals", "brothers", "confederation",
  "shareholders", "charity", "institution", "society", "league", "industries", "plc", "llc", "corp",
  "gmbh", "ag", "sa", "administration", "bureau", "watch", "directorate", "inspectorate", "tribunal", "secretariat", "records", "entertainment", "insurance", "investments", "consulting", "mutual",
]);

/** Legal suffixes that a company's short name drops ("Quillon Inc" is "Quillon"). */
export const LEGAL_SUFFIXES: ReadonlySet<string> = new Set(["inc", "ltd", "plc", "llc", "corp", "co", "gmbh", "ag", "sa"]);

/** US states as news abbreviates them with a dot (`Flint, Mich.,`, `Sen. Ann Bo (Tex.)`), without the dot. */
export const US_STATE_ABBREVIATIONS: ReadonlySet<string> = new Set([
  "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la", "mass", "md",
  "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis", "wisc",
  "wyo", "n.c", "s.c", "n.y", "n.j", "n.h", "n.m", "n.d", "s.d", "r.i", "w.va", "d.c",
]);

/** US states written in full, lower case. */
export const US_STATES: ReadonlySet<string> = new Set([
  "alabama", "alaska", "arizona", "arkansas", "california", "colorado", "connecticut", "delaware", "florida", "georgia",
  "hawaii", "idaho", "illinois", "indiana", "iowa", "kansas", "kentucky", "louisiana", "maine", "maryland", "massachusetts",
  "michigan", "minnesota", "mississippi", "missouri", "montana", "nebraska", "nevada", "new hampshire", "new jersey",
  "new mexico", "new york", "north carolina", "north dakota", "ohio", "oklahoma", "oregon", "pennsylvania", "rhode island",
  "south carolina", "south dakota", "tennessee", "texas", "utah", "vermont", "virginia", "washington", "west virginia",
  "wisconsin", "wyoming",
]);

/** Abbreviations written with a dot that name a US state or a month (`Flint, Mich.,`, `Dec. 8`): never a speaker. */
export const DOTTED_PLACES_AND_MONTHS: ReadonlySet<string> = new Set([
  ...US_STATE_ABBREVIATIONS, "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
]);
