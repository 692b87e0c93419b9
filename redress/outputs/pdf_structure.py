"""Owns the tagged structure of a printed batch: the pages each element's content is on, and the
tree cut down to some pages (what a screen reader reads of one document cut out of the batch).

Chromium nests a batch's documents under elements that span them all (a site page's layout
wraps every checklist), so the cut is made at every depth: an element wholly on the pages is
kept as it is, one that spans beyond them keeps only its children, marked content and
references on them, and one with nothing on them is left out.
"""
from __future__ import annotations

import re
from functools import cached_property

from redress.outputs.pdf_objects import REF, Pdf, array, value

CHILDREN = re.compile(rb"/K\s*(\[[^\]]*\]|\d+ 0 R|\d+)")
# One item of an element's /K: marked content on a page (<<… /MCID n>>), a child (n 0 R), an MCID.
ITEM = re.compile(rb"<<.*?>>|(\d+) 0 R|\d+", re.S)
ON_PAGE = re.compile(rb"/Pg (\d+) 0 R")
# An item as written, the child element it refers to, the page index of its marked content.
Item = tuple[bytes, int | None, int | None]
NAMED_ID = re.compile(rb"(\([^()\\]*\))\s+(\d+) 0 R")


def children(element: bytes) -> list[int]:
    """The structure elements a structure element's /K refers to (not its marked content)."""
    found = CHILDREN.search(element)
    items = ITEM.finditer(found.group(1)) if found else ()
    return [int(item.group(1)) for item in items if item.group(1)]


class Structure:
    """A batch's structure tree, read once for every cut: each element's items, and the first
    and last page (by index) its content is on."""

    def __init__(self, pdf: Pdf) -> None:
        self.pdf = pdf
        root = value(pdf.head(pdf.root), b"StructTreeRoot")
        self.root = int(root) if root else None
        self.page_index = {page: i for i, page in enumerate(pdf.pages)}

    @cached_property
    def items(self) -> dict[int, list[Item]]:
        """Every element under the tree's root: each item of its /K as written, the child it
        refers to (or None), and the page index of marked content (its own /Pg, or the
        element's)."""
        found: dict[int, list[Item]] = {}
        todo = children(self.pdf.head(self.root)) if self.root else []
        while todo:
            element = todo.pop()
            head = self.pdf.head(element)
            own = ON_PAGE.search(CHILDREN.sub(b"", head))
            listed = CHILDREN.search(head)
            found[element] = [self.item(match, own) for match in
                              ITEM.finditer(listed.group(1) if listed else b"")]
            todo += [kid for _, kid, _ in found[element] if kid is not None]
        return found

    def item(self, match: re.Match[bytes], own: re.Match[bytes] | None) -> Item:
        if match.group(1):
            return match.group(), int(match.group(1)), None
        page = ON_PAGE.search(match.group()) or own
        return match.group(), None, self.page_index.get(int(page.group(1))) if page else None

    @cached_property
    def spans(self) -> dict[int, tuple[int, int]]:
        """The first and last page index of each element's content (none: (len, -1))."""
        found: dict[int, tuple[int, int]] = {}
        for element in reversed(list(self.items)):  # listed parents first: children come back first
            pages = [page for _, kid, page in self.items[element] if page is not None]
            pages += [edge for _, kid, _ in self.items[element] if kid is not None for edge in found[kid]
                      if 0 <= edge < len(self.page_index)]
            found[element] = (min(pages), max(pages)) if pages else (len(self.page_index), -1)
        return found

    def on(self, first: int, end: int) -> dict[int, bytes]:
        """The heads to write instead of the batch's, for the tree cut to pages [first, end):
        each element spanning beyond them, and the parent and ID trees with their entries."""
        if self.root is None:
            return {}
        heads, todo = {}, children(self.pdf.head(self.root))
        while todo:
            element = todo.pop()
            low, high = self.spans[element]
            if first <= low and high < end:
                continue  # wholly on these pages: copied as it is
            kept = [self.items[element][i][:2] for i in self.by_page[element].within(first, end)]
            head = self.pdf.head(element)
            listed = CHILDREN.search(head)
            if listed:
                heads[element] = (head[:listed.start()] + b"/K [" + b" ".join(raw for raw, _ in kept)
                                  + b"]" + head[listed.end():])
            todo += [kid for _, kid in kept if kid is not None]
        pages = set(self.pdf.pages[first:end])
        tree = int(value(self.pdf.head(self.root), b"ParentTree") or 0)
        heads[tree] = self.parent_tree_on(tree, pages)
        ids = value(self.pdf.head(self.root), b"IDTree")
        if ids:
            heads[int(ids)] = self.id_tree_on(int(ids), first, end)
        return heads

    @cached_property
    def by_page(self) -> dict[int, PageIndex]:
        """For each element, which of its items are on each page: a child whose content is on
        it, or marked content on it (a cut reads the few on its pages, not all of a batch's)."""
        index = {}
        for element, items in self.items.items():
            spans = [self.spans.get(kid, (len(self.page_index), -1)) if kid is not None
                     else (page, page) if page is not None else (len(self.page_index), -1)
                     for _, kid, page in items]
            index[element] = PageIndex(spans)
        return index

    def overlaps(self, element: int, first: int, end: int) -> bool:
        low, high = self.spans.get(element, (end, -1))
        return low < end and high >= first

    def parent_tree_on(self, tree: int, pages: set[int]) -> bytes:
        """The parent tree with the entries of these pages' content and annotations only."""
        keys = {value(self.pdf.head(page), b"StructParents") for page in pages}
        keys |= {value(self.pdf.head(int(annot)), b"StructParent") for page in pages
                 for annot in REF.findall(array(self.pdf.head(page), b"Annots") or b"")}
        nums = b" ".join(entry for key, entry in self.parent_entries.items() if key in keys)
        head = self.pdf.head(tree)
        found = re.search(rb"/Nums\s*\[[^\]]*\]", head)
        return head[:found.start()] + b"/Nums [" + nums + b"]" + head[found.end():] if found else head

    @cached_property
    def parent_entries(self) -> dict[bytes, bytes]:
        """The parent tree's entries (`key ref`) by key, in its (sorted) order, read once a batch."""
        tree = int(value(self.pdf.head(self.root or 0), b"ParentTree") or 0)
        found = re.findall(rb"(\d+)\s+(\d+ 0 R)", array(self.pdf.head(tree), b"Nums") or b"")
        return {key: key + b" " + ref for key, ref in found}

    def id_tree_on(self, tree: int, first: int, end: int) -> bytes:
        """The tree of element IDs (a table's cells name their header cells by ID) as one node
        holding only the elements on these pages, in the batch's (sorted) order."""
        names, todo = [], [tree]
        while todo:
            node = self.pdf.head(todo.pop(0))
            todo += [int(kid) for kid in REF.findall(array(node, b"Kids") or b"")]
            names += [(name, ref) for name, ref in NAMED_ID.findall(array(node, b"Names") or b"")
                      if self.overlaps(int(ref), first, end)]
        return b"<</Names [" + b" ".join(b"%s %s 0 R" % pair for pair in names) + b"]>>"


class PageIndex:
    """Which items (by place, each with the span of page indexes it is on) are on some pages."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        self.on_page: dict[int, list[int]] = {}
        for i, (low, high) in enumerate(spans):
            for page in range(low, high + 1):
                self.on_page.setdefault(page, []).append(i)

    def within(self, first: int, end: int) -> list[int]:
        """The items on any page in [first, end), in their order."""
        return sorted({i for page in range(first, end) for i in self.on_page.get(page, ())})
