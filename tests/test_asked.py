"""What a question asks (bot.asked): the kind of answer, the city and year it binds, and whether
a sentence of the article states such an answer; then the refusal that says what is missing."""

from __future__ import annotations

import pytest

from bot.asked import expected
from bot.evaluate import cited_sources
from bot.followup import Turn
from bot.rankings import asks_ranking, enumerates
from bot.stated import states
from bot.target import places


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("How many metaverse companies are there in Shanghai?", "quantity"),
        ("Combien d'universités de première classe y a-t-il à Shanghai ?", "quantity"),
        ("上海有多少人工智能核心技术人才？", "quantity"),
        ("Сколько стоит гарнитура Apple Vision Pro?", "money"),
        ("كم عدد منصات الإنترنت الصناعي في بكين؟", "quantity"),
        ("What market share will domestic AI chips reach?", "share"),
        ("Welchen Marktanteil sollen heimische KI-Chips erreichen?", "share"),
        ("베이징의 인공지능 핵심 기업은 몇 개인가요?", "quantity"),
        ("When was Beijing's partnership program launched?", "date"),
        ("苹果Vision Pro什么时候在中国上市？", "date"),
        ("Wann wird die fünfte Charge veröffentlicht?", "date"),
        # The year something is to happen by.
        ("By what year should Beijing's core AI industry reach 300 billion yuan?", "date"),
        ("К какому году ядро ИИ-индустрии Пекина должно достичь 300 млрд юаней?", "date"),
        ("¿Para qué año quiere Pekín alcanzar los 300.000 millones?", "date"),
        # Who holds a post: a person, not an organisation, answers.
        ("Qui dirige IDG Capital ?", "head"),
        ("Wer ist der Chef von Alibaba Cloud?", "head"),
        ("Кто руководит Пекинским центром больших данных?", "head"),
        ("Who is Kong Rongdu?", "person"),
        # A day asked, not a month nor a year ("À quelle date…" often asks a month).
        ("Quel jour exactement Huang Zhaoying a-t-il parlé à The Paper ?", "day"),
        ("An welchem Tag genau wurde der Plan veröffentlicht?", "day"),
        ("伙伴计划是哪一天启动的？", "day"),
        ("Какого именно числа был опубликован план?", "day"),
        ("A que data se referem os números do Livro Branco?", "date"),
        ("¿Quién es el alcalde de Shanghái?", "head"),
        ("中国科学技術情報研究所の所長は誰ですか？", "person"),
        ("من المسؤول الذي أطلق برنامج الشراكة؟", "head"),  # "the official who…"
        # A price or a sum of money is an amount in a currency; things counted or a share are a
        # number, whatever money words come with them; "what date" asks a date.
        ("E a quale prezzo?", "money"),
        # A budget is a sum whichever word asks for it.
        ("Quel budget Pékin consacre-t-il aux « Plusieurs mesures » ?", "money"),
        ("Какой бюджет Пекин выделил на реализацию «Нескольких мер»?", "money"),
        ("ما حجم الميزانية التي رصدتها شنغهاي لخطة الميتافيرس؟", "money"),
        ("上海元宇宙行动方案的预算是多少？", "money"),
        ("А какой объём финансирования на них выделен?", "money"),
        ("Quel montant Pékin a-t-il alloué au programme ?", "money"),
        # "Amount" is a quantity of anything: the article's "total amount of digital technology".
        ("What is the total amount of digital technology in Beijing?", None),
        ("Apple Vision Pro的价格是多少？", "money"),
        ("¿Cuánto dinero invirtió Shanghái en el ámbito digital en 2021?", "money"),
        ("《若干措施》准备拿出多少资金来建设公共服务平台？", "money"),
        ("投資パートナー8社は合計でいくら出資することになっていますか？", "money"),
        ("How many investment partners does the program have?", "quantity"),
        ("パートナー計画の第1陣に投資パートナーは何社含まれていますか？", "quantity"),
        # A share is a percentage; a place in a share's ranking is not.
        ("By what percentage will the plan cut the cost of scenes?", "share"),
        ("What proportion of Beijing's patent applications concern digital technology?", "share"),
        ("上海数字专利占比多少？", "share"),
        ("Quel pourcentage de matériel domestique Pékin vise-t-il ?", "share"),
        ("Che quota di mercato ha Meta nel metaverso?", "share"),
        ("上海のディスプレイ技術は世界市場でどのくらいのシェアを持っていますか？", "share"),
        ("ما حجم صناعة الميتافيرس الذي تستهدفه شنغهاي؟", "quantity"),
        # A place in a ranking is not a figure ("몇 위", what place; not "première classe").
        ("그럼 디지털 비중 순위에서 베이징은 몇 위예요?", None),
        ("上海は何位？", None),
        ("Combien d'universités de première classe y a-t-il à Shanghai ?", "quantity"),
        ("¿Y en qué fecha exacta se publicó?", "day"),
        ("An welchem Datum wurde der Plan veröffentlicht?", "date"),
        ("Quel jour exactement a-t-il donné son interview ?", "day"),
        # Arabic writes "and" onto the question word.
        ("وكم عدد الأعضاء في الدفعة الأولى؟", "quantity"),
        ("ومتى أُطلق البرنامج؟", "date"),
        ("ومن هو كونغ رونغ دو؟", "person"),
        # Which of the two cities, not a person.
        ("Pékin ou Shanghai : qui a le plus d'entreprises émergentes ?", None),
        # "ce qui" is "what": a summary request asks no one.
        ("Résume ce qui est dit des licornes.", None),
        ("Qu'est-ce qui distingue Pékin ?", None),
        ("C'est qui, Huang Zhaoying ?", "person"),
        # Whose figure it is, not a person; a year is no figure.
        ("Qui compte 813 000 entreprises ?", None),
        ("谁拥有34所一流大学？", None),
        ("Who signed the plan in 2023?", "person"),
        # Who wrote, published or issued something: an organisation answers too; an official
        # holds a post.
        ("Who publishes the Digital Economy Development Index Report (2022)?", "organisation"),
        ("Кто подготовил сводку промышленной политики Китая?", "organisation"),
        ("¿Quién publicó el informe sobre el mapa de los grandes modelos?", "organisation"),
        ("谁发布了《中国人工智能大模型地图研究报告》？", "organisation"),
        ("من المسؤول الذي صاغ الشعار؟", "head"),
        # Which person of a kind: a person answers; what the analyst said asks no one.
        ("Which reporter interviewed Huang Zhaoying?", "person"),
        ("哪位分析师评论了上海的政策？", "person"),
        ("What did the analyst say?", None),
        # "pubblico" is "public", no publishing.
        ("Chi gestirà la piattaforma di servizio pubblico?", "person"),
        # Korean "who" as a subject ("누가"), not only as a predicate ("누구인가요").
        ("누가 황자오잉을 인터뷰했나요?", "person"),
        # A place in a ranking, not a person.
        ("E quem vem logo atrás dela nesse ranking?", None),
        # Which company, institution or maker: an organisation, in every script.
        ("Which institute put out the report on large AI models?", "organisation"),
        ("Quale azienda svilupperà il sistema di contenuti immersivi?", "organisation"),
        ("Какая компания разработала Haidian City Brain?", "organisation"),
        ("ما أسماء الشركات المصنعة التي انضمت إلى مسار الميتافيرس؟", "organisation"),
        ("北京的通用视觉大模型是由哪家机构牵头研发的？", "organisation"),
        # "من" before "الجهة" asks which body, not who.
        ("أي جهة أصدرت هذا التقرير؟", "organisation"),
        ("ومن الجهة التي أطلقت البرنامج؟", "organisation"),
        # "من" before other words is "of": "more of the companies" asks which city.
        ("أي المدينتين لديها عدد أكبر من الشركات الناشئة؟", None),
        # The value of an index is a figure.
        ("What was the value of the digital economy index in 2021?", "quantity"),
        ("ما قيمة المؤشر في عام 2021؟", "quantity"),
        ("Quelle était la valeur de l'indice en 2021 ?", "quantity"),
        ("¿Qué valor alcanzó el índice en 2022?", "quantity"),
        ("どの企業が開発を担当しますか？", "organisation"),
        ("어느 기업이 참여하나요?", "organisation"),
        ("Which city is ahead?", None),
        ("Why has the metaverse been criticised?", None),
        ("Quels sont les deux axes du plan de Shanghai ?", None),
        # A quoted title's words ask nothing ("몇 가지 조치": "Several Measures"); "l'article" is
        # no quote.
        ("베이징 '몇 가지 조치' 21개 조치 핵심만 요약해줘", None),
        ("베이징 '몇 가지 조치'는 몇 개의 조치를 담고 있나요?", "quantity"),
        ("Combien d'entreprises l'article cite-t-il ?", "quantity"),
        # What something means: a definition, no figure, even of a ratio.
        ("기사에서 말하는 '디지털 비중'은 어떤 비율을 뜻하나요?", None),
        ("What does the digital share mean?", None),
        ("Que signifie la part du numérique ?", None),
        # "何ポイント": how many points.
        ("上海の比率は全国平均より何ポイント高いですか？", "quantity"),
        # A size asked is a figure; "when it comes to" asks no date.
        ("What size is Beijing aiming for with its core AI industry?", "quantity"),
        ("Какого масштаба должна достичь базовая индустрия ИИ Пекина?", "quantity"),
        ("2022年時点で北京のAIコア産業の規模は何億元に達していますか？", "quantity"),
        ("How does Beijing do when it comes to AI papers published?", None),
        ("E isso corresponde a que parcela do total dessas 50 cidades?", "share"),
        ("Какую долю составляют цифровые патенты в Пекине?", "share"),
        ("深圳の1人当たり特許出願件数（具体的な数値）は？", "quantity"),
        # A month asked: a year does not give it.
        ("في أي شهر نشرت شنغهاي خطة العمل؟", "month"),
        ("En quel mois Pékin a-t-il publié son plan ?", "month"),
        ("上海是几月发布的计划？", "month"),
        ("상하이는 몇 월에 계획을 발표했나요?", "month"),
        # A GDP asked is a sum; not its rank, nor its share, nor the ranking it orders.
        ("Quel est le PIB de Pékin ?", "money"),
        ("Wie hoch war das Bruttoinlandsprodukt von Shanghai im Jahr 2021?", "money"),
        ("2021年の上海のGDPはいくらでしたか？", "money"),
        ("北京のGDPは全国で何位ですか？", None),
        ("¿Qué porcentaje del PIB de Shanghái representa la economía digital?", "share"),
        ("2021年GDP前50城市的数字技术总量排名中，上海排在第几位？", None),
        # Which company, however many words come between, or asked with "where".
        ("Какие именно шанхайские компании будут разрабатывать дисплеи?", "organisation"),
        ("상하이에서 칩을 개발하는 기업은 어디인가요?", "organisation"),
        ("近眼ディスプレイを開発する企業はどこですか？", "organisation"),
        # A growth rate is a percentage; "몇 퍼센트", a share.
        ("Quale tasso di crescita annuo punta a raggiungere l'industria del metaverso?", "share"),
        ("北京人工智能核心产业的增速是多少？", "share"),
        ("상하이 AI 핵심기업 수는 전국 전체에서 몇 퍼센트를 차지하나요?", "share"),
        ("Quelle part des brevets de Pékin est numérique ?", "share"),
        # "몇 년까지" asks by what year; the group "behind" a report ranks nothing.
        ("상하이는 몇 년까지 디지털 수도를 건설하나요?", "date"),
        ("Who heads the think tank behind the index report?", "head"),
        ("Which official presented Beijing's plan?", "head"),
        # "when" before a gerund asks no date.
        ("Which five digital technologies were counted when comparing cities?", None),
        # A share asked as "qué cuota … en porcentaje" or "百分之几"; a researcher who wrote a
        # report is a person, though a body published it.
        ("¿Qué cuota de mercado, en porcentaje, deben alcanzar los chips?", "share"),
        ("上海的人工智能核心企业占全国总数的百分之几？", "share"),
        ("その報告書を執筆した研究者は誰ですか？", "person"),
        # A count of items in Japanese; which city in a ranking by GDP asks a place, no sum.
        ("杭州市が発表した支援措置は何項目ありますか？", "quantity"),
        ("Quelle ville arrive deuxième derrière Shanghai dans le top 50 du PIB ?", None),
        ("Quel PIB minimum fallait-il pour entrer dans le top 50 ?", "money"),
        ("Who published the digital economy report?", "organisation"),
        # "Quale ente", "qué entidad": a body asked. A rank held, however its ranking measures.
        ("Quale ente ha redatto il Libro bianco 2022?", "organisation"),
        ("¿Qué entidad publicó el informe?", "organisation"),
        ("디지털 특허 비중 순위에서 상하이 다음 2위는 어디임?", None),
        # "когда" after a comma, in a question another word opens, opens a clause: no date.
        ("Какие пять технологий брались в расчёт, когда сравнивали патентные заявки?", None),
        ("Et pour Shanghai, quand le plan a-t-il été publié ?", "date"),
        # Which official: a person, though a day is named ("el 30 de mayo" is no figure).
        ("¿Qué funcionario presentó las 'Varias Medidas' el 30 de mayo?", "person"),
        ("어느 공무원이 계획을 발표했나요?", "person"),
    ],
)
def test_the_kind_of_answer_a_question_expects(question: str, kind: str | None) -> None:
    assert expected(question) == kind


def test_the_two_cities_are_found_in_every_script() -> None:
    assert places("Et Pékin ?") == {"beijing"}
    assert places("상하이는요?") == {"shanghai"}
    assert places("ما الفرق بين بكين وشنغهاي؟") == {"beijing", "shanghai"}
    assert places("What about Hangzhou?") == set()
    # Chinese short names: "沪" is Shanghai, "京沪" the two ("京沪两地").
    assert places("京沪在芯片和集成电路方面各有什么布局？") == {"beijing", "shanghai"}
    assert places("沪上的元宇宙政策有哪些？") == {"shanghai"}


def test_a_sentence_states_a_figure_a_date_or_a_name() -> None:
    assert states("En 2021, Shanghai compte 37 000 entreprises.", "fr", "quantity")
    assert states("北京占38个，居全国第一。", "zh", "quantity")
    assert not states("Shanghai a fourni un soutien politique complet.", "fr", "quantity")
    # A heading's own number, or a chart's, is not a figure the line states.
    heading = "1. Le nombre d'entreprises de logiciels : la plus grande à Shanghai"
    assert not states(heading, "fr", "quantity")
    assert not states("二、上海明确两大方向", "zh", "quantity")
    assert not states("Figure 1 : Indice de 2013-2021 (10 000)", "fr", "quantity")
    assert states("1. Pékin compte 596 entreprises", "fr", "quantity")
    # A year dates a count and a code names something: neither is a count.
    assert not states("Nous avons calculé la proportion dans les villes du TOP50 en 2021.", "fr",
                      "quantity")  # fmt: skip
    assert not states("计划明确了沉浸式技术和Web3技术两大方向（2023—2025年）。", "zh", "quantity")
    # A count in characters is one; "one of", an ordinal or a word holding a numeral is none.
    assert states("上海出台了三项政策。", "zh", "quantity")
    assert states("北京拥有人才四万余人。", "zh", "quantity")
    assert not states("作为最早出台元宇宙支持政策的地区之一，上海动作不断。", "zh", "quantity")
    assert not states("最も早く打ち出した地域の一つとして、上海は動いた。", "ja", "quantity")
    assert not states("北京拥有一流大学，并进一步细化了政策。", "zh", "quantity")
    # A title's years name what it covers, not when it came out.
    assert not states("上海发布《元宇宙关键技术攻关行动方案（2023-2025年）》。", "zh", "date")
    assert states("上海于2023年6月发布《行动方案》。", "zh", "date")
    # A lone "一" with a counter is "a" ("一批", "一个城市"); with a scale or numerals, a count.
    assert not states("方案提出了一批关键技术，反映一个城市的后劲。", "zh", "quantity")
    assert states("上海有二十一家企业。", "zh", "quantity")
    assert states("人才一万余人。", "zh", "quantity")
    assert states("北京位居第三，较上年上升一位。", "zh", "quantity")
    assert states("北京は前年から順位を一つ上げた。", "ja", "quantity")
    assert states("En 2021, Pékin compte 683k entreprises.", "fr", "quantity")
    assert states("· Le 19 mai, le programme a été lancé ;", "fr", "date")
    assert states("5月19日，《伙伴计划》启动；", "zh", "date")
    assert not states("Der Bericht erfasst die Zahl der kleinen Riesen.", "de", "date")
    # A day: its number beside a month; "fin mai" gives a month only.
    assert states("· Le 19 mai, le programme a été lancé ;", "fr", "day")
    assert states("On May 30, the plan was released.", "en", "day")
    assert states("5월 19일, 계획이 시작됐다.", "ko", "day")
    assert not states("Fin mai, Huang Zhaoying a déclaré à The Paper…", "fr", "day")
    assert not states("截至2023年3月底，全国共发布约114条政策。", "zh", "day")
    said = "Huang Zhaoying, global vice president of HTC, said in an interview."
    assert states("黄昭颖表示……", "zh", "person", english=said)
    # Capitalised titles are not people: "Research Report", "Zero One".
    title = 'According to the "Research Report on the Map" by Zero One Think Tank.'
    assert not states("根据报告……", "zh", "person", english=title)
    # A quoted title is no one ("上海市长是谁？" cited the plan's title); an organisation is.
    plan = 'The plan (the "Tackling Key Technology Action Plan") released by Shanghai.'
    assert not states("上海此次发布的《攻关行动方案》……", "zh", "person", english=plan)
    partners = "Partners include Alibaba Cloud Computing Co., Ltd."
    assert states("包括阿里云计算有限公司……", "zh", "person", english=partners)
    # Money: a figure with its currency, not a sentence on investment, nor the metaverse (元宇宙).
    assert states("L'industrie atteindra 300 milliards de yuans.", "fr", "money")
    assert states("人工智能核心产业规模将达到3000亿元。", "zh", "money")
    assert not states("La recherche des 10 premières sociétés continue d'augmenter.", "fr", "money")
    assert not states("上海发布了16项元宇宙政策。", "zh", "money")
    # A currency without its figure is no sum: "Smart Yuan" is a fund's name.
    fund = "8 investment partners such as Beijing Smart Yuan Venture Capital Fund Management Co."
    assert not states(fund, "en", "money")
    # A share: a percentage, not a count.
    assert states("Shanghai compte 37 000 entreprises, soit 38 % des 50 villes.", "fr", "share")
    assert states("其中，上海数字专利占比高达11.3%。", "zh", "share")
    assert not states("Pékin compte 1 048 entreprises centrales.", "fr", "share")
    # An organisation: a run of capitalised words, a word written like a name, an acronym,
    # read in the English edition; not a sentence on the plan it should serve.
    report = "released by the Institute of Scientific and Technical Information of China"
    assert states("中国科学技术信息研究所发布……", "zh", "organisation", english=report)
    assert states("Les partenaires incluent Baidu.com.", "fr", "organisation")
    assert states("Huang Zhaoying, vice-président de HTC, a déclaré…", "fr", "organisation")
    assert not states(
        "……构建沉浸式内容生成系统。", "zh", "organisation",
        english="By 2025, Shanghai will build an immersive content generation system.",
    )  # fmt: skip
    assert not states("Pékin mettra à profit les ressources de chaque district.", "fr",
                      "organisation")  # fmt: skip
    # Who holds a post: a person's name, not an organisation's, nor one naming a city.
    assert states("黄昭颖表示……", "zh", "head", english=said)
    listed = ("Partners include Alibaba Cloud Computing Co., Ltd., the Beijing Super Cloud "
              "Computing Center and Beijing Baidu.com Technology Co., Ltd.")  # fmt: skip
    assert not states("包括阿里云计算有限公司……", "zh", "head", english=listed)
    # A month: a day's month, or a Chinese one; not a year.
    assert states("Le 30 mai, le plan a été publié.", "fr", "month")
    assert states("5月30日，《若干措施》发布。", "zh", "month")
    assert not states("En 2023, Shanghai a publié son plan.", "fr", "month")
    # A date's first words name no organisation ("On May 30, the …").
    released = '· On May 30, the "Implementation Plan" was released.'
    assert not states("5月30日，《实施方案》发布。", "zh", "organisation", english=released)
    # Scripts without capitals and no English edition: cannot tell, so it states.
    assert states("그는 말했다.", "ko", "person")


@pytest.mark.parametrize(
    ("question", "says"),
    [
        ("¿Quién es el alcalde de Shanghái?", "El artículo no dice quién."),
        ("上海市长是谁？", "文章没有说是谁。"),  # the closest sentence quotes a plan's title
        # Once "may not answer exactly" and the partner list, which names no one.
        ("Wer ist der Chef von Alibaba Cloud?", "Der Artikel sagt nicht, wer."),
        # Once his own interview: the one asked is the journalist.
        ("Who interviewed Huang Zhaoying for The Paper?", "The article does not say who."),
        (
            "Which company leads Shanghai's integrated circuit industry?",
            "The article does not say which organisation.",
        ),
        # "Metaverse", capitalised inside the plan's title, names no organisation: the article
        # writes "metaverse" too.
        (
            "Which companies take part in Shanghai's metaverse key technology plan?",
            "The article does not say which organisation.",
        ),
        # Its five first cities are 2021's (the report's title says 2022: no year of a figure).
        (
            "¿Qué ciudad fue segunda en número de empresas emergentes digitales en 2022?",
            "El artículo no lo da para 2022.",
        ),
        # A budget is a sum in a currency: a plan's title gives none.
        (
            "Quel budget Shanghai consacre-t-il à son plan d'action sur le métavers ?",
            "L'article ne donne pas ce chiffre pour Shanghai.",
        ),
        # It says "at the end of May": no day.
        (
            "On which day exactly did Huang Zhaoying give his interview to The Paper?",
            "The article does not give this date.",
        ),
        # The goal's figure is 2025's: its lead-in, in the passage before, says "by 2025".
        (
            "Wie groß war Pekings KI-Kernindustrie im Jahr 2022 tatsächlich, in Yuan?",
            "Der Artikel nennt das für 2022 nicht.",
        ),
        # A GDP is a sum: the ranking of cities by GDP gives none.
        ("Quel est le PIB de Pékin ?", "L'article ne donne pas ce chiffre pour Pékin."),
        # A month: "cette année", the plan's years, give none.
        (
            "In which month did Shanghai publish its Metaverse key technology action plan?",
            "The article does not give this date.",
        ),
        (
            "北京市内でAI企業が最も集中している区はどこですか？",
            "記事にはどの区なのか書かれていません。",
        ),
        # Its growth rates are 2013 to 2021's, and the software firms'.
        (
            "Quale tasso di crescita annuo punta a raggiungere l'industria del metaverso di "
            "Shanghai entro il 2025?",
            "L'articolo non lo riporta per il 2025.",
        ),
        # By what year asked, and the sentence gives 2013 to 2021's growth.
        (
            "¿Para qué año quiere Shanghái ser una capital digital internacional?",
            "El artículo no da esta fecha.",
        ),
        # Which regions asked, and the sentence names Shanghai alone.
        (
            "Apart from Shanghai, which other regions issued metaverse support policies early?",
            "The article does not say.",
        ),
        # A day asked, and the sentence found states none (its title's years are no date):
        # once answered "may not answer exactly" at odds above the threshold.
        ("上海元宇宙关键技术攻关行动方案具体是哪天发布的？", "文章没有给出这个日期。"),
        # A researcher asked, and the sentence names only the think tank: once answered with
        # the reference naming the report and the think tank.
        (
            "Which researcher wrote Zero One Think Tank's digital economy index report?",
            "The article does not say who.",
        ),
        (
            "How many emerging digital technology companies did Shanghai have in 2022?",
            # It gives Shanghai's figure for 2021: no city's figure is missing, the year's is.
            "The article does not give this for 2022.",
        ),
    ],
)
def test_a_near_miss_refusal_says_what_is_not_there(engine, question: str, says: str) -> None:
    answer = engine.ask(question)
    assert not answer.answered and answer.kind == "not_found"
    assert answer.answer == says
    # The nearest passages are offered, labelled as not an answer by the kind.
    assert answer.citations


def test_a_summary_request_naming_prices_asks_no_quantity() -> None:
    from bot.asked import asks_quantity

    # The chat's classifier reads asks_quantity: this stays a request about a subject.
    assert not asks_quantity("Resúmeme lo que dice sobre el precio de la vivienda en Pekín")


@pytest.mark.parametrize(
    ("question", "asks"),
    [
        ("What are the top five cities for digital technology density?", True),
        ("じゃあ2位は？", True),
        ("그럼 3위는 어디예요?", True),
        ("排第三的是哪个城市？", True),
        ("E quem vem logo atrás dela nesse ranking?", True),
        # A city's own place: a heading ranking it may answer, not only a list.
        ("¿Qué puesto ocupa Shanghái en densidad de tecnología digital?", False),
        # The noun alone says what the question is about, not that it asks a place in it.
        ("Какие партии «маленьких гигантов» учитывались в рейтинге?", False),
        ("How many core AI companies does Beijing have?", False),
        # A few cities asked for: the ranking's first places; not the article's sample of 50.
        ("¿Cuáles son las cinco ciudades con más empresas de software?", True),
        ("数字技术密度前四个城市是哪些？", True),
        ("Que parcela do total dessas 50 cidades está em Xangai?", False),
        # Portuguese "segundo" before an article is "according to", no second place.
        ("Segundo as Várias medidas, o que é um motor-chave da indústria de IA?", False),
        ("Qual cidade ficou em segundo lugar?", True),
        # The city next to one it names: the ranking answers, though the question names a city.
        ("No ranking da proporção digital, qual cidade ficou logo atrás de Xangai?", True),
        ("Nella classifica, quale città viene subito dopo Shanghai?", True),
        ("디지털 특허 비중 순위에서 상하이 바로 다음 도시는 어디임?", True),
        ("After Shanghai, which region has issued the most metaverse policies?", False),
        # Ahead of a city named; a reason asked about a ranking is no ranking asked.
        ("no ranking de densidade de 2021, que cidade ficou na frente de pequim?", True),
        ("Welche Stadt liegt im Ranking der Dichte vor Shanghai?", True),
        ("pourquoi le classement des petites géantes s'arrête au 4e lot ?", False),
    ],
)
def test_a_question_asking_a_place_in_a_ranking(question: str, asks: bool) -> None:
    assert asks_ranking(question) is asks


def test_a_sentence_enumerating_names() -> None:
    assert enumerates(
        "Les 5 premières villes sont Shanghai, Pékin, Shenzhen, Guangzhou et Chengdu."
    )
    assert enumerates("结果显示，前10名城市依次为深圳、北京、上海、杭州、南京、广州。")
    # "和" before the last item: "上海、重庆、北京、天津和东莞"; not inside a phrase.
    assert enumerates("排名前5的城市为上海、重庆、北京、天津和东莞。")
    assert not enumerates("北京的数字技术总量和密度均领先上海。")
    # How the ranking was made, its long clauses between commas: no list.
    assert not enumerates(
        "Nous avons compté le nombre de demandes de brevet de technologie numérique par habitant "
        "dans les 50 premières villes du classement national du PIB en 2021, c'est-à-dire la "
        "densité de la technologie numérique."
    )


def test_how_many_is_answered_by_a_figure_not_by_a_numbered_heading(engine) -> None:  # noqa: ANN001
    # The heading "1. Le nombre d'entreprises de logiciels…" shares the question's words; the
    # sentence with the count says "sociétés".
    answer = engine.ask("Combien d'entreprises de logiciels à Shanghai ?")
    first = answer.citations[0]
    assert answer.answered and "813 000" in first.text[slice(*first.span)]


def test_a_place_in_a_ranking_is_answered_by_the_ranking(engine) -> None:  # noqa: ANN001
    # The sentence saying how the companies were counted is closer; the ranking answers.
    history = (
        Turn("user", "Which city had the most software and hardware companies in 2021?"),
        Turn("assistant", "Shanghai, with 813,000."),
    )
    answer = engine.ask("And which city is third?", history)
    assert answer.answered and "Shenzhen" in cited_sources(answer)


def test_the_city_next_to_one_named_is_read_in_the_ranking(engine) -> None:  # noqa: ANN001
    # The closer sentence says how the share was counted and names no city after Hangzhou; the
    # ranking does, and the refusal reads it: once refused, before that a comparison.
    answer = engine.ask(
        "En el ranking del peso de lo digital, ¿qué ciudad va justo después de Hangzhou?"
    )
    assert answer.kind == "answer" and "Kunming" in cited_sources(answer)


def test_the_ranking_after_how_it_was_made_answers(engine) -> None:  # noqa: ANN001
    # "We counted the digital technology patent applications per capita…" is closest; the next
    # sentence of its passage ranks the cities, further than other rankings' lists.
    answer = engine.ask("What are the top five cities for digital technology density?")
    assert answer.kind == "answer" and answer.answered
    first = answer.citations[0]
    assert "Shenzhen, Pékin, Shanghai, Hangzhou" in first.text[slice(*first.span)]


def test_a_ranking_in_the_next_best_passage_answers_before_a_figure_caption(engine) -> None:  # noqa: ANN001
    # The caption "Figure 2: TOP20 …" is closest and lists nothing; the ranking is in the
    # passage of the next best sentence ("We counted … in 50 large cities").
    answer = engine.ask(
        "En el ranking de 2021 de empresas de software y hardware informático, ¿qué ciudad "
        "cierra el top 5?"
    )
    first = answer.citations[0]
    assert answer.answered and "Guangzhou et Chengdu" in first.text[slice(*first.span)]


def test_of_the_rankings_near_the_best_the_one_headed_by_the_measure_answers(engine) -> None:  # noqa: ANN001
    # The list of the total quantity ("베이징, 선전, 항저우, 상하이…") was closer than the one
    # under "3. Part du numérique", the share the question ranks by.
    answer = engine.ask("디지털 비중 순위 상위 도시들을 알려 주세요.")
    first = answer.citations[0]
    assert "Shanghai, Nanjing, Pékin" in first.text[slice(*first.span)]
