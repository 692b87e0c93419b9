/* The language switch after instant navigation. Each page's header links the same page in the
   other language (written at build time, so the link works from disk and without JavaScript),
   but Material's instant navigation keeps the header of the first page it loaded. Bring its
   links in step with the page now shown: Material's own switch maps the page only once it has
   fetched the other site's sitemap, and until then (or if that fails) the link is followed. */
(function () {
  "use strict";

  // Each language's top, from the <link rel=alternate> tags Material keeps in step in <head>.
  function tops() {
    var found = {};
    document.querySelectorAll("head link[rel=alternate][hreflang]").forEach(function (link) {
      found[link.hreflang] = link.href.replace(/index\.html$/, "");
    });
    return found;
  }

  function update() {
    var top = tops(), here = top[document.documentElement.lang];
    var address = location.href.split("#")[0].split("?")[0];
    if (!here || address.indexOf(here) !== 0) return;
    var rest = address.slice(here.length);
    document.querySelectorAll("a.md-select__link[hreflang]").forEach(function (link) {
      if (top[link.hreflang]) link.href = top[link.hreflang] + rest;
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(update);
  }
})();
