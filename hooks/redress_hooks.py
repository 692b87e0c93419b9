"""MkDocs adapter: copies the core's site plan into the config and adds its pages in memory."""
import os
from collections.abc import Callable

from dirty_serve import DirtyServe, GeneratedPage  # beside this file: MkDocs 1.6 finds it
from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files, InclusionLevel
from theme_context import escaped

from redress.pages.plan import SitePlan
from redress.pages.plan_source import DataProblems, plan_for, watched_folders

serve = DirtyServe()  # MkDocs loads a hook once per process: this outlives a rebuild
plans: dict[str, SitePlan] = {}


def on_startup(command: str, dirty: bool) -> None:
    serve.active = command == "serve" and dirty


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    try:
        plan = plans["now"] = plan_for(config.theme["language"], config.use_directory_urls,
                                       config.extra.get("repository", ""))
    except DataProblems as problems:
        raise PluginError(problems.report()) from None
    config.site_name, config.nav = escaped(plan.site_name), plan.nav  # Material prints it raw
    if plan.source_date_epoch:  # the build's time is the data's, never the clock's: MkDocs
        os.environ["SOURCE_DATE_EPOCH"] = plan.source_date_epoch  # reads it from here on
    config.extra.update(alternate=plan.alternate, redress_search=plan.search)
    return config  # theme_context.py (listed after this hook) hands the theme the rest


def on_files(files: Files, config: MkDocsConfig) -> Files:
    previous = serve.last_texts(files, config, plans["now"])
    for page in plans["now"].pages:
        inclusion = InclusionLevel.UNDEFINED if page.in_nav else InclusionLevel.NOT_IN_NAV
        file = GeneratedPage.generated(config, page.uri, content=page.markdown, inclusion=inclusion)
        assert isinstance(file, GeneratedPage)  # generated() makes one of the class it is called on
        file.unchanged = previous.get(page.uri) == page.markdown
        files.append(file)
    serve.keep_search_whole(files, config)
    return files


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    serve.reuse_templates(env)  # before any template is loaded: pages are rendered after this
    return env


def on_post_build(config: MkDocsConfig) -> None:
    serve.build_went_through()


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[[], None]) -> None:
    for folder in watched_folders():
        server.watch(str(folder))
