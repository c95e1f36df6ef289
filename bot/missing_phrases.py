"""What a refusal says is missing, from what the question asks (bot.asked), in the eleven
languages: a figure (for one of the two cities, {place}), a year, a place in a ranking, a
date, a person, an organisation."""

from __future__ import annotations

MISSING: dict[str, dict[str, str]] = {
    "no_figure": {
        "en": "The article does not give this figure.",
        "fr": "L'article ne donne pas ce chiffre.",
        "zh": "文章没有给出这个数字。",
        "es": "El artículo no da esta cifra.",
        "de": "Der Artikel nennt diese Zahl nicht.",
        "ja": "記事にはこの数字は書かれていません。",
        "ru": "В статье эта цифра не приводится.",
        "ar": "المقال لا يذكر هذا الرقم.",
        "it": "L'articolo non riporta questo dato.",
        "pt": "O artigo não dá este número.",
        "ko": "기사에는 이 수치가 나와 있지 않습니다.",
    },
    "no_figure_for": {
        "en": "The article does not give this figure for {place}.",
        "fr": "L'article ne donne pas ce chiffre pour {place}.",
        "zh": "文章没有给出{place}的这个数字。",
        "es": "El artículo no da esta cifra para {place}.",
        "de": "Der Artikel nennt diese Zahl für {place} nicht.",
        "ja": "記事には{place}についてのこの数字は書かれていません。",
        "ru": "Для города {place} в статье эта цифра не приводится.",
        "ar": "المقال لا يذكر هذا الرقم بالنسبة إلى {place}.",
        "it": "L'articolo non riporta questo dato per {place}.",
        "pt": "O artigo não dá este número para {place}.",
        "ko": "기사에는 {place}에 대한 이 수치가 나와 있지 않습니다.",
    },
    # A year asked ({year}), and the sentence found gives others.
    "not_for_year": {
        "en": "The article does not give this for {year}.",
        "fr": "L'article ne le donne pas pour {year}.",
        "zh": "文章没有给出{year}年的这一信息。",
        "es": "El artículo no lo da para {year}.",
        "de": "Der Artikel nennt das für {year} nicht.",
        "ja": "記事には{year}年についてのこの情報は書かれていません。",
        "ru": "За {year} год в статье этого нет.",
        "ar": "المقال لا يذكر ذلك لعام {year}.",
        "it": "L'articolo non lo riporta per il {year}.",
        "pt": "O artigo não dá isto para {year}.",
        "ko": "기사에는 {year}년의 이 내용이 나와 있지 않습니다.",
    },
    # A place in a ranking asked of one city ({place}), and the one found is another's.
    "no_rank_for": {
        "en": "The article does not give {place}'s place in this ranking.",
        "fr": "L'article ne donne pas le rang de {place} dans ce classement.",
        "zh": "文章没有给出{place}在这一排名中的位次。",
        "es": "El artículo no da el puesto de {place} en esta clasificación.",
        "de": "Der Artikel nennt den Platz von {place} in dieser Rangliste nicht.",
        "ja": "記事には{place}のこの順位は書かれていません。",
        "ru": "Место города {place} в этом рейтинге в статье не указано.",
        "ar": "المقال لا يذكر ترتيب {place} في هذا التصنيف.",
        "it": "L'articolo non riporta la posizione di {place} in questa classifica.",
        "pt": "O artigo não dá a posição de {place} nesta classificação.",
        "ko": "기사에는 {place}의 이 순위가 나와 있지 않습니다.",
    },
    # The same, when the sentence found gives the figure for the other city ({other}), cited [1].
    "figure_for_other": {
        "en": "The article does not give this figure for {place}; the one it gives is for "
        "{other} [1].",
        "fr": "L'article ne donne pas ce chiffre pour {place} ; celui qu'il donne concerne "
        "{other} [1].",
        "zh": "文章没有给出{place}的这个数字；它给出的是{other}的数字 [1]。",
        "es": "El artículo no da esta cifra para {place}; la que da es la de {other} [1].",
        "de": "Der Artikel nennt diese Zahl für {place} nicht; er nennt sie für {other} [1].",
        "ja": "記事には{place}についてのこの数字は書かれていません。"
        "書かれているのは{other}の数字です [1]。",
        "ru": "Для города {place} в статье эта цифра не приводится; она дана для города "
        "{other} [1].",
        "ar": "المقال لا يذكر هذا الرقم بالنسبة إلى {place}؛ الرقم الذي يذكره يخص {other} [1].",
        "it": "L'articolo non riporta questo dato per {place}; quello che riporta riguarda "
        "{other} [1].",
        "pt": "O artigo não dá este número para {place}; o que dá é o de {other} [1].",
        "ko": "기사에는 {place}에 대한 이 수치가 나와 있지 않습니다. "
        "나와 있는 것은 {other}의 수치입니다 [1].",
    },
    "no_date": {
        "en": "The article does not give this date.",
        "fr": "L'article ne donne pas cette date.",
        "zh": "文章没有给出这个日期。",
        "es": "El artículo no da esta fecha.",
        "de": "Der Artikel nennt dieses Datum nicht.",
        "ja": "記事にはこの日付は書かれていません。",
        "ru": "В статье эта дата не указана.",
        "ar": "المقال لا يذكر هذا التاريخ.",
        "it": "L'articolo non riporta questa data.",
        "pt": "O artigo não dá esta data.",
        "ko": "기사에는 이 날짜가 나와 있지 않습니다.",
    },
    "no_person": {
        "en": "The article does not say who.",
        "fr": "L'article ne dit pas qui.",
        "zh": "文章没有说是谁。",
        "es": "El artículo no dice quién.",
        "de": "Der Artikel sagt nicht, wer.",
        "ja": "記事には誰なのか書かれていません。",
        "ru": "В статье не сказано, кто.",
        "ar": "المقال لا يذكر من هو.",
        "it": "L'articolo non dice chi.",
        "pt": "O artigo não diz quem.",
        "ko": "기사에는 누구인지 나와 있지 않습니다.",
    },
    "no_organisation": {
        "en": "The article does not say which organisation.",
        "fr": "L'article ne dit pas de quelle organisation il s'agit.",
        "zh": "文章没有说是哪家机构。",
        "es": "El artículo no dice qué organización.",
        "de": "Der Artikel sagt nicht, welche Organisation.",
        "ja": "記事にはどの組織なのか書かれていません。",
        "ru": "В статье не сказано, какая это организация.",
        "ar": "المقال لا يذكر أي جهة هي.",
        "it": "L'articolo non dice quale organizzazione.",
        "pt": "O artigo não diz qual organização.",
        "ko": "기사에는 어느 기관인지 나와 있지 않습니다.",
    },
}
