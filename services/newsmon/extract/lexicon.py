"""Word lists the quote and name extractors share (lower case)."""

from __future__ import annotations

# entity labels that can name a party to a meeting
PARTICIPANT_LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})

HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "mx", "m", "mme"}
)

TITLE_WORDS = frozenset(
    """
    president vice-president minister secretary spokesman spokeswoman spokesperson senator sen rep
    representative congressman congresswoman governor gov mayor chancellor general gen lt lieutenant
    colonel col major admiral adm ambassador envoy director chief executive ceo cfo coo chairman
    chairwoman chair head leader official commissioner judge justice professor prof dr analyst
    economist researcher lawyer attorney coach manager captain king queen prince princess pope premier
    deputy under-secretary undersecretary adviser advisor aide founder co-founder editor correspondent
    inspector superintendent sheriff officer commander negotiator councillor councilman councilwoman
    mp lawmaker candidate speaker chairperson treasurer diplomat strategist scientist spokespeople
    prosecutor secretary-general commissioner-general emir sheikh foreign defense defence interior
    finance trade health prime assistant associate vice owner partner principal dean rector bishop
    archbishop cardinal rabbi imam father sergeant sgt detective constable marshal skipper boss
    striker midfielder goalkeeper defender winger veteran
    """.split()
)

# descriptions news uses for the person just named: "Mitt Romney ... The Republican presidential nominee"
EPITHETS = frozenset(
    "nominee frontrunner front-runner incumbent mogul billionaire challenger contender".split()
)

MALE_WORDS = frozenset(
    {
        "mr",
        "sir",
        "lord",
        "king",
        "prince",
        "father",
        "spokesman",
        "congressman",
        "councilman",
        "chairman",
        "brother",
        "son",
        "husband",
        "m",
    }
)
FEMALE_WORDS = frozenset(
    {
        "mrs",
        "ms",
        "miss",
        "dame",
        "lady",
        "queen",
        "princess",
        "spokeswoman",
        "congresswoman",
        "councilwoman",
        "chairwoman",
        "sister",
        "daughter",
        "wife",
        "mme",
    }
)

MALE_NAMES = frozenset(
    """
    john james robert michael william david richard joseph thomas charles christopher daniel matthew
    anthony mark donald steven paul andrew joshua kenneth kevin brian george timothy ronald edward jason
    jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott brandon benjamin samuel
    gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam henry nathan douglas
    zachary peter kyle walter ethan jeremy harold keith christian roger noah gerald carl terry sean
    austin arthur lawrence jesse dylan bryan joe jordan billy bruce albert willie gabriel logan alan
    juan wayne roy ralph randy eugene vincent russell elijah louis bobby philip johnny boris vladimir
    sergei sergey dmitry dmitri alexei alexey igor ivan nikolai mikhail yuri oleg viktor andrei volodymyr
    emmanuel olaf xi wang li recep tayyip narendra rishi keir jens antony lloyd jake mohammed
    muhammad ahmed ali hassan omar karim pierre jean jacques francois luis carlos miguel javier pedro
    giuseppe marco luca giorgio hans klaus jurgen wolfgang friedrich lars sven erik olav ola bjorn
    bill mitt ted chris mike tim jeb newt rand bernie rudy rick dick tom jim bob dan ben sam tony jon
    nick steve matt pete rob ron ken greg doug barack mitch harry reince chuck orrin jeff lamar joaquin
    julian xavier rahm cory marty jared
    """.split()
)

FEMALE_NAMES = frozenset(
    """
    mary patricia jennifer linda elizabeth barbara susan jessica sarah karen nancy lisa betty margaret
    sandra ashley kimberly emily donna michelle dorothy carol amanda melissa deborah stephanie rebecca
    sharon laura cynthia kathleen amy shirley angela helen anna brenda pamela nicole emma samantha
    katherine christine debra rachel catherine carolyn janet ruth maria heather diane virginia julie
    joyce victoria olivia kelly christina lauren joan evelyn judith megan cheryl andrea hannah martha
    jacqueline frances gloria ann teresa kathryn sara janice jean alice madison doris abigail julia
    judy grace denise amber marilyn beverly danielle theresa sophia marie diana brittany natalie isabella
    charlotte rose alexis kayla wendy kamala hillary ursula christine liz theresa giorgia jacinda
    annalena sanna mette ngozi kristalina olena yulia natalia natasha irina olga svetlana tatiana
    elena ekaterina maria anne sophie claire isabelle fatima aisha leila nadia ines lucia carmen
    debbie condoleezza huma kellyanne ivanka melania loretta madeleine nikki carly tulsi jill chelsea
    juanita marsha dianne kirsten tammy mazie jeanne maxine sheila valerie hope michele
    """.split()
)

# Lemmas of verbs that introduce speech ("said", "told", "warned" ...).
SPEECH_VERBS = frozenset(
    """
    say tell add state announce warn argue claim insist note explain declare confirm deny reply respond
    answer ask remark comment acknowledge admit concede suggest predict promise vow pledge stress
    emphasize emphasise underline reiterate repeat write tweet post report testify recall complain
    lament boast joke quip describe call urge demand caution assert maintain contend allege mention
    observe point continue conclude hint indicate disclose reveal recount told shout scream whisper
    mutter murmur exclaim cry yell sigh laugh agree disagree counter retort rebut concur believe think
    estimate reckon launch assure affirm underline specify judge plead confide slip regret deplore
    denounce hammer insist summarize summarise acknowledge accuse
    """.split()
)

# Speech verbs that may also introduce reported speech with a clausal complement.
REPORTING_VERBS = frozenset(
    """
    say tell add state announce warn argue claim insist note explain declare confirm deny reply respond
    acknowledge admit concede suggest predict promise vow pledge stress emphasize emphasise reiterate
    write report testify recall complain assert maintain contend allege mention observe point conclude
    hint indicate disclose reveal caution
    """.split()
)

# Head nouns of phrases that name a work, not speech: the film "Dune".
WORK_NOUNS = frozenset(
    """
    book novel film movie song album show series play poem article essay column report documentary
    opera painting exhibition program programme campaign operation podcast headline slogan motto
    hashtag brand term phrase word label nickname codename code-named code name title magazine newspaper
    """.split()
)

SCARE_CUES = frozenset(
    {
        "so-called",
        "dubbed",
        "nicknamed",
        "titled",
        "entitled",
        "known",
        "branded",
        "labelled",
        "labeled",
        "named",
        "termed",
        "billed",
        "marketed",
        "styled",
    }
)

# "X instructed / urged / asked Kerry to negotiate": Kerry negotiates, X does not ("invite" differs:
# the host who invites someone to meet usually meets them)
OBJECT_CONTROL = frozenset(
    "instruct urge ask tell order direct press encourage allow authorize authorise send".split()
)
