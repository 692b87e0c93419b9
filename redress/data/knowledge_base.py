"""Owns the validated knowledge base: every record by id, ready for pages and the dataset."""
from __future__ import annotations

import datetime
from dataclasses import dataclass
from functools import cached_property

from redress.data.models import Channel, ComplaintType, Deadline, Evidence, Group, Law, LegalBasis, Topic
from redress.data.text import Lang, Text
from redress.data.tree_models import DecisionTree, PathFixture


@dataclass(frozen=True)
class KnowledgeBase:
    """All data after validation; dicts keep the order of the files."""

    laws: dict[str, Law]
    legal_bases: dict[str, LegalBasis]
    evidence: dict[str, Evidence]
    channels: dict[str, Channel]
    deadlines: dict[str, Deadline]
    groups: dict[str, Group]
    complaint_types: dict[str, ComplaintType]
    topics: dict[str, Topic]
    ui: dict[str, Text]
    prose: dict[tuple[str, Lang], str]
    tree: DecisionTree
    tree_paths: list[PathFixture]

    @cached_property  # asked for on every page: the records do not change
    def data_date(self) -> datetime.date:
        """The newest review date in the data: the date the built site is 'as of'."""
        dated = [*self.laws.values(), *self.legal_bases.values(), *self.evidence.values(),
                 *self.channels.values(), *self.deadlines.values(), *self.complaint_types.values(),
                 *self.topics.values()]
        return max(record.last_reviewed for record in dated)

    def situations_in(self, group_id: str) -> list[ComplaintType]:
        """The situations of one group, in the order of data/complaint_types.yml."""
        return [t for t in self.complaint_types.values() if t.group == group_id]

    def citing(self, basis_id: str) -> list[ComplaintType]:
        """The situations whose rights or answers rest on this article."""
        return self.situations_citing.get(basis_id, [])

    @cached_property  # one pass, not one per article (a law page asks for each of its articles)
    def situations_citing(self) -> dict[str, list[ComplaintType]]:
        index: dict[str, list[ComplaintType]] = {}
        for complaint in self.complaint_types.values():
            for basis_id in bases_of(complaint):
                index.setdefault(basis_id, []).append(complaint)
        return index

    def topics_citing(self, basis_id: str) -> list[Topic]:
        """The cross-cutting guides that cite this article."""
        return [t for t in self.topics.values() if basis_id in t.bases]

    def needing(self, evidence_id: str) -> list[ComplaintType]:
        """The situations that ask the buyer to keep this evidence."""
        return [t for t in self.complaint_types.values()
                if any(use.item == evidence_id for use in t.evidence)]

    def laws_cited_by(self, complaint: ComplaintType) -> list[Law]:
        """The laws a situation quotes, in the order of data/laws.yml."""
        cited = {self.legal_bases[b].law for b in bases_of(complaint)}
        return [law for law in self.laws.values() if law.id in cited]

    def bases_of_law(self, law_id: str) -> list[LegalBasis]:
        """The cited articles of one law, in article order."""
        return sorted((b for b in self.legal_bases.values() if b.law == law_id),
                      key=lambda b: (b.article, b.id))


def bases_of(complaint: ComplaintType) -> list[str]:
    """Every legal basis a situation cites, in order of first mention, without repeats."""
    ids = [b for right in complaint.rights for b in right.bases]
    ids += [b for excuse in complaint.excuses for b in excuse.bases]
    return list(dict.fromkeys(ids))
