"""Nationality words ("German", "Duitse", "deutscher", "alemanes", "немецкий") by the
country they are of, in the project's languages.

Why a table: a story told in several languages names the same nationalities in each
language's words, and no spelling rule makes "Duitse" of "German" or "niederländischen"
of "Dutch". The recogniser tags these words as "other" names; without the table each
language's form is an entity of its own beside the others. With it, all forms of one
nationality are one entity, shown by its English word, as an international body is
(see :mod:`corroborate.aliases.bodies`). Only whole mentions count: "West-Russische
Smolensk" is a place, not a nationality.

Forms are written out per language, except German and Russian adjectives, whose
declension endings are added to a stem (written with a final ``*``).
"""

from __future__ import annotations

from functools import lru_cache

from corroborate.aliases.bodies import folded_letters

#: English word -> forms in en, nl, de, es, fr, ru (space-separated; "stem*" takes the
#: language's adjective endings).
DEMONYMS: dict[str, tuple[str, str, str, str, str, str]] = {
    "American": ("American Americans", "Amerikaans Amerikaanse Amerikaan Amerikanen",
                 "amerikanisch* Amerikaner Amerikanerin Amerikanern",
                 "estadounidense estadounidenses", "américain américaine américains américaines",
                 "американск* американец американцы американцев"),
    "British": ("British Briton Britons", "Brits Britse Brit Britten",
                "britisch* Brite Briten Britin", "británico británica británicos británicas",
                "britannique britanniques", "британск* британец британцы британцев"),
    "German": ("German Germans", "Duits Duitse Duitser Duitsers",
               "deutsch* Deutsche Deutscher Deutschen", "alemán alemana alemanes alemanas",
               "allemand allemande allemands allemandes", "немецк* немец немцы немцев"),
    "French": ("French Frenchman Frenchmen", "Frans Franse Fransman Fransen",
               "französisch* Franzose Franzosen Französin", "francés francesa franceses francesas",
               "français française françaises", "французск* француз французы французов"),
    "Dutch": ("Dutch Dutchman Dutchmen", "Nederlands Nederlandse Nederlander Nederlanders",
              "niederländisch* Niederländer Niederländerin Niederländern",
              "neerlandés neerlandesa neerlandeses neerlandesas holandés holandesa holandeses",
              "néerlandais néerlandaise néerlandaises hollandais hollandaise",
              "нидерландск* голландск* голландец голландцы"),
    "Belgian": ("Belgian Belgians", "Belgisch Belgische Belg Belgen",
                "belgisch* Belgier Belgierin Belgiern", "belga belgas", "belge belges",
                "бельгийск* бельгиец бельгийцы"),
    "Russian": ("Russian Russians", "Russisch Russische Rus Russen",
                "russisch* Russe Russen Russin", "ruso rusa rusos rusas", "russe russes",
                "российск* русск* россиянин россияне россиян"),
    "Ukrainian": ("Ukrainian Ukrainians", "Oekraïens Oekraïense Oekraïner Oekraïners",
                  "ukrainisch* Ukrainer Ukrainerin Ukrainern",
                  "ucraniano ucraniana ucranianos ucranianas",
                  "ukrainien ukrainienne ukrainiens ukrainiennes",
                  "украинск* украинец украинцы украинцев"),
    "Belarusian": ("Belarusian Belarusians", "Wit-Russisch Wit-Russische Wit-Rus Wit-Russen "
                   "Belarussisch Belarussische", "belarussisch* weißrussisch* Belarusse Belarussen",
                   "bielorruso bielorrusa bielorrusos bielorrusas",
                   "biélorusse biélorusses", "белорусск* белорус белорусы белорусов"),
    "Polish": ("Polish Pole Poles", "Pools Poolse Polen", "polnisch* Pole Polin",
               "polaco polaca polacos polacas", "polonais polonaise polonaises",
               "польск* поляк поляки поляков"),
    "Lithuanian": ("Lithuanian Lithuanians", "Litouws Litouwse Litouwer Litouwers",
                   "litauisch* Litauer Litauerin Litauern", "lituano lituana lituanos lituanas",
                   "lituanien lituanienne lituaniens lituaniennes", "литовск* литовец литовцы"),
    "Latvian": ("Latvian Latvians", "Letse Letten", "lettisch* Lette Letten Lettin",
                "letón letona letones letonas", "letton lettone lettons lettones",
                "латвийск* латышск* латыш латыши"),
    "Estonian": ("Estonian Estonians", "Ests Estse Est Esten", "estnisch* Este Esten Estin",
                 "estonio estonia estonios estonias", "estonien estonienne estoniens estoniennes",
                 "эстонск* эстонец эстонцы"),
    "Finnish": ("Finnish Finn Finns", "Fins Finse Fin Finnen", "finnisch* Finne Finnen Finnin",
                "finlandés finlandesa finlandeses finlandesas",
                "finlandais finlandaise finlandaises", "финск* финн финны финнов"),
    "Swedish": ("Swedish Swede Swedes", "Zweeds Zweedse Zweed Zweden",
                "schwedisch* Schwede Schweden Schwedin", "sueco sueca suecos suecas",
                "suédois suédoise suédoises", "шведск* швед шведы шведов"),
    "Norwegian": ("Norwegian Norwegians", "Noors Noorse Noor Noren",
                  "norwegisch* Norweger Norwegerin Norwegern",
                  "noruego noruega noruegos noruegas",
                  "norvégien norvégienne norvégiens norvégiennes", "норвежск* норвежец норвежцы"),
    "Danish": ("Danish Dane Danes", "Deens Deense Deen Denen", "dänisch* Däne Dänen Dänin",
               "danés danesa daneses danesas", "danois danoise danoises",
               "датск* датчанин датчане"),
    "Italian": ("Italian Italians", "Italiaans Italiaanse Italiaan Italianen",
                "italienisch* Italiener Italienerin Italienern",
                "italiano italiana italianos italianas", "italien italienne italiens italiennes",
                "итальянск* итальянец итальянцы итальянцев"),
    "Spanish": ("Spanish Spaniard Spaniards", "Spaans Spaanse Spanjaard Spanjaarden",
                "spanisch* Spanier Spanierin Spaniern", "español española españoles españolas",
                "espagnol espagnole espagnols espagnoles", "испанск* испанец испанцы"),
    "Portuguese": ("Portuguese", "Portugees Portugese Portugezen",
                   "portugiesisch* Portugiese Portugiesen Portugiesin",
                   "portugués portuguesa portugueses portuguesas",
                   "portugais portugaise portugaises", "португальск* португалец португальцы"),
    "Austrian": ("Austrian Austrians", "Oostenrijks Oostenrijkse Oostenrijker Oostenrijkers",
                 "österreichisch* Österreicher Österreicherin Österreichern",
                 "austriaco austriaca austriacos austriacas",
                 "autrichien autrichienne autrichiens autrichiennes", "австрийск* австриец"),
    "Swiss": ("Swiss", "Zwitsers Zwitserse Zwitser", "schweizerisch* Schweizer Schweizerin",
              "suizo suiza suizos suizas", "suisse suisses", "швейцарск* швейцарец"),
    "Chinese": ("Chinese", "Chinees Chinese Chinezen", "chinesisch* Chinese Chinesen Chinesin",
                "chino chinos chinas", "chinois chinoise chinoises",
                "китайск* китаец китайцы китайцев"),
    "Japanese": ("Japanese", "Japans Japanse Japanner Japanners",
                 "japanisch* Japaner Japanerin Japanern", "japonés japonesa japoneses japonesas",
                 "japonais japonaise japonaises", "японск* японец японцы"),
    "Turkish": ("Turkish Turk Turks", "Turks Turkse Turk Turken", "türkisch* Türke Türken Türkin",
                "turco turca turcos turcas", "turc turque turcs turques",
                "турецк* турок турки турков"),
    "Israeli": ("Israeli Israelis", "Israëlisch Israëlische Israëliër Israëliërs",
                "israelisch* Israeli Israelis", "israelí israelíes", "israélien israélienne "
                "israéliens israéliennes", "израильск* израильтянин израильтяне"),
    "Palestinian": ("Palestinian Palestinians", "Palestijns Palestijnse Palestijn Palestijnen",
                    "palästinensisch* Palästinenser Palästinenserin Palästinensern",
                    "palestino palestina palestinos palestinas",
                    "palestinien palestinienne palestiniens palestiniennes",
                    "палестинск* палестинец палестинцы"),
    "Iranian": ("Iranian Iranians", "Iraans Iraanse Iraniër Iraniërs",
                "iranisch* Iraner Iranerin Iranern", "iraní iraníes",
                "iranien iranienne iraniens iraniennes", "иранск* иранец иранцы"),
    "Syrian": ("Syrian Syrians", "Syrisch Syrische Syriër Syriërs", "syrisch* Syrer Syrerin Syrern",
               "sirio siria sirios sirias", "syrien syrienne syriens syriennes",
               "сирийск* сириец сирийцы"),
    "Afghan": ("Afghan Afghans", "Afghaans Afghaanse Afghaan Afghanen",
               "afghanisch* Afghane Afghanen Afghanin", "afgano afgana afganos afganas",
               "afghan afghane afghans afghanes", "афганск* афганец афганцы"),
    "Indian": ("Indian Indians", "Indiaas Indiase Indiër Indiërs", "indisch* Inder Inderin Indern",
               "indio indios indias hindú", "indien indienne indiens indiennes",
               "индийск* индиец индийцы"),
    "Mexican": ("Mexican Mexicans", "Mexicaans Mexicaanse Mexicaan Mexicanen",
                "mexikanisch* Mexikaner Mexikanerin Mexikanern",
                "mexicano mexicana mexicanos mexicanas", "mexicain mexicaine mexicains mexicaines",
                "мексиканск* мексиканец мексиканцы"),
    "Canadian": ("Canadian Canadians", "Canadees Canadese Canadezen",
                 "kanadisch* Kanadier Kanadierin Kanadiern",
                 "canadiense canadienses", "canadien canadienne canadiens canadiennes",
                 "канадск* канадец канадцы"),
    "European": ("European Europeans", "Europees Europese Europeaan Europeanen",
                 "europäisch* Europäer Europäerin Europäern", "europeo europea europeos europeas",
                 "européen européenne européens européennes", "европейск* европеец европейцы"),
    "Soviet": ("Soviet Soviets", "Sovjet Sovjets", "sowjetisch*", "soviético soviética "
               "soviéticos soviéticas", "soviétique soviétiques", "советск*"),
}  # fmt: skip

#: Adjective endings a German or Russian stem takes (``stem*`` in the table).
_ENDINGS = {
    "de": ("", "e", "er", "en", "es", "em"),
    "ru": ("ий", "ого", "ому", "им", "ом", "ая", "ой", "ую", "ое", "ие", "их", "ими"),
}
_LANGUAGES = ("en", "nl", "de", "es", "fr", "ru")


@lru_cache(maxsize=1)
def _index() -> dict[str, str]:
    index: dict[str, str] = {}
    for english, by_language in DEMONYMS.items():
        for language, forms in zip(_LANGUAGES, by_language, strict=True):
            for form in forms.split():
                if form.endswith("*"):
                    endings = _ENDINGS[language]
                    index.update({folded_letters(form[:-1] + end): english for end in endings})
                else:
                    index[folded_letters(form)] = english
    return index


@lru_cache(maxsize=65536)
def demonym_of(text: str) -> str | None:
    """The English nationality word a whole mention is a form of ("Duitse",
    "deutscher", "Germans" -> "German"), or None."""
    words = text.split()
    if len(words) != 1:
        return None
    return _index().get(folded_letters(words[0]))
