"""Ingest on the real article and the test documents: cleaning, sections, passages, ids, errors."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.clean import clean_text
from bot.corpus import Document, read_corpus
from bot.errors import CorpusError
from bot.ingest import Passage, load_passages, split_passages

CORPUS = Path(__file__).parent.parent / "corpus"
DATA = Path(__file__).parent / "data"
ARTICLE_ID = "000_bab5460f06c5e48c"
LEAD = "Il n'y a pas si longtemps, Pékin a publié successivement deux grandes politiques"
PART_1 = '01, fortes explosions politiques, la construction de la "capitale de l\'IA" à Pékin'
PART_2 = "02, raffinement supplémentaire, Shanghai clarifie les deux directions principales"
PART_3 = "03, Pékin VS Shanghai : qui est le plus fort en termes de puissance numérique ?"
SUB_1 = "(1) Industrialisation numérique : Shanghai a plus d'atouts ?"
Data = tuple[list[Document], list[Passage]]


@pytest.fixture(scope="module")
def article() -> Document:
    return next(doc for doc in read_corpus(CORPUS) if doc.id == ARTICLE_ID)


@pytest.fixture(scope="module")
def passages(article: Document) -> list[Passage]:
    return split_passages(article)


@pytest.fixture(scope="module")
def data() -> Data:
    return load_passages(DATA)


def sentence_texts(passage: Passage) -> list[str]:
    return [passage.text[start:end] for start, end in passage.sentences]


def test_metadata_comes_from_the_meta_file(article: Document) -> None:
    assert article.title == 'Pékin construit "AI Capital", Shanghai Metaverse "sprints"'
    assert article.lang == "fr"
    assert article.source == "Zero One Finance (零壹财经)"
    assert article.path.endswith(f"{ARTICLE_ID}.txt")


def test_the_repeated_copy_and_the_furniture_are_gone(article: Document) -> None:
    assert article.text.count(LEAD) == 1
    assert article.text.startswith(LEAD)  # the "Auteur :" label is stripped, the lead kept
    for furniture in ("Voir l'original", "This page may contain", "Source des données", "Auteur :"):
        assert furniture not in article.text
    assert "Source : Zero One Finance" not in article.text
    assert article.text.count("Figure 8 :") == 1
    assert article.text.count("[3] ") == 1


def test_artefacts_are_repaired(article: Document) -> None:
    text = article.text
    assert "complète.La" not in text and "complète. La technologie" in text
    assert "diverses. Les résultats" in text
    assert '""' not in text and '(ci-après dénommées "Plusieurs mesures")' in text
    assert "n°1" not in text and "n° 1 à Shanghai, n° 3 à Pékin" in text
    assert "**" not in text and "\u200b" not in text


def test_headings_are_plain_titles_with_levels(article: Document) -> None:
    blocks = article.text.split("\n\n")
    assert all(block == block.strip() and block for block in blocks)
    headings = [(article.text[start:end], level) for start, end, level in article.headings]
    assert all(title in blocks for title, _ in headings)  # each heading is a block of its own
    assert [title for title, level in headings if level == 1] == [
        f"{PART_1} est en cours",
        f"{PART_2} du métaverse",
        PART_3,
        "Matériel de référence",
    ]
    assert (SUB_1, 2) in headings
    assert ("3. Part du numérique : n° 1 à Shanghai, n° 3 à Pékin", 3) in headings
    assert "#" not in article.text


def test_sections_nest(passages: list[Passage]) -> None:
    paths = {p.section_path for p in passages}
    software = (
        f"{PART_3}",
        SUB_1,
        "1. Le nombre d'entreprises de logiciels et de matériel informatique : la plus "
        "grande à Shanghai, la deuxième à Pékin",
    )
    assert software in paths
    strategy = '1. Niveau stratégique : "Plan de mise en œuvre" décrit le plan directeur'
    assert (f"{PART_1} est en cours", f"{strategy} et l'orientation") in paths
    assert (PART_3, "(2) Numérique : Pékin fait un peu mieux ?") in paths
    assert {path[0] for path in paths if path} == {
        f"{PART_1} est en cours",
        f"{PART_2} du métaverse",
        PART_3,
        "Matériel de référence",
    }
    assert all(len(path) <= 3 for path in paths)


def test_lead_passages_use_the_title_as_section(article: Document, passages: list[Passage]) -> None:
    assert passages[0].section_path == ()
    assert passages[0].section == article.title
    assert passages[0].text.startswith(LEAD)
    nested = next(p for p in passages if len(p.section_path) == 3)
    assert nested.section == " › ".join(nested.section_path)


def test_references_are_their_own_section(passages: list[Passage]) -> None:
    references = [
        p for p in passages if p.section_path == ("Matériel de référence",) and not p.heading
    ]
    assert [p.text[:3] for p in references] == ["[1]", "[2]", "[3]"]
    assert references[-1] is passages[-1]


def test_captions_are_short_paragraphs(passages: list[Passage]) -> None:
    captions = [p for p in passages if p.text.startswith("Figure ")]
    assert len(captions) == 8
    assert captions[2].text == (
        "Figure 3 : TOP20 Nombre d'entreprises de technologies numériques émergentes dans les "
        "villes chinoises en 2021"
    )


def test_numbers_stay_inside_sentences(passages: list[Passage]) -> None:
    for number in ("813 000", "5,72", "1 048", "11,3 %", "5610,60"):
        holders = [p for p in passages if number in p.text]
        assert holders, number
        for passage in holders:
            assert any(number in sentence for sentence in sentence_texts(passage)), number
    software = next(p for p in passages if "813 000" in p.text)
    assert (
        "En termes de chiffres précis, Shanghai comptera 813 000 sociétés de logiciels et de "
        "matériel informatique en 2021, et 21 sociétés nationales de production de processeurs "
        "informatiques et sociétés apparentées."
    ) in sentence_texts(software)


def test_bullets_are_one_passage_with_one_sentence_each(passages: list[Passage]) -> None:
    bullets = next(p for p in passages if p.text.startswith("· Le 19 mai"))
    assert [s[:12] for s in sentence_texts(bullets)] == [
        "· Le 19 mai,",
        "· Le 30 mai,",
        "· Le 30 mai,",
    ]


def test_offsets_and_sentences_round_trip(
    article: Document, passages: list[Passage], data: Data
) -> None:
    documents = {doc.id: doc for doc in [article, *data[0]]}
    for passage in [*passages, *data[1]]:
        text = documents[passage.doc_id].text
        assert text[passage.start : passage.end] == passage.text
        assert passage.text == passage.text.strip() and passage.sentences
        previous_end = 0
        for start, end in passage.sentences:
            assert previous_end <= start < end <= len(passage.text)
            sentence = passage.text[start:end]
            assert sentence == sentence.strip()
            previous_end = end
    assert [p.position for p in passages] == list(range(len(passages)))


def test_long_paragraphs_are_split_evenly(passages: list[Passage]) -> None:
    assert max(len(p.text) for p in passages) <= 900
    first = next(p for p in passages if p.text.startswith('Le "plan de mise en œuvre" fournit'))
    second = passages[first.position + 1]
    assert first.section_path == second.section_path
    assert first.end < second.start
    assert second.text.startswith('À cette fin, Pékin a proposé les "cinq nouvelles"')
    assert 0.5 < len(first.text) / len(second.text) < 2


def test_smaller_max_chars_gives_more_passages(article: Document) -> None:
    small = split_passages(article, max_chars=300)
    assert len(small) > len(split_passages(article))
    assert all(len(p.text) <= 300 or len(p.sentences) == 1 for p in small)


def test_ids_are_stable_and_local(tmp_path: Path, passages: list[Passage]) -> None:
    again = split_passages(read_corpus(CORPUS)[0])
    assert [p.id for p in again] == [p.id for p in passages]
    assert len({p.id for p in passages}) == len(passages)
    assert all(p.id.startswith(f"{ARTICLE_ID}-") for p in passages)

    source = (CORPUS / f"{ARTICLE_ID}.txt").read_text(encoding="utf-8")
    old = "Il a déclaré que la couche inférieure du métaverse"
    assert source.count(old) == 2  # both copies of the page hold the paragraph
    edited_folder = tmp_path / "corpus"
    edited_folder.mkdir()
    (edited_folder / f"{ARTICLE_ID}.txt").write_text(
        source.replace(old, "Il a ajouté que la couche inférieure du métaverse"), encoding="utf-8"
    )
    edited = split_passages(read_corpus(edited_folder)[0])
    changed = [(a.id, b.id) for a, b in zip(passages, edited, strict=True) if a.id != b.id]
    assert len(changed) == 1


def test_duplicate_paragraphs_get_distinct_ids(tmp_path: Path) -> None:
    (tmp_path / "dup.md").write_text("# A\n\nMême texte.\n\n# B\n\nMême texte.\n", encoding="utf-8")
    first, second = [p for p in load_passages(tmp_path)[1] if not p.heading]
    assert second.id == f"{first.id}-2"
    assert (first.section, second.section) == ("A", "B")


def test_clean_text_is_idempotent(article: Document, data: Data) -> None:
    for doc in [article, *data[0]]:
        assert clean_text(doc.text) == doc.text


def test_chinese_markdown_document(data: Data) -> None:
    documents, passages = data
    doc = next(d for d in documents if d.id == "tianyige_zh")
    assert (doc.lang, doc.title) == ("zh", "天一阁：中国现存最古老的私家藏书楼")
    ours = [p for p in passages if p.doc_id == "tianyige_zh" and not p.heading]
    assert len(ours) == 11
    assert ours[0].section_path == ("天一阁：中国现存最古老的私家藏书楼",)
    qilou = next(p for p in ours if "范懋柱" in p.text)
    assert qilou.section_path[1:] == ("历史", "《四库全书》与“七阁”")
    assert qilou.section == "天一阁：中国现存最古老的私家藏书楼 › 历史 › 《四库全书》与“七阁”"
    name = next(p for p in ours if "为什么叫天一阁" in p.text)
    assert sentence_texts(name)[:2] == [
        "人们常问：“为什么叫天一阁？”",
        "答案就在《易经》的注释里。",
    ]
    today = next(p for p in ours if "30余万卷" in p.text)
    assert today.section_path[-1] == "今天的天一阁"
    assert len(today.sentences) == 3


def test_russian_plain_text_document(data: Data) -> None:
    documents, passages = data
    doc = next(d for d in documents if d.id == "baikal_ru")
    assert doc.lang == "ru"
    ours = [p for p in passages if p.doc_id == "baikal_ru" and not p.heading]
    assert [p.section_path for p in ours] == [
        ("Озеро Байкал",),
        ("География",),
        ("География",),
        ("Вода",),
        ("Вода",),
        ("Животный мир",),
        ("Охрана природы",),
    ]
    ice = next(p for p in ours if "Толщина льда" in p.text)
    assert sentence_texts(ice) == [
        "Зимой озеро полностью замерзает, обычно в январе, а вскрывается в мае.",
        "Толщина льда достигает 1–1,5 м.",
        "Почему вода остаётся такой чистой?",
        "Учёные объясняют это, в частности, работой крошечного рачка эпишуры, который "
        "фильтрует воду.",
    ]
    water = next(p for p in ours if "23 615" in p.text)
    assert "т. е. больше" in sentence_texts(water)[1]


def test_spanish_soft_wrapped_document(data: Data) -> None:
    documents, passages = data
    doc = next(d for d in documents if d.id == "aceite_es")
    assert doc.lang == "es"
    assert (
        "\n\nEspaña es el primer productor mundial de aceite de oliva. En una campaña normal"
        in (doc.text)
    )
    ours = [p for p in passages if p.doc_id == "aceite_es" and not p.heading]
    assert [p.section_path[-1] for p in ours] == [
        "1. Un líder mundial",
        "1. Un líder mundial",
        "2. Variedades",
        "3. Categorías",
        "4. Denominaciones de origen",
        "5. Una historia de dos mil años",
    ]
    assert all(p.section_path[0] == "El aceite de oliva en España" for p in ours)
    categories = next(p for p in ours if p.section_path[-1] == "3. Categorías")
    assert sentence_texts(categories)[0] == "¿Qué significa «virgen extra»?"
    export = next(p for p in ours if "EE. UU." in p.text)
    assert sentence_texts(export)[-1] == (
        "Una parte importante de la cosecha se exporta, p. ej. a Italia, a EE. UU. y a Japón."
    )


def test_documents_are_sorted_and_only_txt_md(tmp_path: Path) -> None:
    (tmp_path / "b.md").write_text("# Bé\n\nDeuxième document, en français.", encoding="utf-8")
    (tmp_path / "a.txt").write_bytes("\ufeffThe first document, in English.\n".encode())
    (tmp_path / ".hidden.txt").write_text("ignored", encoding="utf-8")
    (tmp_path / "notes.csv").write_text("ignored", encoding="utf-8")
    documents = read_corpus(tmp_path)
    assert [d.id for d in documents] == ["a", "b"]
    assert (documents[0].title, documents[0].lang) == ("The first document, in English.", "en")
    assert (documents[1].title, documents[1].lang) == ("Bé", "fr")
    assert documents[0].text == "The first document, in English."  # the BOM is dropped


def test_undecodable_files_are_named(tmp_path: Path) -> None:
    shutil.copy(CORPUS / f"{ARTICLE_ID}.txt", tmp_path / "good.txt")
    (tmp_path / "latin1.txt").write_bytes("Pékin a publié deux politiques.".encode("latin-1"))
    (tmp_path / "cp1252.md").write_bytes("« Métavers » – Shanghai".encode("cp1252"))
    with pytest.raises(CorpusError) as error:
        read_corpus(tmp_path)
    message = str(error.value)
    assert "latin1.txt" in message and "cp1252.md" in message and "good.txt" not in message
    assert "re-save" in message and "UTF-8" in message


def test_missing_or_empty_folder(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="does not exist"):
        read_corpus(tmp_path / "nowhere")
    (tmp_path / "notes.csv").write_text("x", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"No \.txt or \.md files"):
        read_corpus(tmp_path)


def test_empty_document_and_orphan_metadata_are_errors(tmp_path: Path) -> None:
    (tmp_path / "blank.txt").write_text(" \n\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="blank.txt"):
        read_corpus(tmp_path)
    (tmp_path / "blank.txt").write_text("Du texte.", encoding="utf-8")
    (tmp_path / "lost.meta.json").write_text('{"title": "Perdu"}', encoding="utf-8")
    with pytest.raises(CorpusError, match="lost.meta.json"):
        read_corpus(tmp_path)
    (tmp_path / "lost.meta.json").unlink()
    (tmp_path / "blank.meta.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(CorpusError, match="blank.meta.json"):
        read_corpus(tmp_path)


def test_a_line_without_punctuation_is_cut_into_passages_the_model_can_read(tmp_path: Path) -> None:
    words = " ".join(f"mot{n}" for n in range(40_000))  # ~270,000 characters, no full stop
    (tmp_path / "long.txt").write_text(f"Titre\n\n{words}\n", encoding="utf-8")
    _, passages = load_passages(tmp_path)
    assert len(passages) > 250 and max(len(p.text) for p in passages) <= 900
    body = [p.text for p in passages if not p.heading]  # "Titre" is a passage of its own
    assert " ".join(body) == words  # cut at blanks: nothing lost


def test_a_folder_named_like_a_document_is_skipped_and_a_broken_link_named(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Le lac Baïkal est profond.\n", encoding="utf-8")
    (tmp_path / "notes.txt").mkdir()
    assert [doc.id for doc in read_corpus(tmp_path)] == ["a"]
    (tmp_path / "gone.md").symlink_to(tmp_path / "nowhere.md")
    with pytest.raises(CorpusError, match=r"gone\.md .* link to nothing"):
        read_corpus(tmp_path)


def test_headings_are_quotable_passages(passages: list[Passage]) -> None:
    # "Densité … : Pékin et Shanghai se classent respectivement deuxième et troisième" states the
    # ranks: a heading is a passage of one sentence, under itself, marked as a heading.
    headings = [p for p in passages if p.heading]
    ranks = next(p for p in headings if "deuxième et troisième" in p.text)
    assert ranks.sentences == ((0, len(ranks.text)),)
    assert ranks.section_path[-1] == ranks.text
    assert any(p.text == "Matériel de référence" for p in headings)
    # Every heading line of the document is one.
    assert len(headings) >= 15
