"""Whose value a sentence gives (bot.binding): a figure, share, sum or date is bound to the
city, place or year its clause names; it answers only the question about that one, and the
refusal says whose it is."""

from __future__ import annotations

from bot.abstain import Decision, Terms
from bot.binding import bound, held_by, nationwide, other_year
from bot.fit import Fit, check, counts_only_cities, states_the_post
from bot.followup import Turn
from bot.refusal import refusal
from bot.stated import Reading


def test_a_figure_bound_to_the_other_city_or_year_does_not_answer() -> None:
    asked = "Combien d'universités de première classe y a-t-il à Shanghai ?"
    other = "Pékin en compte 34, loin devant le Jiangsu, Shanghai et d'autres provinces."
    assert not bound(asked, other, "fr")
    assert bound(asked, "Shanghai compte 64 universités de première classe.", "fr")
    # A figure in a clause that names no city still belongs to the sentence's subject.
    growth = ("Premièrement, de 2013 à 2021, le taux de croissance à Shanghai a dépassé de "
              "5,72 points l'indice national.")  # fmt: skip
    assert bound("De combien la croissance à Shanghai a-t-elle dépassé l'indice ?", growth, "fr")
    # A clause naming no city speaks of the one named before it.
    beijing = "北京拥有人工智能领域核心技术人才40000余人，占全国总数的60%。"
    assert not bound("上海有多少人工智能核心技术人才？", beijing, "zh")
    assert bound("北京有多少人工智能核心技术人才？", beijing, "zh")
    # Another year than the one asked.
    stated = "In 2021, Shanghai had 37,000 emerging digital technology enterprises."
    assert not bound("How many such companies did Shanghai have in 2022?", stated, "en")
    assert bound("How many such companies did Shanghai have in 2021?", stated, "en")
    # Nothing asked that can be bound: never refused here.
    assert bound("Why does Shanghai support the metaverse?", other, "fr")


def test_a_figure_for_the_whole_country_is_no_citys() -> None:
    asked = "Combien d'universités de première classe y a-t-il à Shanghai ?"
    source = ("Il existe 147 collèges et universités de première classe à travers le pays, et "
              "Pékin compte 34 collèges et universités de première classe, loin devant Jiangsu, "
              "Shanghai et d'autres provinces et villes.")  # fmt: skip
    assert not bound(asked, source, "fr")
    assert held_by(asked, source, "fr") == "beijing"  # the country is no other city
    assert not bound(
        "上海有多少所一流高校？", "全国共有147所一流高校，北京拥有34所，远超江苏、上海。", "zh"
    )
    # A year dates the country's figure; it is no figure of a city named nowhere.
    policies = ("As of the end of March 2023, 18 provincial-level units and 24 municipal-level "
                "units across the country had issued about 114 policies.")  # fmt: skip
    assert not bound("How many metaverse policies has Shanghai issued?", policies, "en")
    # Unless the question asks the country's figure too.
    both = "How many metaverse policies are there in China, and where does Shanghai stand?"
    assert bound(both, policies, "en")
    # The country as the whole of the city's share is no place asked beside it.
    talents = "北京拥有人工智能领域核心技术人才40000余人，占全国总数的60%。"
    assert not bound("上海有多少人工智能核心技术人才？占全国的比例是多少？", talents, "zh")
    ja = "全国には一流の大学が147校あり、北京はそのうち34校を擁し、上海などを引き離している。"
    assert not bound("全国の一流大学のうち、上海にはいくつありますか？", ja, "ja")
    # Where the country is where a city ranks, the figure after it is still the city's.
    leads = "北京人工智能企业总数保持全国领先，新增5至10家独角兽企业。"
    assert bound("北京希望新培育多少家独角兽企业？", leads, "zh")


def test_a_place_in_a_ranking_is_bound_to_its_city() -> None:
    beijing = ("Selon le 14e plan quinquennal de Pékin, le nombre de plates-formes Internet "
               "industrielles à Pékin se classe au premier rang du pays.")  # fmt: skip
    assert not bound("Quel rang occupe Shanghai pour les plates-formes Internet ?", beijing, "fr")
    assert bound("Quel rang occupe Pékin pour les plates-formes Internet ?", beijing, "fr")
    assert not bound("上海排第几？", "北京位居第三，比上年上升一位。", "zh")
    # A clause per city ranks each; a list of places ranks them all.
    assert bound("上海排名第几？", "北京排名第一，上海第二。", "zh")
    top = "The top 5 cities are Shanghai, Beijing, Shenzhen, Guangzhou and Chengdu."
    assert bound("Where does Beijing rank?", top, "en")
    # The country is where a city ranks, no second place asked; "the highest in the country",
    # in a clause naming no city, is the passage's city's first place.
    papers = "Il numero di articoli sull'intelligenza artificiale è il più alto del Paese."
    asked = "In che posizione si colloca Shanghai in Cina per numero di articoli sull'IA?"
    assert not bound(asked, papers, "it", about=frozenset({"beijing"}))
    assert bound(asked.replace("Shanghai", "Pechino"), papers, "it", about=frozenset({"beijing"}))
    # A place numbered as the editions number them ("n.º 1", "1º", "№ 1", "رقم 1").
    assert not bound("¿En qué puesto queda Shanghái?", "Peso de lo digital: Pekín, n.º 1", "es")
    assert not bound("Em que posição fica Xangai?", "Participação digital: Pequim em 1º", "pt")
    assert bound("Em que posição fica Pequim?", "Participação digital: Pequim em 1º", "pt")
    # No rank asked: a rank stated binds nothing.
    assert bound("Why does Shanghai support the metaverse?", beijing, "fr")


def test_whose_figure_the_sentence_gives_when_not_the_city_asked() -> None:
    giants = ('D\'après les données, Pékin compte 596 entreprises "petites géantes", et le '
              "nombre de Shanghai est juste derrière Pékin.")  # fmt: skip
    assert held_by("Combien d'entreprises petites géantes compte Shanghai ?", giants, "fr") == (
        "beijing"
    )
    assert held_by("Combien d'entreprises petites géantes compte Pékin ?", giants, "fr") is None
    # Another year is not another city: the refusal does not point at the other city then.
    stated = "In 2021, Shanghai had 37,000 such companies, and Beijing 25,000."
    assert held_by("How many such companies did Shanghai have in 2022?", stated, "en") is None
    # A clause naming no city could be anyone's: nothing is pointed at.
    whole = "Il existe 147 universités dans le pays, et Pékin en compte 34."
    assert held_by("Combien d'universités à Shanghai ?", whole, "fr") is None


def test_a_year_asked_is_bound_whatever_is_asked_and_a_titles_year_dates_no_figure() -> None:
    top = ("El «Informe del Índice de Desarrollo de la Economía Digital de China (2022)» muestra "
           "que, en 2021, las 5 primeras ciudades fueron Shanghái, Chongqing y Pekín.")  # fmt: skip
    assert not bound("¿Qué ciudad fue segunda en 2022?", top, "es")
    assert bound("¿Qué ciudad fue segunda en 2021?", top, "es")
    titled = "El «Informe (2022)» muestra las 5 primeras ciudades: Shanghái, Chongqing y Pekín."
    assert bound("¿Qué ciudad fue segunda en 2021?", titled, "es")
    # Neither a value nor a ranking asked: what a plan does by 2025 may be said beside a count.
    counted = "En octobre 2022, Pékin comptait 1 048 entreprises centrales."
    assert bound("What does Beijing plan for its AI core industry by 2025?", counted, "fr")
    # A size is a value: 2022's count is no size by 2025.
    assert not bound("How big will Beijing's AI core industry be by 2025?", counted, "fr")
    # A title the question names with a year is that edition ("Index 2022" and "Index 2021").
    ranked = "Selon le « Global Innovation Index 2021 », Pékin se classe au troisième rang."
    assert not bound("Beijing's rank in the Global Innovation Index 2022?", ranked, "fr")
    assert bound("Beijing's rank in the Global Innovation Index 2021?", ranked, "fr")
    # A year in brackets after the title's words is that edition, not the year of the ranking.
    assert bound("Según el informe del índice de economía digital (2022), ¿qué ciudad fue segunda?",
                 top, "es")  # fmt: skip
    # So is a year right after a word of the title: "rapport 2022" asks no figure of 2022.
    index = "Le « Rapport sur l'indice (2022) » montre que de 2013 à 2021, l'indice a atteint 5610."
    assert not other_year("Selon le rapport 2022, l'indice a atteint quoi en 2021 ?", index)
    assert other_year("Selon le rapport, l'indice a atteint quoi en 2022 ?", index)


def test_a_clause_naming_no_city_speaks_of_its_passages() -> None:
    papers = "Le nombre d'articles publiés se classe au premier rang dans le pays."
    beijing = frozenset({"beijing"})
    assert bound("Quel rang occupe Shanghai pour les articles ?", papers, "fr")  # anyone's
    assert not bound("Quel rang occupe Shanghai pour les articles ?", papers, "fr", about=beijing)
    assert bound("Quel rang occupe Pékin pour les articles ?", papers, "fr", about=beijing)
    policies = "Récemment, il a introduit 3 politiques."
    asked = "Combien de politiques Shanghai a-t-il introduites ?"
    assert held_by(asked, policies, "fr", about=beijing) == "beijing"
    # A clause naming a city speaks of that one, whatever its passage is about.
    assert bound(asked, "Shanghai a introduit 3 politiques.", "fr", about=beijing)


def test_a_rank_of_the_city_a_passage_is_about_is_not_the_others(engine) -> None:  # noqa: ANN001
    # "O número de artigos … ocupa o primeiro lugar no país" names no city; its passage is
    # Beijing's. It was given as Shanghai's place.
    answer = engine.ask(
        "Em que posição fica Xangai no número de artigos publicados sobre inteligência artificial?"
    )
    assert not answer.answered
    assert "Xangai" in answer.answer


def test_a_refusal_points_at_the_other_citys_figure(engine) -> None:  # noqa: ANN001
    answer = engine.ask("Combien d'entreprises « petites géantes » compte Shanghai ?")
    assert (answer.answered, answer.kind) == (False, "not_found")
    assert (
        answer.answer == "L'article ne donne pas ce chiffre pour Shanghai ; celui qu'il donne "
        "concerne Pékin [1]."
    )
    first = answer.citations[0]
    assert "596" in first.text[slice(*first.span)]  # [1] is Beijing's figure
    # Without a sentence cited first, the refusal does not point at one.
    decision = Decision(0.0, 0.5, {}, Terms(), True, Fit("quantity", places=("shanghai",),
                                                          held_by="beijing"))  # fmt: skip
    assert refusal(decision, "en") == "The article does not give this figure for Shanghai."
    assert refusal(decision, "en", first_cited=True) == (
        "The article does not give this figure for Shanghai; the one it gives is for Beijing [1]."
    )


def test_a_follow_up_gets_its_citys_own_figure_beside_the_other_ones(engine) -> None:  # noqa: ANN001
    # "And Beijing?" is searched with the question before, which names Shanghai: Shanghai's
    # 813,000 came first, and the binding refused it as if the article gave Shanghai's alone.
    first = "How many software companies does Shanghai have?"
    said = engine.ask(first)
    history = [Turn("user", first), Turn("assistant", said.answer)]
    answer = engine.ask("And Beijing?", history)
    assert answer.answered and "683,000" in answer.answer.split("[1]")[0]


def test_a_follow_up_asking_the_other_citys_rank_is_refused(engine) -> None:  # noqa: ANN001
    # Once answered with "Beijing ranks third among global clusters": the article ranks no
    # Shanghai there.
    first = "Where does Beijing rank among global science and technology clusters?"
    said = engine.ask(first)
    assert said.answered and "third" in said.answer
    answer = engine.ask("And Shanghai?", [Turn("user", first), Turn("assistant", said.answer)])
    assert answer.answer == "The article does not give Shanghai's place in this ranking."
    korean = engine.ask("상하이는 글로벌 과학기술 클러스터에서 몇 위인가요?")  # "세 번째로": third
    assert korean.answer == "기사에는 상하이의 이 순위가 나와 있지 않습니다."


def test_a_figure_of_one_of_the_two_cities_is_no_other_places(engine) -> None:  # noqa: ANN001
    # The corpus lists other places beside the two cities, in every edition ("Nanjing",
    # "난징", "Нанкин"): a figure bound to Shanghai is not Nanjing's.
    vocabulary = engine.index.vocabulary
    assert {"nanjing", "shenzhen"} <= vocabulary.places_listed("en")
    assert "난징" in vocabulary.places_listed("ko") and "지난" not in vocabulary.places_listed("ko")
    listed = vocabulary.places_listed("en")
    share = "Among them, digital patents accounted for as much as 11.3% in Shanghai."
    assert not bound("What share of Nanjing's patents are digital?", share, "en", listed)
    both = "Beijing and Shenzhen top the list with more than 10,000 applications each."
    assert bound("How many applications does Shenzhen have?", both, "en", listed)
    answer = engine.ask("난징의 디지털 특허 비중은 몇 %인가요?")
    assert not answer.answered


def test_an_answer_whose_value_is_another_citys_is_refused() -> None:
    # "上海呢？" after Beijing's 34 universities: the figure is bound to Beijing, so the answer
    # would give Beijing's figure as Shanghai's, however likely the model finds it; the model's
    # doubt alone leaves an answer said to be unsure.
    other = Fit("quantity", bound=False, places=("shanghai",), held_by="beijing")
    assert Decision(0.45, 0.2, {}, Terms(), True, other).abstains
    assert Decision(0.55, 0.2, {}, Terms(), True, other).abstains
    doubted = Decision(0.45, 0.2, {}, Terms(), True, Fit("quantity", places=("shanghai",)))
    assert not doubted.abstains and doubted.unsure
    # A model nobody calibrated reads one signal only (Abstainer.background_rule).
    assert not Decision(0.55, 0.5, {}, Terms(), False, other).abstains


def test_check_gathers_what_the_refusal_reads() -> None:
    reading = Reading("Pékin en compte 34, loin devant le Jiangsu, Shanghai.", "fr", "")
    how = check("Combien d'universités y a-t-il à Shanghai ?", reading)
    assert how.expected == "quantity" and how.stated and not how.bound
    assert how.places == ("shanghai",)


def test_a_nationwide_count_before_its_figures_is_the_countrys() -> None:
    asked = "Wie viele Metaverse-Förderpolitiken hatte Shanghai bis Ende März 2023 vorgelegt?"
    german = ("Bis Ende März 2023 hatten landesweit 18 Einheiten auf Provinzebene und 24 Einheiten "
              "auf kommunaler Ebene rund 114 Maßnahmen erlassen.")  # fmt: skip
    shanghai = frozenset({"shanghai"})  # the passage is about Shanghai
    assert not bound(asked, german, "de", about=shanghai)
    assert nationwide(asked, german, "de", shanghai)
    chinese = "截至2023年3月底，全国18个省级单位和24个市级单位共发布约114项政策。"
    assert not bound("上海发布了多少项元宇宙政策？", chinese, "zh", about=shanghai)
    # Not where the country is where a city ranks.
    assert bound("베이징의 기업은 몇 개인가요?", "베이징은 전국 1위로, 1,048개 기업이 있다.", "ko")
    # A country named in a title is not asked.
    titled = "据零一智库的《中国元宇宙产业政策汇编》，上海出台的元宇宙政策有多少条？"
    assert not bound(titled, chinese, "zh", about=shanghai)


def test_the_citys_share_after_the_countrys_total_answers(engine) -> None:  # noqa: ANN001
    answer = engine.ask(
        "How many metaverse support policies had Shanghai issued by the end of March 2023?"
    )
    assert answer.answered and "16" in answer.answer.split("[1]")[0]
    # In the French source, split in four there, however far down it ranks.
    french = engine.ask(
        "Selon le recensement de fin mars 2023, Shanghai a sorti combien de politiques metavers ?"
    )
    assert french.answered and "16" in french.answer.split("[1]")[0]
    # Of another year, the sentences after the country's total give no year's figure.
    another_year = engine.ask("How many metaverse support policies did Shanghai issue in 2022?")
    assert not another_year.answered


def test_a_range_of_years_asked_binds_both_its_ends() -> None:
    # "2022년에는요?" after "2013년부터 2021년까지 … 몇 건까지 늘었나요?" asks up to 2022.
    asked = "2013년부터 2022년까지 중국의 디지털 기술 특허 출원 건수는 몇 건까지 늘었나요?"
    stated = "2013년부터 2021년까지 디지털 기술 특허 출원 건수는 3만 건에서 20만 건으로 늘었다."
    assert not bound(asked, stated, "ko")
    assert bound(asked.replace("2022", "2021"), stated, "ko")


def test_a_count_of_the_cities_a_ranking_covers_answers_no_other_count() -> None:
    scope = Reading("我们统计了50个主要城市的软硬件企业数量并进行了排名。", "zh", "")
    assert counts_only_cities("深圳的软件和信息硬件企业数量具体是多少家？", scope)
    # How many cities, asked: the count answers; a figure of its own beside it answers too.
    assert not counts_only_cities("一共统计了多少个城市？", scope)
    counted = Reading("Shanghai compte 37 000 entreprises, environ 38 % des 50 villes.", "fr", "")
    assert not counts_only_cities("Combien d'entreprises émergentes compte Shanghai ?", counted)
    assert check("深圳的软件和信息硬件企业数量具体是多少家？", scope).stated is False


def test_a_list_of_places_ranks_only_those_it_names(engine) -> None:  # noqa: ANN001
    listed = engine.index.vocabulary.places_listed("zh")
    top5 = "2021年，50个主要城市中新兴数字技术企业数量排名前5的城市为上海、重庆、北京、天津和东莞。"
    assert bound("天津在新兴数字技术企业数量上排第几？", top5, "zh", listed)
    # Chengdu is not among the five: the list gives no rank of it.
    assert not bound("成都的新兴数字技术企业数量在50个城市里排第几？", top5, "zh", listed)
    assert engine.ask("成都的新兴数字技术企业数量在50个城市里排第几？").kind == "not_found"
    # The rank of a listed place is read off the list, not off the sentence ranking Beijing.
    answer = engine.ask(
        "Quel rang occupe Tianjin pour le nombre d'entreprises émergentes du numérique ?"
    )
    assert answer.kind == "answer"
    assert "Tianjin" in answer.answer


def test_a_places_share_is_no_part_asked_of_no_place() -> None:
    # "其中北京占38个" is Beijing's share of the 79 models, not how many of them are open source:
    # the sentence gives no part of the kind asked. Asked of a place, or of a kind the sentence
    # counts without naming a place, it answers.
    models = Reading(
        "中国已发布的参数规模在十亿以上的大模型至少有79个，其中北京占38个，居全国第一。", "zh", ""
    )
    fit = check("那79个参数超过十亿的大模型里，有几个是开源的？", models)
    assert fit.part and not fit.stated
    assert check("79个大模型中有多少个在北京？", models).stated
    universities = Reading(
        "There are 147 first-class universities across the country, and Beijing has 34 of them.",
        "en",
        "",
    )
    assert check("Of the 147 first-class universities, how many are private?", universities).part
    assert not check(
        "Of the 147 first-class universities, how many are in Beijing?", universities
    ).part
    partners = Reading(
        "The first group has 39 members, including 2 computing power partners.", "en", ""
    )
    assert check("How many of the 39 partners are computing power partners?", partners).stated


def test_who_holds_a_post_is_answered_by_that_post() -> None:
    analyst = "Kong Rongdu, Chefanalyst für globale Technologie bei TF Securities, sagte…"
    assert not states_the_post("Wer leitet TF Securities?", analyst)
    vice = "Huang Zhaoying, vicepresidente mundial de HTC, declaró…"
    assert not states_the_post("¿Quién es el consejero delegado de HTC?", vice)
    assert states_the_post("¿Quién es el vicepresidente mundial de HTC?", vice)
    assert states_the_post("HTC的全球副总裁是谁？", "HTC全球副总裁黄昭颖表示")
    # A deputy's post answers only a deputy asked.
    assert not states_the_post("HTC的总裁是谁？", "HTC全球副总裁黄昭颖表示")
    assert not states_the_post("Who is the president of HTC?", "Huang, vice president of HTC")
    assert states_the_post("Who is HTC's vice president?", "Huang, vice president of HTC")


def test_the_countrys_figure_a_part_is_asked_of_is_no_place_asked() -> None:
    # "147 … across the country" is the whole; the 34 are Beijing's, not Shanghai's.
    sentence = "全国共有147所一流高校，北京拥有34所，远超江苏、上海等其他省市。"
    assert not bound("中国147所一流大学中，上海有几所？", sentence, "zh")
    assert bound("中国147所一流大学中，北京有几所？", sentence, "zh")
    german = (
        "Landesweit gibt es 147 erstklassige Hochschulen, 34 davon in Peking, weit vor Shanghai."
    )
    assert not bound("Wie viele der landesweit 147 Universitäten liegen in Shanghai?", german, "de")


def test_a_sentence_naming_no_year_is_of_the_years_its_passage_names_before_it() -> None:
    talents = "Pékin compte plus de 40 000 talents techniques de base en IA."
    asked = "Combien de talents Pékin comptait-il en {} ?"
    assert other_year(asked.format(2020), talents, frozenset({"2022"}))
    assert not other_year(asked.format(2022), talents, frozenset({"2022"}))
    assert not other_year(asked.format(2020), talents)  # nothing dates it
    # The sentence's own year comes first.
    assert not other_year(asked.format(2021), "En 2021, Pékin comptait …", frozenset({"2022"}))


def test_a_value_is_bound_to_a_city_the_article_names_beside_the_two(engine) -> None:  # noqa: ANN001
    # "重庆" asked: Shanghai's and Beijing's counts are not Chongqing's.
    answer = engine.ask("2021年重庆有多少家新兴数字技术企业？")
    assert answer.kind == "not_found", answer.answer
    assert answer.decision is not None and not answer.decision.fit.bound


def test_which_place_asked_is_answered_by_a_sentence_naming_another() -> None:
    early = Reading(
        "As one of the first regions to issue support policies for the metaverse, Shanghai has "
        "made constant moves.",
        "en",
        "",
    )
    asked = "After Shanghai, which region issued the most metaverse policies?"
    assert not check(asked, early).stated
    top = Reading(
        "The top 5 cities are Shenzhen, Beijing, Shanghai, Hangzhou and Nanjing.", "en", ""
    )
    assert check("Apart from Beijing, which city is in the top five?", top).stated
    # Both cities named: which of the two, the sentence naming one answers.
    assert check("Which city issued policies first, Beijing or Shanghai?", early).stated


def test_a_rank_the_heading_states_is_quoted_first(engine) -> None:  # noqa: ANN001
    # The sentence says what the ranking measures; the heading over it ranks the city asked.
    answer = engine.ask("Where does Beijing rank on the digital share of patents?")
    assert answer.answered
    assert answer.answer.startswith("3. Digital share: No. 1 Shanghai, No. 3 Beijing [1]")


def test_a_heading_ranking_other_cities_is_not_quoted() -> None:
    method = Reading(
        "In addition to scale and density, let us look at the digital share.",
        "en",
        "",
        heading=(7, "3. Digital share: No. 1 Shanghai, No. 3 Beijing"),
    )
    assert check("Where does Beijing rank on the digital share?", method).ranked_by == (7, 0)
    assert check("Where does Tianjin rank on the digital share?", method).ranked_by is None
    # The sentence stating a rank answers itself.
    stated = Reading("Beijing ranks third.", "en", "", heading=method.heading)
    assert check("Where does Beijing rank on the digital share?", stated).ranked_by is None


def test_by_what_year_is_answered_by_a_year_things_are_to_happen_by() -> None:
    growth = Reading("Entre 2013 y 2021, el número de empresas de Shanghái creció.", "es", "")
    assert not check("¿Para qué año quiere Shanghái ser una capital digital?", growth).stated
    goal = Reading("Para 2025, Shanghái será una capital digital.", "es", "")
    assert check("¿Para qué año quiere Shanghái ser una capital digital?", goal).stated
    # A period's end: "(2023-2025)" says until when.
    period = Reading("Shanghais Aktionsplan (2023–2025) wurde veröffentlicht.", "de", "")
    assert check("Bis wann läuft Shanghais Aktionsplan?", period).stated
    assert not check("Bis wann läuft Shanghais Aktionsplan?", growth).stated
