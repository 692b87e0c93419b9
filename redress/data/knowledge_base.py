"""Owns the validated knowledge base: every record by id, ready for pages and the dataset."""
from __future__ import annotations

import datetime
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cached_property
from typing import Any, overload

from redress.data.models import ComplaintType, Law, LegalBasis, Topic
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
        return self.records[kind.name]

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
