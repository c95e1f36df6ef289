"""What a message asks, with the real embedder: clear cases, held-out quality, part targets."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import numpy as np
import pytest

from bot.about import names_subject, names_whole
from bot.config import Settings
from bot.embed import Embedder, make_embedder
from bot.evaluate import read_questions
from bot.intent import classify, names_a_pair
from bot.intent_examples import ACTS, KINDS, IntentExamples, embed_examples, read_examples
from bot.smalltalk import smalltalk_act
from bot.target import compares, names_part, summary_target

ROOT = Path(__file__).resolve().parent.parent
HELD_OUT = ROOT / "eval" / "intents.jsonl"
LANGUAGES = ("fr", "en", "zh", "es", "de", "ja", "ru", "ar", "it", "pt", "ko")
# The article's parts, titled in each edition as the index gives them.
PARTS = {
    "doc-part1": [
        '01, fortes explosions politiques, la construction de la "capitale de l\'IA" à Pékin '
        "est en cours",
        '01. Policies come thick and fast: Beijing\'s "AI capital" is under construction',
        "01、政策密集出台，北京“AI之都”建设进行中",
    ],
    "doc-part2": [
        "02, raffinement supplémentaire, Shanghai clarifie les deux directions principales du "
        "métaverse",
        "02. Further refinement: Shanghai clarifies the two main directions of the metaverse",
        "02、进一步细化，上海明确元宇宙两大主攻方向",
    ],
    "doc-part3": [
        "03, Pékin VS Shanghai : qui est le plus fort en termes de puissance numérique ?",
        "03. Beijing VS Shanghai: who is stronger in digital power?",
        "03、北京VS上海：谁的数字实力更强？",
    ],
}


@pytest.fixture(scope="module")
def embedder() -> Embedder:
    return make_embedder(Settings())


@pytest.fixture(scope="module")
def examples(embedder: Embedder) -> IntentExamples:
    return embed_examples(embedder)


def kind_of(text: str, embedder: Embedder, examples: IntentExamples) -> str:
    return classify(text, embedder.embed_query(text), examples)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Summarize the article", "summary"),
        ("Résume la partie sur Shanghai", "summary"),
        ("总结一下北京的措施", "summary"),
        ("Give me the gist", "summary"),
        ("TL;DR", "summary"),
        ("¿Puedes resumir el texto?", "summary"),
        ("Fasse bitte den Artikel kurz zusammen.", "summary"),
        ("Hello", "smalltalk"),
        ("Merci beaucoup !", "smalltalk"),
        ("你是谁？", "smalltalk"),
        ("What can you do?", "smalltalk"),
        ("help", "smalltalk"),
        ("Спасибо, до свидания!", "smalltalk"),
        ("こんにちは！", "smalltalk"),
        ("And Shanghai?", "question"),
        ("Combien ?", "question"),
        ("Why?", "question"),
        # Once a trap for "summary"; a request about a subject now (the points on computing power).
        ("What does the summary of the plan say about computing power?", "subject"),
        ("Hello, how many partners does Beijing's programme have?", "question"),
        ("Who is Huang Zhaoying?", "question"),
        ("上海有多少家数字技术企业？", "question"),
        ("كم عدد الشركات في بكين؟", "question"),
        # The place of one city in a ranking of many compares no pair.
        ("Quelle place occupe Shanghai parmi les villes du classement ?", "question"),
        ("北京在全球科技城市集群中排名第几？", "question"),
        # Which ones or a name asked directly is a question, wherever e5 puts it; pointing at the
        # text, "Cuál es…" asks its summary.
        ("《若干措施》主要围绕哪五个方面？", "question"),
        ("Wie heißt der Analyst, den der Artikel zitiert?", "question"),
        ("文章里说苹果新出的MR设备叫啥？", "question"),
        ("¿Cuál es la idea general del texto?", "summary"),
        # A count given asks those ones; a year or a code ("Web3") counts nothing.
        ("Dis-moi les 16 tâches clés du plan de Pékin", "question"),
        # The first place of a ranking asked, of all cities: no pair.
        ("Welche Stadt liegt bei den Patenten pro Kopf ganz vorne?", "question"),
    ],
)
def test_clear_cases(text: str, kind: str, embedder: Embedder, examples: IntentExamples) -> None:
    assert kind_of(text, embedder, examples) == kind


@pytest.mark.parametrize(
    "text",
    [
        # Greeting words, but a number or a name the article is about make them questions.
        "Hi! And in 2025?",
        "Hello Beijing",
        "Merci, et Pékin ?",
        # Any name in Latin script is what the message asks about.
        "Parle-moi de Shenzhen",
        "Háblame de Shenzhen",
        # Nor is a subject of the article.
        "Háblame del metaverso",
        # Twenty-five words are not small talk, however friendly.
        "Hello and thanks a lot for your help so far, it was great to chat with you and I "
        "really appreciate everything you have done for me today, goodbye",
    ],
)
def test_never_smalltalk(text: str, embedder: Embedder, examples: IntentExamples) -> None:
    assert kind_of(text, embedder, examples) != "smalltalk"


@pytest.mark.parametrize(
    "text",
    ["베이징 AI 정책 요약해줘", "상하이 메타버스 계획 요약해줘", "北京のAI政策を要約して"],
)
def test_a_summary_asked_with_a_verb_is_a_summary_request(
    text: str, embedder: Embedder, examples: IntentExamples
) -> None:
    # e5 alone put these among the questions: "요약해" and "要約して" say summarise.
    assert kind_of(text, embedder, examples) in ("summary", "subject")


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # e5 put these among the questions; they ask to compare the two cities in so many words.
        ("Regulação e segurança de conteúdo de IA: compare Pequim e Xangai", "comparison"),
        ("Quali documenti hanno pubblicato Pechino e Shanghai? Mettili a confronto", "comparison"),
        # A summary of the passage that compares them is a summary.
        ("Résume le passage qui compare Pékin et Shanghai.", "summary"),
    ],
)
def test_a_comparison_asked_in_so_many_words_is_a_comparison(
    text: str, kind: str, embedder: Embedder, examples: IntentExamples
) -> None:
    assert kind_of(text, embedder, examples) == kind


@pytest.mark.parametrize(
    "text",
    [
        "《若干措施》一共提出了几条具体措施？",  # once taken for a summary request
        "Combien de mesures résume le plan ?",
        "How many measures does the summary list?",
        "Сколько мер предлагает план в кратком изложении?",
        # One city asked, the other named in what the reader knows already.
        "上海には国産CPU関連企業が21社あるそうですが、北京には何社ありますか。",
        "Shanghai has 21 domestic CPU companies; how many does Beijing have?",
        # Pointing at the text, but asking where something is based.
        "この記事のデータを出している零壹智庫って、本部はどこの都市にあるんですか？",
        "In the article, where is Zero One Think Tank headquartered?",
        # Two cities, but not as a pair: one names the companies, the other the programme.
        "How many Shanghai companies are among the partners of the Beijing programme?",
        "Сколько шанхайских компаний вошло в первую группу партнёров пекинской программы?",
        # A reason asked is no comparison (once a side-by-side of the two cities' figures).
        "なんでソフトウェア・ハードウェア企業の数で都市のデジタル経済力を測るんですか？",
        "لماذا يعد عدد شركات البرمجيات والاجهزة مؤشرا على قدرة المدينة في الاقتصاد الرقمي؟",
    ],
)
def test_a_question_asking_one_fact_is_a_question(
    text: str, embedder: Embedder, examples: IntentExamples
) -> None:
    assert kind_of(text, embedder, examples) == "question"


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("How many AI companies do Beijing and Shanghai have?", True),
        ("北京和上海各有多少家软件企业？", True),
        ("베이징과 상하이의 기업 수는?", True),
        ("كم عدد الشركات في بكين وشنغهاي؟", True),
        ("Wie viele Hersteller gibt es in Peking und wie viele in Shanghai?", True),
        ("How many Shanghai companies are among the partners of the Beijing programme?", False),
    ],
)
def test_two_cities_named_as_a_pair(text: str, pair: bool) -> None:
    assert names_a_pair(text) is pair


def held_out() -> list[dict]:
    rows = read_examples(HELD_OUT)
    return rows + [
        {"kind": "question", "lang": q["lang"], "text": q["question"]}
        for q in read_questions(ROOT / "eval" / "questions.jsonl")
    ]


@pytest.fixture(scope="module")
def held_out_pairs(embedder: Embedder, examples: IntentExamples) -> Counter:
    """(kind meant, kind classified) counts over the held-out messages, classified once."""
    rows = held_out()
    vectors = embedder.embed_queries([r["text"] for r in rows])
    predicted = [classify(r["text"], v, examples) for r, v in zip(rows, vectors, strict=True)]
    return Counter((r["kind"], p) for r, p in zip(rows, predicted, strict=True))


def test_held_out_precision(held_out_pairs: Counter) -> None:
    pairs = held_out_pairs
    # Bounds of 2026-12-05, after 308 questions written blind joined eval/questions.jsonl:
    # summary precision 0.936 (0.944 on the 749 messages before them); 0.930 (106 of 114) after
    # the twelfth session's 220 (one of them, "بحسب كونغ رونغدو، ما الذي سيُكتب…؟", taken for one);
    # 0.914 (106 of 116) after the sixteenth's 104, two of them taken for one ("北京の
    # 「若干措施」は、どの5つの分野に焦点を当てているのでしょうか。"). Reading every
    # plain question e5 puts among summaries as a question mended both and lost 13 summary
    # requests: not kept.
    for kind, precision in (("summary", 0.91), ("smalltalk", 0.95)):
        said = sum(n for (_, p), n in pairs.items() if p == kind)
        meant = sum(n for (t, _), n in pairs.items() if t == kind)
        assert pairs[kind, kind] / said >= precision, (kind, pairs)
        # Precision alone is won by never answering "summary": recall must stay useful.
        assert pairs[kind, kind] / meant >= 0.75, (kind, pairs)
    # No question, from eval/questions.jsonl or tricky ones, is ever taken for small talk.
    assert pairs["question", "smalltalk"] == 0, pairs


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("What does the article say about Huang Zhaoying?", "subject"),
        ("Résume ce que dit l'article sur la puissance de calcul", "subject"),
        ("Compare Beijing and Shanghai on digital technology density", "comparison"),
        ("北京和上海谁的小巨人企业多？", "comparison"),
        ("¿Qué ciudad tiene más patentes digitales?", "comparison"),
        # Which cities hold places in a ranking: the ranking's sentence answers, not two columns.
        ("Which five cities have the most software and IT hardware companies?", "question"),
        ("¿Qué ciudad fue segunda en número de empresas emergentes?", "question"),
        ("数字技术密度排名前五的城市是哪些？", "question"),
        # One city against the others: a question about it, not the two side by side.
        ("上海的元宇宙政策比其他城市早吗？", "question"),
        ("Were Shanghai's metaverse policies introduced earlier than other cities'?", "question"),
        # Pointing at the text and asking no one fact: what the article says on a subject.
        ("Is HTC mentioned in the article at all?", "subject"),
        ("Il est question de Baidu dans l'article ?", "subject"),
        ("Упоминается ли в статье Baidu?", "subject"),
        ("文中提到的阿里云是怎么回事？", "subject"),
        ("기사에서 블록체인은 어떻게 나와?", "subject"),
        # Pointing at the text to ask which one: a question.
        ("Quale dispositivo di Apple cita l'articolo come primo visore MR?", "question"),
        ("Какое устройство Apple упоминается в статье как первое MR-устройство?", "question"),
        ("Which cities does the article name as the top three for digital density?", "question"),
        # "Tell me about" a subject: what the article says on it, not one sentence.
        ("Parlami del metaverso", "subject"),
        ("Riassumi cosa dice l'articolo sulle università", "subject"),
        ("Raconte-moi le métavers", "subject"),
        ("Расскажи о больших моделях", "subject"),
        # A subject named first, then asked about: what the article says on it; not a greeting
        # or thanks first, and not a figure asked.
        ("Digitale Industrialisierung – was steht dazu drin?", "subject"),
        ("Guangzhou: dove si piazza nelle classifiche?", "subject"),
        # What is said on a subject, without naming the article.
        ("cosa dice sui dati?", "subject"),
        ("Что сказано про Глобальный инновационный индекс?", "subject"),
        ("Who said AI is a core technology of the metaverse?", "question"),
        ("anything about Baidu?", "subject"),
        ("Y algo sobre el talento?", "subject"),
        ("Anything else?", "smalltalk"),
        ("Bonjour : quelle est la capitale de la France ?", "question"),
        ("Le programme de partenariat : combien de membres ?", "question"),
        # Whether the text mentions something: what it says there.
        ("Does the article mention Baidu?", "subject"),
        ("¿El artículo menciona a Alibaba?", "subject"),
        # What the whole is about: its summary, not the sentences nearest "article".
        ("What is the article about?", "summary"),
        ("Sur quoi porte l'article ?", "summary"),
        ("記事は何について書いていますか？", "summary"),
        ("What does the article say?", "summary"),
        ("Que dit l'article ?", "summary"),
        # Pointing at the text, but asking a figure or a reason: a question.
        ("How many unicorns does the article say Beijing will add?", "question"),
        ("Pourquoi l'article dit-il que le plan de Shanghai est plus concret ?", "question"),
        # e5 alone put these among the summary requests: a reply thanked, not a summary again.
        ("Thanks for the summary!", "smalltalk"),
        ("Danke für die Zusammenfassung!", "smalltalk"),
        ("Gracias por el resumen", "smalltalk"),
        ("Спасибо за резюме", "smalltalk"),
        ("요약 고마워요", "smalltalk"),
        ("谢谢你的总结", "smalltalk"),  # after 的, 总结 is the noun
        # A thanks that is a please, or followed by a request, is not small talk.
        ("Un riassunto, grazie.", "summary"),
        ("Merci ! Résume la partie sur Shanghai", "summary"),
        # A greeting first and "this article": the margin to small talk is thin, the text is named.
        ("Bonjour, de quoi parle cet article ?", "summary"),
        ("Hi, what is this article about?", "summary"),
        ("Hola, ¿de qué trata este artículo?", "summary"),
    ],
)
def test_the_issues_requests(
    text: str, kind: str, embedder: Embedder, examples: IntentExamples
) -> None:
    assert kind_of(text, embedder, examples) == kind


def test_held_out_subjects_and_comparisons(held_out_pairs: Counter) -> None:
    pairs = held_out_pairs
    for kind in ("subject", "comparison"):
        meant = sum(n for (t, _), n in pairs.items() if t == kind)
        assert meant >= 33 and pairs[kind, kind] / meant >= 0.8, (kind, pairs)
    # Questions taken for these get cited sentences on what they ask, not an answer: measured
    # (bench/intent_quality.py), bounded here so that it does not grow unseen. On the 1,057
    # messages of 2026-12-05: 23 taken for subject requests (49 before a plain question was
    # kept a question, bot.intent._asks_directly), 41 for comparisons ("Which city…?"). 27
    # since "Tell me about…" asks for a subject: "Que dit le résumé du plan sur la puissance de
    # calcul ?" and its Spanish and Korean twins, subject requests in test_clear_cases too; 28
    # since a subject named first asks what the article says on it ("Neben AIGC und räumlichem
    # Rechnen: In welcher Technik…?", still answered right through the chat); 33 since a message
    # asking what is said on a subject asks for it ("¿Qué dice el plan de Pekín sobre la
    # inversión…?", "那头部企业的研发投入方面，方案是怎么说的？"; "What does he say the bottom layer
    # of the metaverse is made of?" is a question taken for one). Comparisons 41 → 30 since a
    # ranking's places asked ("¿Qué ciudad fue segunda…?", "the five cities…") are questions.
    # The 40 questions on names written in the reader's script added one of each: 34 and 31 of
    # 1,097 ("En el título de la referencia que menciona a BATJ, ¿qué pretende construir
    # Shanghái?"; "Какой город возглавляет рейтинг … — Шеньчжень или Пекин?").
    # A figure asked of one city compares none: 30 since ("What share of the 50 cities' … is in
    # Shanghai?"). The 110 written blind on 2026-12-06 added one comparison, a yes-no question
    # on which city leads ("¿Supera Shanghái a Pekín en densidad de tecnología digital?"): 31.
    # The 107 of the eighth session added three of each: 37 and 34 ("what are the two main
    # attack directions in shanghai's metaverse tech plan", "Qual è la prima città per densità
    # di tecnologia digitale?"; five of the six still answered right through the chat: not "왜
    # 소프트웨어·하드웨어 기업 수를 도시 순위 기준으로 삼았나요?", a "why" taken for a comparison).
    # The 105 of the ninth session (dev) added two subject requests and five comparisons: 39 and
    # 39 ("¿Qué dispositivo de realidad mixta lanzó Apple este año según el texto?", "在《2021年
    # 全球创新指数报告》里，北京…排名第几？"; five of the seven still answered right through the
    # chat, not "上海には国産CPU関連企業が21社あるそうですが、北京には何社ありますか。").
    # The place of one city in a ranking compares none either: 36 since ("Quelle place occupe
    # Shanghai parmi les clusters mondiaux de villes technologiques du Global Innovation Index ?").
    # The 220 of the twelfth session added one subject request and seven comparisons, most of
    # them places in a ranking ("デジタル技術密度ランキングで、武漢の次に来る都市はどこ？"): 40 and
    # 43, then 38 since a count asked of two cities not named as a pair ("How many Shanghai
    # companies are among the Beijing programme's partners?") and the ordinals to the tenth.
    # The 109 of the fifteenth session added one subject request and three comparisons: 41 and
    # 41 ("ما هو جهاز الواقع المختلط الذي أطلقته أبل هذا العام بحسب المقال؟", answered right
    # through the chat; "¿Qué ciudad encabeza el ranking de densidad…?", "…北京は596社だけど上海は
    # 具体的に何社？", "¿Qué tecnologías … al comparar las solicitudes…?", not). Reading "ranking"
    # as a ranking asked (34) answered 4 dev and test questions wrongly and 1 rightly: not kept.
    # The 104 of the sixteenth session, scored before its changes, added six subject requests,
    # five comparisons and two summaries: 47, 46 and 7 ("oye, ¿qué aparato lanzó Apple este año
    # …?", "Qual è la città prima in classifica per densità…?", "北京の「若干措施」は、どの5つ
    # の分野に…？"). The 90 of the seventeenth session added two subject requests and three
    # comparisons: 49 and 49. The 107 of the eighteenth session, scored before its changes,
    # added six subject requests and four comparisons: 55 and 53 ("Qual foi o primeiro
    # dispositivo … que a Apple lançou este ano, segundo o texto?", "What's the name of the
    # public service platform Beijing says it will build…?", "Which five digital technologies
    # were the patent applications counted for when comparing cities?"). The 101 of the
    # nineteenth, scored before its changes, added five subject requests and three comparisons:
    # 60 and 56. A question asking which one ("Qual foi o primeiro dispositivo …, segundo o
    # texto?", "Какое устройство … Apple упоминается в статье?") asks it, wherever it points and
    # whatever is mentioned: 50; places in a ranking in the plural ("i primi tre posti"): 55
    # ("¿Por qué Pekín y Shenzhen le sacan tanta ventaja…?", "Quais tecnologias … na comparação
    # … entre as cidades?"). The 172 of the twenty-first session, and a reason asked compared
    # nothing ("なんでソフトウェア・ハードウェア企業の数で…測るんですか？"): 54 and 50, three "why"
    # questions once comparisons now subject requests, answered on their subject. The 39 hard
    # answerable ones written blind for dev then added three subject requests, two of them "why"
    # ("Segun el articulo, por que Pekin consigue atraer a los mejores talentos?"): 57 and 50.
    # The 155 of the twenty-second session added six subject requests and four comparisons: 63
    # and 54 ("기사에서 말하는 디지털 기술 밀도는 어떻게 계산한 건가요?", "¿Cómo están Pekín y
    # Shanghái en algunos segmentos, según el artículo?").
    assert pairs["question", "subject"] <= 63 and pairs["question", "comparison"] <= 54, pairs
    assert pairs["question", "summary"] <= 10, pairs


@pytest.mark.parametrize(
    ("text", "part"),
    [
        ("Résume la partie sur Shanghai", "doc-part2"),
        ("Summarize the Beijing section", "doc-part1"),
        ("总结一下北京的措施", "doc-part1"),
        ("Résume la comparaison Pékin / Shanghai", "doc-part3"),
        ("Give me a summary of Beijing VS Shanghai", "doc-part3"),
        ("对比部分讲了什么？", "doc-part3"),
        ("Summarize the metaverse part", "doc-part2"),
        ("Fasse Teil 2 zusammen", "doc-part2"),
        ("第三部分的要点", "doc-part3"),
        ("Riassumi la prima parte", "doc-part1"),
        ("Сделай выжимку раздела о Пекине", "doc-part1"),
        ("Кратко: что в части про Шанхай?", "doc-part2"),
        ("لخص القسم الخاص بشنغهاي", "doc-part2"),
        ("상하이 부분 요약해 줘", "doc-part2"),
        ("ペキンの部分をまとめて", "doc-part1"),
        ("Résume l'article", None),
        ("Sum it up in 3 sentences", None),
        ("Summarize the part about Tianjin", None),
        ("总结一下", None),
    ],
)
def test_summary_target(text: str, part: str | None) -> None:
    assert summary_target(text, PARTS) == part


def test_the_word_for_article_names_no_part() -> None:
    # "文章" (the article) holds "章" (chapter), "全部" (all) holds "部" (part): neither is one.
    assert names_subject("文章关于电动汽车说了些什么？")
    assert compares("文章里北京和上海谁的专利多？")
    assert not names_subject("第二章关于什么？") and names_part("北京についての章をまとめて")


@pytest.mark.parametrize(
    ("text", "may_compare"),
    [
        ("Compare Beijing and Shanghai", True),
        ("Which city has more digital patents?", True),
        ("Vergleiche Peking damit", True),  # a city and a comparison word
        ("京沪在芯片和集成电路方面各有什么布局？", True),  # "京沪": Beijing and Shanghai
        # A comparison word alone speaks of how the article compared ("도시별 … 비교에 사용된").
        ("도시별 특허 출원 비교에 사용된 다섯 가지 디지털 기술은 무엇인가요?", False),
        ("What was compared in the report?", False),
        # Cities named, but which of something else asked: which technologies, which ranking.
        ("Which five technologies were counted when comparing the cities?", False),
        ("In base a quale classifica sono state confrontate le città?", False),
        ("两座城市哪个专利更多？", True),
        # Italian "compare" before a preposition is "appears".
        ("Quale ente compare tra i partner di Pechino e Shanghai?", True),
        ("Quale ente compare tra i partner di Pechino?", False),
    ],
)
def test_a_comparison_names_a_city_or_asks_which_one(text: str, may_compare: bool) -> None:
    assert compares(text) is may_compare


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("What does it say about the economy?", True),
        ("文章关于电动汽车说了些什么？", True),
        ("計算能力について記事は何と言っている？", True),
        ("연산 능력에 대해 요약해줘", True),
        ("Xangai quer ser uma capital digital? O que o texto diz sobre isso?", True),
        ("Wird Baidu im Artikel erwähnt?", True),
        # The object of "about" is the article, a question word or nothing: the whole.
        ("What is this article about?", False),
        ("Можешь коротко рассказать, о чём текст?", False),
        ("هل يمكنك إعطائي نبذة مختصرة عن النص؟", False),
        ("기사는 무엇에 관한 거야?", False),
        ("文章关于什么？", False),
        # Asking what is mentioned names nothing mentioned.
        ("Was erwähnt der Artikel?", False),
    ],
)
def test_a_subject_is_what_about_names(text: str, subject: bool) -> None:
    assert names_subject(text) == subject
    assert names_whole(text) == (not subject and "erwähnt" not in text)


def test_summary_target_without_numbered_titles() -> None:
    parts = {"a": ["Pékin et l'IA"], "b": ["Shanghai"], "c": ["Références"]}
    assert summary_target("Summarize part 2", parts) is None
    assert summary_target("Summarize the part on Shanghai", parts) == "b"
    assert summary_target("Résume", {}) is None


def test_deterministic_and_saved_without_pickle(
    embedder: Embedder, examples: IntentExamples, tmp_path: Path
) -> None:
    vectors, rows = examples.to_arrays()
    some = tmp_path / "some.jsonl"
    some.write_text("".join(json.dumps(r) + "\n" for r in rows[::20]), encoding="utf-8")
    assert np.array_equal(embed_examples(embedder, some).vectors, vectors[::20])
    np.save(tmp_path / "intents.npy", vectors, allow_pickle=False)
    (tmp_path / "intents.json").write_text(json.dumps(rows, ensure_ascii=False), encoding="utf-8")
    loaded = IntentExamples.from_arrays(
        np.load(tmp_path / "intents.npy", allow_pickle=False),
        json.loads((tmp_path / "intents.json").read_text(encoding="utf-8")),
    )
    messages = ["Résume l'article", "Salut !", "Et Shanghai ?", "要約して", "Why?"]
    query_vectors = embedder.embed_queries(messages)
    for text, vector in zip(messages, query_vectors, strict=True):
        assert np.array_equal(examples.scores(vector), loaded.scores(vector))
        assert classify(text, vector, examples) == classify(text, vector, loaded)


def test_examples_cover_every_language_and_kind() -> None:
    counts = Counter((r["kind"], r["lang"]) for r in read_examples())
    for lang in LANGUAGES:
        assert counts["summary", lang] >= 15, lang
        assert counts["smalltalk", lang] >= 15, lang
        assert counts["question", lang] >= 15, lang
        assert counts["subject", lang] >= 8 and counts["comparison", lang] >= 8, lang


def test_held_out_is_not_copied_from_the_examples() -> None:
    squash = lambda text: "".join(ch for ch in text.casefold() if ch.isalnum())  # noqa: E731
    known = {squash(r["text"]) for r in read_examples()}
    copied = [r["text"] for r in held_out() if squash(r["text"]) in known]
    assert not copied


def test_held_out_set_size() -> None:
    counts = Counter((r["kind"], r["lang"]) for r in held_out())
    langs = {lang for _, lang in counts}
    assert len(langs) >= 8
    for lang in langs:
        assert counts["summary", lang] >= 10 and counts["smalltalk", lang] >= 10, lang
        assert counts["question", lang] >= 20, lang
    parts = Counter(r.get("part") for r in read_examples(HELD_OUT) if r["kind"] == "summary")
    assert all(parts[n] >= 5 for n in (1, 2, 3)), parts


def test_malformed_examples_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "intents.jsonl"
    path.write_text('{"kind": "summary", "text": "Résume"}\n{"kind": "chat"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"intents.jsonl:2"):
        read_examples(path)
    path.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"intents.jsonl:1 is not JSON"):
        read_examples(path)
    path.write_bytes('{"kind": "summary", "text": "Résume"}'.encode("latin-1"))
    with pytest.raises(ValueError, match=r"intents.jsonl is not UTF-8"):
        read_examples(path)


def test_examples_need_every_kind() -> None:
    vectors = np.eye(2, dtype=np.float32)
    with pytest.raises(ValueError, match="each of the kinds"):
        IntentExamples(vectors, ("summary", "question"), ("Résume", "Pourquoi ?"))
    assert set(KINDS) == {"summary", "subject", "comparison", "smalltalk", "question"}


def test_held_out_small_talk_acts(embedder: Embedder, examples: IntentExamples) -> None:
    # Greeting, thanks, farewell or "what can you do": the reply depends on it. Measured 109 of
    # 142 (bench/intent_quality.py); thanks, the commonest, must be right.
    talk = [r for r in read_examples(HELD_OUT) if r["kind"] == "smalltalk"]
    vectors = embedder.embed_queries([r["text"] for r in talk])
    got = [smalltalk_act(r["text"], v, examples) for r, v in zip(talk, vectors, strict=True)]
    right = sum(g == r["act"] for g, r in zip(got, talk, strict=True))
    assert right / len(talk) >= 0.7, right
    thanks = [g for g, r in zip(got, talk, strict=True) if r["act"] == "thanks"]
    assert thanks.count("thanks") / len(thanks) >= 0.85
    assert set(got) == set(ACTS)


def test_small_talk_examples_need_an_act(tmp_path: Path) -> None:
    path = tmp_path / "intents.jsonl"
    path.write_text('{"kind": "smalltalk", "text": "Merci"}\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"intents.jsonl:1 is small talk: give it an \"act\""):
        read_examples(path)


@pytest.mark.parametrize(
    ("message", "lang", "act"),
    [
        ("Merci", "fr", "thanks"),
        ("Thanks, that helps!", "en", "thanks"),
        ("谢谢", "zh", "thanks"),
        ("Gracias", "es", "thanks"),
        ("Tschüss!", "de", "farewell"),
        ("またね", "ja", "farewell"),
        ("Bonjour !", "fr", "greeting"),
        ("What can you do?", "en", "help"),
    ],
)
def test_small_talk_gets_a_reply_that_fits(engine, message: str, lang: str, act: str) -> None:
    from bot.phrases import phrase

    answer = engine.ask(message)
    assert answer.kind == "smalltalk" and answer.lang == lang and not answer.citations
    thanks, farewell = (phrase(a, lang).split("{")[0] for a in ("thanks", "farewell"))
    intro = phrase("smalltalk", lang).split("{")[0]
    expected = {"thanks": thanks, "farewell": farewell}.get(act, intro)
    assert answer.answer.startswith(expected), answer.answer
