package org.rewriteradar.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.rewriteradar.model.ArticleEvent;

/**
 * A deterministic, seeded corpus of synthetic news articles for the cluster tests: base articles built
 * from templates and large word lists (so unrelated articles share little wording), plus rewrites of
 * some of them (verbatim copies, lightly edited copies, copies with sentences dropped, synonym-spun
 * copies), silent revisions (same id, changed text), identical re-sends, all in {@code publishedAt}
 * order.
 *
 * <p>Every event belongs to a <em>family</em>: a base article and everything derived from it. Alerts may
 * only ever link two articles of the same family.
 */
record Corpus(List<Event> events, List<Planned> planned) {

    /** How an event was made. */
    enum Variant {
        BASE,
        COPY,
        EDITED,
        TRIMMED,
        SPUN,
        REVISION,
        RESEND
    }

    /** One record to publish, in order. */
    record Event(ArticleEvent article, String family, Variant variant) {}

    /** An alert the engine is expected to raise: {@code article} rewrites (or revises) {@code original}. */
    record Planned(String articleId, String originalId, Variant variant) {}

    static final Instant T0 = Instant.parse("2024-05-06T06:00:00Z");

    /** The corpus used by the cluster tests. */
    static Corpus standard() {
        return generate(20240506L, 60);
    }

    static Corpus generate(long seed, int bases) {
        Random rnd = new Random(seed);
        List<Event> events = new ArrayList<>();
        List<Planned> planned = new ArrayList<>();
        for (int i = 0; i < bases; i++) {
            String id = String.format("base-%03d", i);
            String place = pick(rnd, PLACES);
            List<String> sentences = article(rnd, place, 150 + rnd.nextInt(230));
            Instant published = T0.plus(Duration.ofMinutes(17L * i));
            ArticleEvent base = event(id, sourceFor(rnd), headline(rnd, place), sentences, published);
            events.add(new Event(base, id, Variant.BASE));

            // roughly: 35% one rewrite, 10% two rewrites, 10% revised, 8% identical re-send, rest alone
            int roll = rnd.nextInt(100);
            if (roll < 45) {
                int copies = roll < 10 ? 2 : 1;
                for (int c = 0; c < copies; c++) {
                    Variant v = REWRITES[rnd.nextInt(REWRITES.length)];
                    String rid = String.format("%s-%s-%d", id, v.name().toLowerCase(), c);
                    Instant at = published.plus(Duration.ofMinutes(45L + 90L * c + rnd.nextInt(40)));
                    ArticleEvent rw =
                            event(rid, sourceFor(rnd), headline(rnd, place), rewrite(rnd, v, sentences, place), at);
                    events.add(new Event(rw, id, v));
                    planned.add(new Planned(rid, id, v));
                }
            } else if (roll < 55) {
                List<String> revised = new ArrayList<>(sentences);
                int at = 1 + rnd.nextInt(revised.size() - 1);
                revised.set(at, sentence(rnd, place));
                revised.add(sentence(rnd, place));
                Instant when = published.plus(Duration.ofMinutes(70L + rnd.nextInt(30)));
                ArticleEvent rev = event(id, base.source(), base.title(), revised, when);
                events.add(new Event(rev, id, Variant.REVISION));
                planned.add(new Planned(id, id, Variant.REVISION));
            } else if (roll < 63) {
                // the same record sent again later (a producer retry, a feed re-poll): nothing to report
                events.add(new Event(base, id, Variant.RESEND));
            }
        }
        // sort by the time each record is sent: publishedAt, except re-sends (sent later, same publishedAt)
        List<Event> ordered = new ArrayList<>(events);
        ordered.sort(Comparator.comparing(Corpus::sendTime));
        return new Corpus(List.copyOf(ordered), List.copyOf(planned));
    }

    private static Instant sendTime(Event e) {
        return e.variant() == Variant.RESEND
                ? e.article().publishedAt().plus(Duration.ofMinutes(50))
                : e.article().publishedAt();
    }

    private static final Variant[] REWRITES = {Variant.COPY, Variant.EDITED, Variant.TRIMMED, Variant.SPUN};

    String familyOf(String articleId) {
        return events.stream()
                .filter(e -> e.article().id().equals(articleId))
                .map(Event::family)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown article " + articleId));
    }

    // ---------------------------------------------------------------------------------------------------
    // Text generation

    private static ArticleEvent event(String id, String source, String title, List<String> sentences, Instant at) {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < sentences.size(); i++) {
            body.append(sentences.get(i));
            body.append(i % 4 == 3 ? "\n\n" : " ");
        }
        return new ArticleEvent(
                id,
                "https://news.example/" + source.toLowerCase().replace(' ', '-') + "/" + id,
                source,
                title,
                body.toString().trim(),
                at,
                "en");
    }

    /** Sentences until the text has at least {@code words} words. */
    private static List<String> article(Random rnd, String place, int words) {
        List<String> out = new ArrayList<>();
        int count = 0;
        while (count < words) {
            String s = sentence(rnd, place);
            out.add(s);
            count += s.split(" ").length;
        }
        return out;
    }

    private static String headline(Random rnd, String place) {
        return cap(pick(rnd, ADJ)[0]) + " " + pick(rnd, NOUN)[0] + " " + pick(rnd, VERB)[1] + " in " + place;
    }

    private static String sourceFor(Random rnd) {
        return pick(rnd, SOURCES);
    }

    /** One sentence: a template whose slots are filled from the word lists (always the first synonym). */
    static String sentence(Random rnd, String place) {
        String template = pick(rnd, TEMPLATES);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            if (c == '{') {
                int end = template.indexOf('}', i);
                out.append(fill(rnd, template.substring(i + 1, end), place));
                i = end + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        String s = out.toString();
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String fill(Random rnd, String slot, String place) {
        return switch (slot) {
            case "P" -> pick(rnd, FIRST) + " " + pick(rnd, LAST);
            case "L" -> pick(rnd, LAST);
            case "PL" -> rnd.nextInt(3) == 0 ? pick(rnd, PLACES) : place;
            case "ORG" -> pick(rnd, PLACES) + " " + pick(rnd, ORGS);
            case "ROLE" -> pick(rnd, ROLES);
            case "N" -> pick(rnd, NOUN)[0];
            case "NS" -> plural(pick(rnd, NOUN)[0]);
            case "V" -> pick(rnd, VERB)[0];
            case "VP" -> pick(rnd, VERB)[1];
            case "A" -> pick(rnd, ADJ)[0];
            case "NUM" -> Integer.toString(2 + rnd.nextInt(980));
            case "PCT" -> (1 + rnd.nextInt(60)) + " per cent";
            case "DAY" -> pick(rnd, DAYS);
            case "MONTH" -> pick(rnd, MONTHS);
            case "YEAR" -> Integer.toString(2019 + rnd.nextInt(9));
            default -> throw new IllegalArgumentException(slot);
        };
    }

    private static List<String> rewrite(Random rnd, Variant v, List<String> sentences, String place) {
        List<String> out = new ArrayList<>(sentences);
        switch (v) {
            case COPY -> {}
            case EDITED -> {
                // a few words changed, one sentence added at the end
                for (int k = 0; k < 3; k++) {
                    int at = rnd.nextInt(out.size());
                    out.set(at, out.get(at).replaceFirst(" the ", " this ").replaceFirst(" a ", " one "));
                }
                out.add(sentence(rnd, place));
            }
            case TRIMMED -> {
                // every third sentence dropped
                List<String> kept = new ArrayList<>();
                for (int i = 0; i < out.size(); i++) {
                    if (i % 3 != 2) {
                        kept.add(out.get(i));
                    }
                }
                out = kept;
            }
            case SPUN -> out.replaceAll(Corpus::spin);
            default -> throw new IllegalArgumentException(v.name());
        }
        return out;
    }

    /** Swaps every listed noun, verb and adjective for its synonym (names, places and numbers stay). */
    static String spin(String sentence) {
        String[] words = sentence.split(" ");
        StringBuilder out = new StringBuilder();
        for (String w : words) {
            String core = w.replaceAll("[^A-Za-z-]", "");
            String swap = SYNONYMS.get(core);
            out.append(out.length() == 0 ? "" : " ");
            out.append(swap == null || core.isEmpty() ? w : w.replace(core, swap));
        }
        return out.toString();
    }

    private static final java.util.Map<String, String> SYNONYMS = buildSynonyms();

    private static java.util.Map<String, String> buildSynonyms() {
        java.util.Map<String, String> m = new java.util.HashMap<>();
        for (String[] n : NOUN_PAIRS()) {
            m.put(n[0], n[1]);
            m.put(plural(n[0]), plural(n[1]));
        }
        for (String[] v : VERB_PAIRS()) {
            m.put(v[0], v[2]);
            m.put(v[1], v[3]);
        }
        for (String[] a : ADJ_PAIRS()) {
            m.put(a[0], a[1]);
        }
        return m;
    }

    private static String plural(String noun) {
        if (noun.endsWith("y") && !noun.endsWith("ay") && !noun.endsWith("ey")) {
            return noun.substring(0, noun.length() - 1) + "ies";
        }
        if (noun.endsWith("s") || noun.endsWith("sh") || noun.endsWith("ch") || noun.endsWith("x")) {
            return noun + "es";
        }
        return noun + "s";
    }

    private static String cap(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static <T> T pick(Random rnd, T[] items) {
        return items[rnd.nextInt(items.length)];
    }

    // ---------------------------------------------------------------------------------------------------
    // Word lists (written for these tests)

    private static final String[] TEMPLATES = {
        "{P}, the {ROLE} of the {ORG}, said the {N} would be {VP} before the end of {MONTH}.",
        "The {ORG} {VP} the {A} {N} on {DAY} after {NUM} {NS} were reported in {PL}.",
        "According to figures seen by reporters, about {PCT} of {NS} in {PL} are now {A}.",
        "\"We have never seen a {N} as {A} as this one,\" said {P}, who has lived in {PL} for {NUM} years.",
        "Residents of {PL} have been told to {V} their {NS} until the {A} {N} is over.",
        "Last {MONTH} the {ORG} agreed to {V} a {A} {N} worth {NUM} thousand pounds.",
        "{P} told a meeting in {PL} that the {N} had cost the {ORG} more than {NUM} thousand pounds.",
        "Critics say the {A} {N} will {V} {NS} across {PL} for years to come.",
        "The {N} was first {VP} in {YEAR}, when {P} was still the {ROLE} of the {ORG}.",
        "Police in {PL} said {NUM} {NS} had been {VP} by {DAY} evening.",
        "A spokesperson for the {ORG} declined to {V} the {A} {N} when asked on {DAY}.",
        "Campaigners from {PL} plan to {V} the {N} outside the {ORG} next {MONTH}.",
        "\"It is a {A} day for every {N} in {PL},\" {P} said in a statement.",
        "Under the plans, {NUM} new {NS} would be {VP} near the {A} {N} at {PL}.",
        "Officials from the {ORG} expect the {N} to {V} by {PCT} over the next {NUM} months.",
        "{P}, a {ROLE} at the {ORG}, warned that the {A} {NS} could {V} the {N}.",
        "Traders in {PL} said the {N} had {VP} on {DAY} morning, with {NUM} {NS} still waiting.",
        "The {ORG} has promised a {A} review of the {N} by {MONTH} {YEAR}.",
        "Nearly {NUM} people signed a petition asking the {ORG} to {V} the {A} {N}.",
        "Mr {L} said he was {A} about the {N}, adding that {NS} in {PL} deserved better.",
        "Ms {L} said the {ORG} had {VP} the {N} without asking {NS} in {PL} first.",
        "In {YEAR} a similar {N} in {PL} was {VP} after {NUM} complaints.",
        "The {A} {N} is due to open on {DAY} {NUM} {MONTH}, the {ORG} confirmed.",
        "Engineers said the {NS} near {PL} were {A} and would need to be {VP} within {NUM} weeks.",
        "\"Nobody told us the {N} would {V} our {NS},\" said {P}, a {ROLE} from {PL}.",
        "The row over the {N} has split the {ORG}, with {NUM} members voting to {V} it.",
        "Data published on {DAY} showed {NS} in {PL} had risen by {PCT} since {YEAR}.",
        "{P} of the {ORG} described the {N} as {A} but necessary.",
        "Visitors to {PL} will be able to {V} the {A} {NS} from {MONTH}.",
        "The {ORG} said it would {V} {NUM} {A} {NS} and hire a new {ROLE} to lead the {N}.",
        "Opposition members in {PL} accused the {ORG} of trying to {V} the {N} quietly.",
        "Most of the {NS} affected by the {A} {N} are in the north of {PL}.",
        "A {ROLE} who asked not to be named said the {N} had been {VP} twice before.",
        "{P} said the {ORG} had set aside {NUM} thousand pounds to {V} {A} {NS}.",
        "The {N} will be discussed again when the {ORG} meets in {PL} on {DAY}.",
    };

    private static String[][] NOUN_PAIRS() {
        return new String[][] {
            {"plan", "scheme"},
            {"project", "venture"},
            {"bridge", "crossing"},
            {"road", "route"},
            {"school", "academy"},
            {"hospital", "infirmary"},
            {"market", "bazaar"},
            {"harbour", "port"},
            {"budget", "allowance"},
            {"proposal", "motion"},
            {"closure", "shutdown"},
            {"delay", "holdup"},
            {"strike", "walkout"},
            {"flood", "deluge"},
            {"fire", "blaze"},
            {"storm", "gale"},
            {"library", "archive"},
            {"museum", "gallery"},
            {"station", "terminal"},
            {"factory", "plant"},
            {"shop", "store"},
            {"family", "household"},
            {"resident", "local"},
            {"pupil", "student"},
            {"patient", "invalid"},
            {"driver", "motorist"},
            {"farmer", "grower"},
            {"worker", "employee"},
            {"official", "functionary"},
            {"charity", "foundation"},
            {"contract", "deal"},
            {"fee", "charge"},
            {"fine", "penalty"},
            {"loan", "credit"},
            {"grant", "subsidy"},
            {"scandal", "affair"},
            {"inquiry", "investigation"},
            {"report", "study"},
            {"survey", "poll"},
            {"festival", "carnival"},
            {"concert", "performance"},
            {"match", "fixture"},
            {"stadium", "arena"},
            {"park", "garden"},
            {"river", "stream"},
            {"forest", "woodland"},
            {"beach", "shore"},
            {"village", "hamlet"},
            {"estate", "development"},
            {"tower", "block"},
            {"tunnel", "underpass"},
            {"ferry", "boat"},
            {"tram", "streetcar"},
            {"bus", "coach"},
            {"train", "service"},
            {"airport", "airfield"},
            {"clinic", "surgery"},
            {"vaccine", "jab"},
            {"outbreak", "epidemic"},
            {"shortage", "scarcity"},
            {"price", "cost"},
            {"wage", "salary"},
            {"rent", "lease"},
            {"tax", "levy"},
            {"ban", "prohibition"},
            {"law", "statute"},
            {"rule", "regulation"},
            {"vote", "ballot"},
            {"election", "poll"},
            {"campaign", "drive"},
            {"protest", "demonstration"},
            {"crowd", "throng"},
            {"queue", "line"},
            {"warehouse", "depot"},
            {"pipeline", "conduit"},
            {"reservoir", "lake"},
            {"dam", "barrage"},
            {"turbine", "generator"},
            {"mine", "pit"},
            {"quarry", "excavation"},
            {"orchard", "grove"},
            {"vineyard", "winery"},
            {"bakery", "patisserie"},
            {"brewery", "distillery"},
            {"theatre", "playhouse"},
            {"cinema", "picturehouse"},
            {"hotel", "inn"},
            {"restaurant", "eatery"},
            {"pub", "tavern"},
            {"court", "tribunal"},
            {"prison", "jail"},
            {"ward", "unit"},
            {"lab", "laboratory"},
            {"robot", "machine"},
            {"satellite", "probe"},
            {"telescope", "observatory"},
            {"app", "application"},
            {"website", "portal"},
            {"database", "register"},
            {"algorithm", "formula"},
            {"battery", "cell"},
        };
    }

    private static String[][] VERB_PAIRS() {
        // base, past, synonym base, synonym past
        return new String[][] {
            {"approve", "approved", "endorse", "endorsed"}, {"reject", "rejected", "refuse", "refused"},
            {"delay", "delayed", "postpone", "postponed"}, {"cancel", "cancelled", "scrap", "scrapped"},
            {"expand", "expanded", "enlarge", "enlarged"}, {"close", "closed", "shut", "shut"},
            {"open", "opened", "launch", "launched"}, {"fund", "funded", "finance", "financed"},
            {"build", "built", "construct", "constructed"}, {"repair", "repaired", "fix", "fixed"},
            {"replace", "replaced", "swap", "swapped"}, {"inspect", "inspected", "examine", "examined"},
            {"review", "reviewed", "assess", "assessed"}, {"support", "supported", "back", "backed"},
            {"oppose", "opposed", "resist", "resisted"}, {"block", "blocked", "obstruct", "obstructed"},
            {"move", "moved", "relocate", "relocated"}, {"reduce", "reduced", "cut", "cut"},
            {"increase", "increased", "raise", "raised"}, {"protect", "protected", "shield", "shielded"},
            {"damage", "damaged", "harm", "harmed"}, {"restore", "restored", "renovate", "renovated"},
            {"sell", "sold", "auction", "auctioned"}, {"buy", "bought", "purchase", "purchased"},
            {"announce", "announced", "declare", "declared"}, {"investigate", "investigated", "probe", "probed"},
            {"question", "questioned", "challenge", "challenged"}, {"finish", "finished", "complete", "completed"},
            {"begin", "begun", "start", "started"}, {"halt", "halted", "stop", "stopped"},
            {"extend", "extended", "prolong", "prolonged"}, {"improve", "improved", "upgrade", "upgraded"},
            {"test", "tested", "trial", "trialled"}, {"publish", "published", "release", "released"},
            {"rescue", "rescued", "save", "saved"}, {"evacuate", "evacuated", "clear", "cleared"},
            {"flood", "flooded", "swamp", "swamped"}, {"hire", "hired", "recruit", "recruited"},
            {"dismiss", "dismissed", "sack", "sacked"}, {"welcome", "welcomed", "greet", "greeted"},
        };
    }

    private static String[][] ADJ_PAIRS() {
        return new String[][] {
            {"controversial", "contentious"},
            {"expensive", "costly"},
            {"cheap", "inexpensive"},
            {"major", "significant"},
            {"minor", "small"},
            {"new", "fresh"},
            {"old", "ageing"},
            {"dangerous", "hazardous"},
            {"safe", "secure"},
            {"popular", "well-liked"},
            {"unpopular", "disliked"},
            {"temporary", "interim"},
            {"permanent", "lasting"},
            {"urgent", "pressing"},
            {"sudden", "abrupt"},
            {"huge", "enormous"},
            {"tiny", "minute"},
            {"local", "regional"},
            {"national", "countrywide"},
            {"difficult", "hard"},
            {"simple", "straightforward"},
            {"busy", "crowded"},
            {"quiet", "calm"},
            {"historic", "landmark"},
            {"modern", "contemporary"},
            {"ambitious", "bold"},
            {"cautious", "careful"},
            {"angry", "furious"},
            {"happy", "delighted"},
            {"worried", "anxious"},
            {"surprising", "unexpected"},
            {"rare", "unusual"},
            {"common", "frequent"},
            {"fragile", "delicate"},
            {"sturdy", "robust"},
            {"muddy", "boggy"},
            {"frozen", "icy"},
            {"flooded", "waterlogged"},
            {"derelict", "abandoned"},
            {"crowded", "packed"},
            {"overdue", "late"},
            {"generous", "lavish"},
            {"modest", "humble"},
        };
    }

    private static final String[][] NOUN = NOUN_PAIRS();
    private static final String[][] VERB = VERB_PAIRS();
    private static final String[][] ADJ = ADJ_PAIRS();

    private static final String[] FIRST = {
        "Amara",
        "Bilal",
        "Carys",
        "Dmitri",
        "Elin",
        "Farah",
        "Gethin",
        "Hana",
        "Idris",
        "Jolene",
        "Kwame",
        "Lowri",
        "Marek",
        "Nadia",
        "Oisin",
        "Priya",
        "Quentin",
        "Rhiannon",
        "Soren",
        "Tamsin",
        "Umar",
        "Vesna",
        "Wilf",
        "Ximena",
        "Yusuf",
        "Zelda",
        "Anouk",
        "Bram",
        "Celyn",
        "Dafydd",
        "Esme",
        "Fintan",
        "Greta",
        "Hamish",
        "Ines",
        "Jago",
        "Kasia",
        "Leif",
        "Mairead",
        "Nico",
    };

    private static final String[] LAST = {
        "Abernethy", "Blackwood", "Carrick", "Dunmore", "Ellery", "Fairbairn", "Gallacher", "Hollins",
        "Ironside", "Jarvis", "Kilbride", "Lennox", "Macready", "Northcott", "Okonkwo", "Pemberton",
        "Quigley", "Rowntree", "Strachan", "Tremayne", "Underhill", "Vickery", "Wetherall", "Yardley",
        "Zabini", "Ashdown", "Brannigan", "Cotterill", "Dewhurst", "Entwistle", "Fothergill", "Greenhalgh",
        "Hargreaves", "Illingworth", "Jowett", "Kershaw", "Lockwood", "Mottram", "Nuttall", "Ormerod",
        "Pickering", "Ramsbottom", "Sutcliffe", "Thwaite", "Uttley", "Varley", "Whitworth", "Ackroyd",
        "Bairstow", "Crabtree", "Dransfield", "Earnshaw", "Firth", "Gaukroger", "Haigh", "Ingham",
        "Kitching", "Lumb", "Midgley", "Oldroyd",
    };

    private static final String[] PLACES = {
        "Ashbourne",
        "Bridgwater",
        "Carnforth",
        "Dunstable",
        "Ely",
        "Falmouth",
        "Grantham",
        "Hexham",
        "Ilkley",
        "Jarrow",
        "Keswick",
        "Ludlow",
        "Malton",
        "Newquay",
        "Oakham",
        "Penrith",
        "Ripon",
        "Settle",
        "Thirsk",
        "Ulverston",
        "Ventnor",
        "Whitby",
        "Yeovil",
        "Alnwick",
        "Bideford",
        "Clitheroe",
        "Dorking",
        "Evesham",
        "Frome",
        "Glossop",
        "Helston",
        "Ivybridge",
        "Kendal",
        "Leominster",
        "Morpeth",
        "Nantwich",
        "Otley",
        "Padstow",
        "Rothbury",
        "Skipton",
        "Tavistock",
        "Uttoxeter",
        "Wetherby",
        "Barnard Castle",
        "Bishop Auckland",
        "Market Harborough",
        "Great Yarmouth",
        "Kirkby Stephen",
        "Hebden Bridge",
        "Stow-on-the-Wold",
    };

    private static final String[] ORGS = {
        "Council", "Hospital Trust", "Water Company", "University", "Rail Partnership", "Chamber of Commerce",
        "Harbour Board", "Police", "Fire Service", "Housing Association", "Wildlife Trust", "Football Club",
        "Civic Society", "Bus Company", "Planning Committee", "Farmers Union", "Heritage Trust",
    };

    private static final String[] ROLES = {
        "chair", "chief executive", "spokesperson", "treasurer", "director", "secretary", "head teacher",
        "councillor", "engineer", "manager", "inspector", "volunteer", "surveyor", "trustee",
    };

    private static final String[] SOURCES = {
        "Northern Echo Wire",
        "Dales Daily",
        "Coastal Courier",
        "Valley Voice",
        "County Herald",
        "Market Town Times",
        "Borders Bulletin",
        "Moorland Post",
    };

    private static final String[] DAYS = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

    private static final String[] MONTHS = {
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    };
}
