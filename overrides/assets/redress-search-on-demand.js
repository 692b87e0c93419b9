/* Search index on demand: Material fetches search/search_index.json on every page load, which on a
   slow connection costs more than the page itself. Hold that one request until the reader opens or
   focuses search; everything else goes through untouched. Without JavaScript there is no search. */
(function () {
  "use strict";
  var realFetch = window.fetch;
  if (!realFetch) return;
  var release;
  var opened = new Promise(function (resolve) { release = resolve; });

  function watch() {
    var toggle = document.getElementById("__search");
    var input = document.querySelector("[data-md-component=search-query]");
    if (toggle) toggle.addEventListener("change", release);
    if (input) {
      input.addEventListener("focus", release);
      input.addEventListener("input", release);
    }
    if (toggle && toggle.checked) release();
  }

  window.fetch = function (resource) {
    var url = String((resource && resource.url) || resource);
    if (/\/search\/search_index\.json(\?|$)/.test(url)) {
      var args = arguments;
      return opened.then(function () { return realFetch.apply(window, args); });
    }
    return realFetch.apply(window, arguments);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
