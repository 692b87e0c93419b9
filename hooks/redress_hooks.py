"""MkDocs adapter: copies the core's site plan into the config and adds its pages in memory."""
from collections.abc import Callable

from dirty_serve import DirtyServe, GeneratedPage  # beside this file: MkDocs 1.6 finds it
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import Files, InclusionLevel
from search_segmentation import use_rjieba
from theme_context import escaped, on_template_context  # noqa: F401 (the 404 page's links)

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
    use_rjieba(config.plugins)  # after the search plugin's own on_config: it runs first
    config.extra.update(alternate=plan.alternate, redress_cover=plan.booklet, redress_search=plan.search)
    if not config.use_directory_urls:  # the offline bundle: Material disables instant loading
        features = config.theme["features"]  # on file:// anyway, and completes document$ unfired
        config.theme["features"] = [f for f in features if f != "navigation.instant"]
    if (printer := config.plugins.get("print-site")) is not None:  # its print page: booklet only
        printer.config["toc_title"] = plan.booklet["toc_title"]
        if hasattr(printer, "print_page"):
            printer.print_page.title = plan.booklet["page_title"]
    return config


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


def on_post_build(config: MkDocsConfig) -> None:
    serve.build_went_through()


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[[], None]) -> None:
    for folder in watched_folders():
        server.watch(str(folder))
