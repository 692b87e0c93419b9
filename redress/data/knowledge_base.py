"""Owns the validated knowledge base: every record by id, ready for pages and the dataset."""
from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any, overload

from redress.data.models import ComplaintType, Law, LegalBasis, Topic
from redress.data.reads import note, prose_read, record_read
from redress.data.registry import (
    BASES,
    KINDS,
    LAWS,
    SITUATIONS,
    TOPICS,
    Model,
    Records,
    Value,
    Whole,
)
from redress.data.text import Text
from redress.languages import Lang

STALE_AFTER_DAYS = 365  # a record not reviewed for 12 months "may be out of date"


@dataclass(frozen=True)
class KnowledgeBase:
    """All data after validation: per kind (redress.data.registry) its records by id, in the
    order of the file, or the file's whole value; and the guides' prose by (key, language)."""

    records: dict[str, Any]
    prose: dict[tuple[str, Lang], str]

    @overload
    def of(self, kind: Records[Model]) -> dict[str, Model]: ...
    @overload
    def of(self, kind: Whole[Value]) -> Value: ...

    def of(self, kind: Records[Any] | Whole[Any]) -> Any:
        note(kind.name)  # every read of records goes through here (redress/data/reads.py)
        return self.records[kind.name]

    def record(self, kind: Records[Model], record_id: str) -> Model:
        """One record by id: a page that reads it is rendered again when this record changes,
        not when any other of its kind does (as after `of`)."""
        note(record_read(kind.name, record_id))
        return self.records[kind.name][record_id]

    def title_of(self, kind: Records[Any], record_id: str) -> Text:
        """One record's title: a page that shows another's title (a link to it) is rendered again
        when that title changes, not when the rest of the record does."""
        note(record_read(kind.name, record_id, "title"))
        title: Text = self.records[kind.name][record_id].title
        return title

    def prose_of(self, key: str, lang: Lang) -> str:
        """The prose of guides/<lang>/<key>.md."""
        note(prose_read(key))
        return self.prose[(key, lang)]

    def record_name(self, value: object) -> tuple[str, str] | None:
        """The kind and id of a record of this knowledge base (the object itself), else None."""
        return self.records_by_identity.get(id(value))

    @cached_property
    def records_by_identity(self) -> dict[int, tuple[str, str]]:
        return {id(record): (kind.name, record_id) for kind in KINDS if isinstance(kind, Records)
                for record_id, record in self.records[kind.name].items()}

    def dated_records(self) -> Iterator[tuple[Records[Any], int, Any]]:
        """Every record that carries a review date, with its kind and place in its file."""
        for kind in KINDS:
            if isinstance(kind, Records) and kind.dated:
                for index, record in enumerate(self.of(kind).values()):
                    yield kind, index, record

    @cached_property  # asked for on every page: the records do not change
    def data_date(self) -> datetime.date:
        """The newest review date in the data: the date the built site is 'as of'."""
        return max(record.last_reviewed for _, _, record in self.dated_records())

    def situations_in(self, group_id: str) -> list[ComplaintType]:
        """The situations of one group, in the order of data/complaint_types.yml."""
        return [t for t in self.of(SITUATIONS).values() if t.group == group_id]

    def citing(self, basis_id: str) -> list[ComplaintType]:
        """The situations whose rights or answers rest on this article."""
        note(SITUATIONS.name)  # read through the index below, which is made only once
        return self.situations_citing.get(basis_id, [])

    @cached_property  # one pass, not one per article (a law page asks for each of its articles)
    def situations_citing(self) -> dict[str, list[ComplaintType]]:
        index: dict[str, list[ComplaintType]] = {}
        for complaint in self.of(SITUATIONS).values():
            for basis_id in bases_of(complaint):
                index.setdefault(basis_id, []).append(complaint)
        return index

    def topics_citing(self, basis_id: str) -> list[Topic]:
        """The cross-cutting guides that cite this article."""
        return [t for t in self.of(TOPICS).values() if basis_id in t.bases]

    def needing(self, evidence_id: str) -> list[ComplaintType]:
        """The situations that ask the buyer to keep this evidence."""
        return [t for t in self.of(SITUATIONS).values()
                if any(use.item == evidence_id for use in t.evidence)]

    def laws_cited_by(self, complaint: ComplaintType) -> list[Law]:
        """The laws a situation quotes, in the order of data/laws.yml."""
        cited = {self.of(BASES)[b].law for b in bases_of(complaint)}
        return [law for law in self.of(LAWS).values() if law.id in cited]

    def bases_of_law(self, law_id: str) -> list[LegalBasis]:
        """The cited articles of one law, in article order."""
        return sorted((b for b in self.of(BASES).values() if b.law == law_id),
                      key=lambda b: (b.article, b.id))

    def stale_before(self, today: datetime.date) -> datetime.date:
        """Records reviewed before this date may be out of date (the pages say so)."""
        return today - datetime.timedelta(days=STALE_AFTER_DAYS)


def bases_of(complaint: ComplaintType) -> list[str]:
    """Every legal basis a situation cites, in order of first mention, without repeats."""
    ids = [b for right in complaint.rights for b in right.bases]
    ids += [b for excuse in complaint.excuses for b in excuse.bases]
    return list(dict.fromkeys(ids))
