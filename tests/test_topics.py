"""Topics over the session index: every passage placed once, stable ids, labels in the article's
three languages, and clusters that keep Beijing's plans apart from Shanghai's."""

from __future__ import annotations

import re
from collections import Counter

import numpy as np
import pytest

from bot.topics import Topic, cluster, find_topics, target_clusters, topic_id

ARTICLE = "000_bab5460f06c5e48c"
REFERENCE = re.compile(r"\s*\[\d+\]")
CAPTION = re.compile(r"\s*Figure \d+ :")


@pytest.fixture(scope="module")
def index(engine):  # -> bot.index.Index
    return engine.index


@pytest.fixture(scope="module")
def vectors(index) -> np.ndarray:
    return index.passage_vectors.reconstruct_n(0, index.passage_vectors.ntotal)


def topics_of(index, vectors, source_rows=None, pairs=None) -> list[Topic]:
    editions = index.editions
    return find_topics(
        index.passages,
        vectors,
        editions.source_rows if source_rows is None else source_rows,
        editions.passage_pairs if pairs is None else pairs,
        editions.passage_lang,
    )


@pytest.fixture(scope="module")
def topics(index, vectors) -> list[Topic]:
    return topics_of(index, vectors)


@pytest.fixture(scope="module")
def article(topics) -> list[Topic]:
    return [t for t in topics if t.doc_id == ARTICLE]


def source_passages(index, doc_id: str) -> list:
    rows = index.editions.source_rows
    return [index.passages[r] for r in rows if index.passages[r].doc_id == doc_id]


def topic_holding(topics: list[Topic], passage_id: str) -> Topic:
    return next(t for t in topics if passage_id in t.passage_ids)


def test_every_passage_but_headings_references_and_captions_is_in_one_topic(index, article):
    passages = source_passages(index, ARTICLE)
    content = [
        p.id
        for p in passages
        if not (p.heading or REFERENCE.match(p.text) or CAPTION.match(p.text))
    ]
    placed = Counter(pid for topic in article for pid in topic.passage_ids)
    assert set(placed) == set(content)
    assert set(placed.values()) == {1}
    # about √n topics, none of one passage (singletons join their nearest cluster)
    assert 3 <= len(article) <= target_clusters(len(content))
    assert min(len(t.passage_ids) for t in article) >= 2


def test_topics_list_their_passages_in_document_order_and_come_in_order(index, article):
    position = {p.id: p.position for p in index.passages}
    for topic in article:
        places = [position[pid] for pid in topic.passage_ids]
        assert places == sorted(places)
    firsts = [position[t.passage_ids[0]] for t in article]
    assert firsts == sorted(firsts)


def test_every_source_document_with_enough_passages_has_topics(topics):
    assert {t.doc_id for t in topics} >= {ARTICLE, "aceite_es", "baikal_ru", "tianyige_zh"}


def test_topics_are_deterministic_and_ids_come_from_their_members(index, vectors, topics):
    assert topics_of(index, vectors) == topics
    for topic in topics:
        assert topic.id == topic_id(topic.doc_id, topic.passage_ids)
        assert topic.id == topic_id(topic.doc_id, list(reversed(topic.passage_ids)))
    assert len({t.id for t in topics}) == len(topics)


def test_ids_do_not_depend_on_editions_or_on_other_documents(index, vectors, topics, article):
    sources = np.asarray(index.editions.source_rows)
    alone = topics_of(index, vectors, pairs=(sources, sources))
    assert all(len(t.labels) == 1 for t in alone)  # the document's own language only
    by_members = {t.passage_ids: t.id for t in topics}
    same = [t for t in alone if t.passage_ids in by_members]
    # Without its editions the article clusters a little differently (they sharpen its vectors),
    # but a topic with the same passages keeps its id.
    assert any(t.doc_id == ARTICLE for t in same)
    assert all(by_members[t.passage_ids] == t.id for t in same)
    # Per-document clustering: the article's topics are the same without the other documents.
    own = [r for r in sources if index.passages[r].doc_id == ARTICLE]
    assert topics_of(index, vectors, source_rows=own) == article


def test_the_article_has_labels_in_each_of_its_languages(article):
    langs = {"fr", "ar", "de", "en", "es", "it", "ja", "ko", "pt", "ru", "zh"}
    for topic in article:
        assert set(topic.labels) == set(topic.terms) == langs
        for lang, terms in topic.terms.items():
            assert 2 <= len(terms) <= 3, (lang, terms)
            joiner = "、" if lang in ("zh", "ja") else " · "
            assert topic.labels[lang] == joiner.join(terms)


def test_labels_have_no_numbers_and_no_stopwords(topics):
    from bot.tokens import stopwords

    for topic in topics:
        for lang, terms in topic.terms.items():
            stop = stopwords(lang)
            for term in terms:
                assert not re.search(r"\d", term), term
                assert term.lower() not in stop, term
                if lang != "zh":
                    words = term.lower().split()
                    assert words[0] not in stop and words[-1] not in stop, term
                    # Short words only as stopwords or acronyms ("first AI city", quoted).
                    assert all(len(w) >= 3 or w in stop or w.upper() in term for w in words), term


def test_chinese_labels_are_jieba_words_not_character_bigrams(index, article):
    import jieba

    text = "\n".join(p.text for p in index.passages if p.doc_id == f"{ARTICLE}.zh")
    bounds, at = {0}, 0
    for token in jieba.lcut(text):
        at += len(token)
        bounds.add(at)
    terms = [term for topic in article for term in topic.terms["zh"]]
    for term in terms:
        starts = [m.start() for m in re.finditer(re.escape(term), text)]
        assert any(s in bounds and s + len(term) in bounds for s in starts), term
    assert any(len(term) >= 3 for term in terms)  # e.g. 元宇宙, 伙伴计划: no bigram is that long


def test_topics_keep_beijing_apart_from_shanghai(index, article):
    passages = source_passages(index, ARTICLE)
    partners = next(p for p in passages if "39" in p.text and "partenaires" in p.text)
    shanghai = next(p for p in passages if 'Metaverse" Key Technology Research' in p.text)
    beijing_topic = topic_holding(article, partners.id)
    shanghai_topic = topic_holding(article, shanghai.id)
    assert beijing_topic != shanghai_topic
    part = {p.id: p.section_path[0][:2] if p.section_path else "" for p in passages}
    assert "02" not in {part[pid] for pid in beijing_topic.passage_ids}
    assert "01" not in {part[pid] for pid in shanghai_topic.passage_ids}


def test_cluster_is_deterministic_with_about_root_n_clusters_of_two_or_more():
    rng = np.random.default_rng(7)
    centres = rng.normal(size=(4, 16))
    points = np.vstack([c + 0.3 * rng.normal(size=(6, 16)) for c in centres])
    points /= np.linalg.norm(points, axis=1, keepdims=True)
    found = cluster(points)
    assert found == cluster(points)
    assert sorted(i for members in found for i in members) == list(range(24))
    assert all(len(members) >= 2 for members in found)
    assert len(found) <= target_clusters(24) == 5
    assert [m[0] for m in found] == sorted(m[0] for m in found)


def test_a_document_too_short_to_divide_has_no_topics():
    assert len(cluster(np.eye(3, dtype=np.float32))) == 1
