"""The few sentences bot itself says, in the reader's language (answers quote the corpus as is)."""

from __future__ import annotations

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
}

LANGUAGES = tuple(PHRASES["not_found"])


def phrase(key: str, lang: str) -> str:
    """The phrase in `lang`, or in English when bot does not speak that language."""
    table = PHRASES[key]
    return table.get(lang, table["en"])
