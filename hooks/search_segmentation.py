"""MkDocs hook for Material's Chinese search segmentation: rjieba (jieba-rs) in place of jieba.

Material's search plugin imports jieba at module level and calls `jieba.cut(run.encode())` on
every Han run of every page (pure Python: about a quarter of a large zh build). rjieba cuts the
same words (tests/test_segmentation.py names the runs where it does not) many times faster.
Without rjieba, or when the site sets a jieba dictionary (rjieba cannot load one), Material
keeps jieba and the build is only slower. A hook of its own (base.yml), not part of the page
hook, so that the staged site (`redress stage`, no page hook) is indexed the same.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any, Protocol

from mkdocs.config.defaults import MkDocsConfig

Cut = Callable[..., list[str]]
try:
    from rjieba import cut as rjieba_cut
except ImportError:  # jieba stays: the same index, more slowly
    RJIEBA: Cut | None = None
else:
    RJIEBA = rjieba_cut

SEARCH_PLUGINS = ("material/search", "search")  # how MkDocs names Material's search plugin
DICTIONARY_OPTIONS = ("jieba_dict", "jieba_dict_user")


class Plugins(Protocol):
    """What is read of the config's plugin collection."""

    def get(self, name: str) -> Any: ...


class RJiebaCut:
    """The part of jieba's interface Material's search calls: `cut(bytes)` gives an iterator of
    words (jieba decodes bytes itself, rjieba takes text). Anything else (set_dictionary, which
    Material's on_config calls before ours when a dictionary is set) goes to jieba."""

    def __init__(self, cut: Cut, jieba: Any) -> None:
        self._cut, self._jieba = cut, jieba

    def __getattr__(self, name: str) -> Any:
        if self._jieba is None:
            raise AttributeError(name)
        return getattr(self._jieba, name)

    def cut(self, sentence: bytes | str, cut_all: bool = False, HMM: bool = True) -> Iterator[str]:
        if cut_all:  # Material never asks for it; rjieba's cut_all differs from jieba's
            raise NotImplementedError("cut_all")
        text = sentence.decode("utf-8") if isinstance(sentence, bytes) else sentence
        return iter(self._cut(text, hmm=HMM))


def search_module() -> Any:
    """Material's search plugin module (untyped), or None when Material is not installed."""
    try:
        from material.plugins.search import plugin
    except ImportError:
        return None
    return plugin


def material_search_config(plugins: Plugins) -> Any:
    """The config of Material's search plugin when the site uses it, else None."""
    module = search_module()
    for name in SEARCH_PLUGINS:
        found = plugins.get(name)
        if module is not None and isinstance(found, module.SearchPlugin):
            return found.config
    return None


ORIGINAL: dict[str, Any] = {}  # the jieba Material imported, to give back when rjieba cannot do


def use_rjieba(plugins: Plugins) -> bool:
    """Point Material's search at rjieba when it can stand in for jieba; say whether it does.
    Called on every config (serve reloads it), so it also undoes itself when no longer fit."""
    module, config = search_module(), material_search_config(plugins)
    if module is None or config is None:
        return False
    jieba = ORIGINAL.setdefault("jieba", module.jieba)
    if RJIEBA is None or any(config.get(key) for key in DICTIONARY_OPTIONS):
        module.jieba = jieba
        return False
    module.jieba = RJiebaCut(RJIEBA, jieba)
    return True


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Hooks' on_config runs after every plugin's, so Material has read its jieba options."""
    use_rjieba(config.plugins)
    return config
