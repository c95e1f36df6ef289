"""What the corpus holds, as the faces read it through the engine: documents and their editions,
passages and their neighbours, a passage's translation (the engine's half that looks things up;
`bot.engine` answers)."""

from __future__ import annotations

from bot.citations import Edition, counterpart, translate
from bot.corpus import Document
from bot.index import Index
from bot.ingest import Passage
from bot.retrieve import Hit


class Library:
    """Lookups over a loaded index (`index`), shared by every face through `Engine`."""

    index: Index

    def sources(self) -> list[Document]:
        """The source documents (not editions), in corpus order."""
        return [d for d in self.index.documents if not d.edition_of]

    def languages(self) -> dict[str, str]:
        """Every document's language (editions too), by document id."""
        return {d.id: d.lang for d in self.index.documents}

    def family(self, source_id: str) -> list[Document]:
        """A source document and all its editions, source first."""
        docs = [d for d in self.index.documents if source_id in (d.id, d.edition_of)]
        return sorted(docs, key=lambda d: d.id != source_id)

    def passages_of(self, doc_id: str) -> list[Passage]:
        """The passages of one document (or edition), in reading order."""
        return [p for p in self.index.passages if p.doc_id == doc_id]

    def edition(self, hit: Hit, lang: str) -> Edition | None:
        """A search hit's highlighted sentences in its edition in `lang`, if it has one."""
        if str(self.index.editions.passage_lang[hit.row]) == lang:
            return None
        return translate(self.index, hit.row, hit.highlighted, lang) or translate(
            self.index, hit.row, (hit.best_sentence,), lang
        )

    def passage(self, passage_id: str) -> Passage | None:
        """The passage with this id, or None."""
        row = self.index.rows_by_id.get(passage_id)
        return None if row is None else self.index.passages[row]

    def neighbours(self, passage: Passage) -> tuple[Passage | None, Passage | None]:
        """The passages just before and after, in the same document."""
        row = self.index.rows_by_id[passage.id]
        before = self.index.passages[row - 1] if row > 0 else None
        after = self.index.passages[row + 1] if row + 1 < len(self.index.passages) else None
        same_doc = [p if p and p.doc_id == passage.doc_id else None for p in (before, after)]
        return same_doc[0], same_doc[1]

    def document(self, doc_id: str) -> Document | None:
        """The document with this id, or None."""
        return next((d for d in self.index.documents if d.id == doc_id), None)

    def edition_document(self, doc_id: str, lang: str) -> Document | None:
        """The document `doc_id` in `lang`: itself when written in it, else its edition, or None."""
        source = self.document(doc_id)
        if source is None or source.lang == lang:
            return source
        return next(
            (d for d in self.index.documents if d.edition_of == source.id and d.lang == lang), None
        )

    def counterpart(
        self, passage: Passage, span: tuple[int, int] | None, document: Document
    ) -> tuple[Passage, tuple[int, int] | None] | None:
        """The passage of `document` that translates `passage` (of another edition of the same
        source), and the span of the sentences translating those `span` covers (None for the
        whole passage); None when none of them has a counterpart there."""
        return counterpart(self.index, passage, span, document)
