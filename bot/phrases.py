"""The few sentences bot itself says, in the reader's language (answers quote the corpus as is)."""

from __future__ import annotations

from bot.attribute_phrases import ATTRIBUTE_MISSING
from bot.missing_phrases import MISSING

PHRASES: dict[str, dict[str, str]] = {
    "not_found": {
        "en": "The article does not say.",
        "fr": "L'article ne le dit pas.",
        "zh": "文章没有提到这一点。",
        "es": "El artículo no lo dice.",
        "de": "Das steht nicht im Artikel.",
        "ja": "記事には書かれていません。",
        "ru": "В статье об этом не говорится.",
        "ar": "المقال لا يذكر ذلك.",
        "it": "L'articolo non lo dice.",
        "pt": "O artigo não diz.",
        "ko": "기사에는 나와 있지 않습니다.",
    },
    # A refusal that names what the question asks about and the corpus never mentions;
    # {terms} is each term in the language's quotation marks, comma-separated.
    "not_mentioned": {
        "en": "The article does not mention {terms}.",
        "fr": "L'article ne mentionne pas {terms}.",
        "zh": "文章没有提到{terms}。",
        "es": "El artículo no menciona {terms}.",
        "de": "Der Artikel erwähnt {terms} nicht.",
        "ja": "記事には{terms}についての記述がありません。",
        "ru": "В статье не упоминается {terms}.",
        "ar": "المقال لا يذكر {terms}.",
        "it": "L'articolo non menziona {terms}.",
        "pt": "O artigo não menciona {terms}.",
        "ko": "기사에는 {terms}에 대한 언급이 없습니다.",
    },
    "quotes": {
        "en": "“{}”",
        "fr": "« {} »",
        "zh": "“{}”",
        "es": "«{}»",
        "de": "„{}“",
        "ja": "「{}」",
        "ru": "«{}»",
        "ar": "«{}»",
        "it": "«{}»",
        "pt": "«{}»",
        "ko": "‘{}’",
    },
    "nearest": {
        "en": "Closest passages, which do not answer the question:",
        "fr": "Passages les plus proches, qui ne répondent pas à la question :",
        "zh": "最接近的段落（并未回答该问题）：",
        "es": "Pasajes más cercanos, que no responden a la pregunta:",
        "de": "Nächstliegende Passagen, die die Frage nicht beantworten:",
        "ja": "最も近い段落（質問への答えではありません）：",
        "ru": "Ближайшие фрагменты, которые не отвечают на вопрос:",
        "ar": "أقرب المقاطع، وهي لا تجيب عن السؤال:",
        "it": "Passaggi più vicini, che non rispondono alla domanda:",
        "pt": "Passagens mais próximas, que não respondem à pergunta:",
        "ko": "가장 가까운 단락(질문에 대한 답은 아님):",
    },
    "according_to": {
        "en": "According to the article (quoted in its original language):",
        "fr": "D'après l'article :",
        "zh": "根据文章（引用原文）：",
        "es": "Según el artículo (cita en su idioma original):",
        "de": "Laut dem Artikel (Zitat in der Originalsprache):",
        "ja": "記事によると（原文のまま引用）：",
        "ru": "Согласно статье (цитата на языке оригинала):",
        "ar": "بحسب المقال (اقتباس بلغته الأصلية):",
        "it": "Secondo l'articolo (citato nella lingua originale):",
        "pt": "Segundo o artigo (citado na língua original):",
        "ko": "기사에 따르면(원문 인용):",
    },
    # Before an answer the model finds more likely wrong than right (bot.abstain.EVEN_ODDS).
    "unsure": {
        "en": "The article may not answer this exactly; the closest it comes:",
        "fr": "L'article ne répond peut-être pas exactement à cette question ; ce qui s'en "
        "rapproche le plus :",
        "zh": "文章可能没有直接回答这个问题，最接近的内容是：",
        "es": "Puede que el artículo no responda exactamente a esto; lo más cercano que dice:",
        "de": "Der Artikel beantwortet das womöglich nicht genau; am nächsten kommt:",
        "ja": "記事はこの質問に正確には答えていないかもしれません。最も近い記述：",
        "ru": "Возможно, статья не отвечает на это точно; ближе всего:",
        "ar": "قد لا يجيب المقال عن هذا بدقة؛ أقرب ما يقوله:",
        "it": "L'articolo potrebbe non rispondere esattamente; il passo più vicino:",
        "pt": "O artigo pode não responder exatamente a isto; o mais próximo que diz:",
        "ko": "기사가 이 질문에 정확히 답하지 않을 수 있습니다. 가장 가까운 내용:",
    },
    # Small talk: what bot knows ({title}), what it can be asked about ({parts}), and how to ask
    # for a summary. Every sentence of it is bot's own: no quote, no citation.
    "smalltalk": {
        "en": "Hello! I answer questions about “{title}” and summarise it, citing the passage "
        "behind every sentence. You can ask about: {parts}. Or ask: “Summarize the article”.",
        "fr": "Bonjour ! Je réponds aux questions sur « {title} » et je le résume, en citant le "
        "passage derrière chaque phrase. Vous pouvez m'interroger sur : {parts}. Ou "
        "demandez : « Résume l'article ».",
        "zh": "你好！我可以回答关于《{title}》的问题并进行总结，每句话都注明出处。"
        "你可以问：{parts}。也可以说：“总结一下这篇文章”。",
        "es": "¡Hola! Respondo preguntas sobre «{title}» y lo resumo, citando el pasaje de cada "
        "frase. Puede preguntar sobre: {parts}. O pida: «Resume el artículo».",
        "de": "Hallo! Ich beantworte Fragen zu „{title}“ und fasse ihn zusammen, mit der Quelle "
        "jedes Satzes. Sie können fragen zu: {parts}. Oder: „Fasse den Artikel zusammen“.",
        "ja": "こんにちは。「{title}」についての質問に答え、要約します。"
        "すべての文に出典を示します。質問できる内容：{parts}。「記事を要約して」と頼むこともできます。",
        "ru": "Здравствуйте! Я отвечаю на вопросы о «{title}» и кратко пересказываю статью, "
        "указывая источник каждой фразы. Можно спросить о: {parts}. Или: «Перескажи статью».",
        "ar": "مرحبًا! أجيب عن الأسئلة حول «{title}» وألخّصه، مع ذكر مصدر كل جملة. يمكنك السؤال عن: "
        "{parts}. أو اطلب: «لخّص المقال».",
        "it": "Ciao! Rispondo alle domande su «{title}» e lo riassumo, citando il passaggio di "
        "ogni frase. Puoi chiedere di: {parts}. Oppure: «Riassumi l'articolo».",
        "pt": "Olá! Respondo a perguntas sobre «{title}» e resumo-o, citando a passagem de cada "
        "frase. Pode perguntar sobre: {parts}. Ou peça: «Resuma o artigo».",
        "ko": "안녕하세요! 「{title}」에 대한 질문에 답하고 요약해 드리며, 모든 문장의 출처를 "
        "밝힙니다. 질문할 수 있는 내용: {parts}. 또는 “기사를 요약해 줘”라고 해 보세요.",
    },
    # The two cities of the article, as each language writes them.
    "beijing": {
        "en": "Beijing",
        "fr": "Pékin",
        "zh": "北京",
        "es": "Pekín",
        "de": "Peking",
        "ja": "北京",
        "ru": "Пекин",
        "ar": "بكين",
        "it": "Pechino",
        "pt": "Pequim",
        "ko": "베이징",
    },
    "shanghai": {
        "en": "Shanghai",
        "fr": "Shanghai",
        "zh": "上海",
        "es": "Shanghái",
        "de": "Shanghai",
        "ja": "上海",
        "ru": "Шанхай",
        "ar": "شنغهاي",
        "it": "Shanghai",
        "pt": "Xangai",
        "ko": "상하이",
    },
    # Over the sentence of a comparison where the article itself ranks the two cities.
    # The sentences of the article that rank the two cities (on what was asked, or near it).
    "verdict": {
        "en": "How the article ranks them",
        "fr": "Leur classement selon l'article",
        "zh": "文章中的排名",
        "es": "Cómo las clasifica el artículo",
        "de": "Ihre Rangfolge laut Artikel",
        "ja": "記事での順位",
        "ru": "Как их ранжирует статья",
        "ar": "ترتيبهما في المقال",
        "it": "Come le classifica l'articolo",
        "pt": "Como o artigo as classifica",
        "ko": "기사 속 순위",
    },
    # Small talk that thanks or takes leave: a short reply that says what can come next.
    "thanks": {
        "en": "You're welcome! Ask me anything else about “{title}”, or ask for a summary.",
        "fr": "Avec plaisir ! Posez-moi d'autres questions sur « {title} », ou demandez un résumé.",
        "zh": "不客气！还可以继续问关于《{title}》的问题，或者让我总结一下。",
        "es": "¡De nada! Pregúnteme lo que quiera sobre «{title}», o pida un resumen.",
        "de": "Gern geschehen! Fragen Sie gern weiter zu „{title}“ oder bitten Sie um eine "
        "Zusammenfassung.",
        "ja": "どういたしまして。「{title}」について他にも質問するか、要約を頼んでください。",
        "ru": "Пожалуйста! Спрашивайте ещё о «{title}» или попросите краткий пересказ.",
        "ar": "على الرحب والسعة! اسألني عن أي شيء آخر حول «{title}»، أو اطلب ملخصًا.",
        "it": "Prego! Chiedimi altro su «{title}», oppure chiedi un riassunto.",
        "pt": "De nada! Pergunte-me mais sobre «{title}», ou peça um resumo.",
        "ko": "천만에요! 「{title}」에 대해 더 물어보시거나 요약을 요청해 보세요.",
    },
    "farewell": {
        "en": "Goodbye! Come back with your questions about “{title}” any time.",
        "fr": "Au revoir ! Revenez quand vous voulez avec vos questions sur « {title} ».",
        "zh": "再见！随时欢迎回来问关于《{title}》的问题。",
        "es": "¡Hasta luego! Vuelva cuando quiera con sus preguntas sobre «{title}».",
        "de": "Auf Wiedersehen! Kommen Sie jederzeit mit Fragen zu „{title}“ wieder.",
        "ja": "さようなら。「{title}」についての質問があれば、いつでもどうぞ。",
        "ru": "До свидания! Возвращайтесь с вопросами о «{title}» в любое время.",
        "ar": "إلى اللقاء! عُد متى شئت بأسئلتك حول «{title}».",
        "it": "Arrivederci! Torna quando vuoi con le tue domande su «{title}».",
        "pt": "Até logo! Volte quando quiser com as suas perguntas sobre «{title}».",
        "ko": "안녕히 가세요! 「{title}」에 대한 질문이 있으면 언제든 다시 오세요.",
    },
    **MISSING,
    **ATTRIBUTE_MISSING,
}

LANGUAGES = tuple(PHRASES["not_found"])


def phrase(key: str, lang: str) -> str:
    """The phrase in `lang`, or in English when bot does not speak that language."""
    table = PHRASES[key]
    return table.get(lang, table["en"])


def not_mentioned(terms: list[str], lang: str) -> str:
    """ "The article does not mention “Tokyo”.", in `lang`."""
    separator = "、" if lang in ("zh", "ja") else ", "
    quoted = separator.join(phrase("quotes", lang).format(term) for term in terms)
    return phrase("not_mentioned", lang).format(terms=quoted)
