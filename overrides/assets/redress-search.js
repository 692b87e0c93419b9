/* Fixes to Material's search, loaded before its bundle; without JavaScript there is no search.
   1. Index on demand: Material requests search/search_index.json on every page load, which on a
      slow connection costs more than the page itself. Hold that one request until the reader opens
      or focuses search; every other request goes through untouched.
      The worker's script waits too.
   2. Whole Chinese words: the worker splits a run of Han characters against the index vocabulary
      but never tries the whole run (its loop stops one short), so 发货 is searched as 发* 货* and
      finds every page with 发 or 货. A Han character that is in no index (U+3400) after each run
      lets the whole run be found; the worker drops the unknown character again. */
(function () {
  "use strict";
  var RealWorker = window.Worker;
  var READY = 1, QUERY = 2;  // Material's message types: worker ready, search query
  var SENTINEL = "\u3400";
  var release;
  var opened = new Promise(function (resolve) { release = resolve; });

  function watch() {
    var toggle = document.getElementById("__search");
    var input = document.querySelector("[data-md-component=search-query]");
    if (toggle) toggle.addEventListener("change", function () { if (toggle.checked) release(); });
    if (input) {
      input.addEventListener("focus", release);
      input.addEventListener("input", release);
      // Material reads the query on keyup; text put in without keys (an IME commit, a paste from
      // the menu, voice input) would never be searched. Any change of the text counts as one.
      input.addEventListener("input", function () {
        input.dispatchEvent(new KeyboardEvent("keyup", { bubbles: true }));
      });
    }
    if (toggle && toggle.checked) release();
  }

  // Material requests the index with XMLHttpRequest: hold its send() until search is opened.
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function (method, url) {
    this.redressIndex = /\/search\/search_index\.json(\?|$)/.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function () {
    var request = this, args = arguments;
    if (!request.redressIndex) return send.apply(request, args);
    opened.then(function () { send.apply(request, args); });
  };

  function rewrite(message) {
    if (message && message.type === QUERY && typeof message.data === "string") {
      return { type: QUERY, data: message.data.replace(/\p{Script=Han}+/gu, "$&" + SENTINEL) };
    }
    return message;
  }

  // A query typed before the worker has built its index is answered empty and never asked again
  // (likely on a slow phone, and always when the index is fetched only as search opens): ask the
  // last query again once the worker says it is ready.
  function askAgainWhenReady(worker) {
    var last = null;
    var post = worker.postMessage;
    worker.postMessage = function (message) {
      message = rewrite(message);
      if (message && message.type === QUERY) last = message;
      return post.call(worker, message);
    };
    worker.addEventListener("message", function (event) {
      if (event.data && event.data.type === READY && last) post.call(worker, last);
    });
    return worker;
  }

  // The search worker's own script is not fetched until search is opened either: the bundle gets
  // a stand-in that keeps its listeners and messages and hands them to the real worker then.
  function LazyWorker(url, options) {
    var waiting = [], listeners = [], real = null, self = this;
    this.postMessage = function (message) {
      if (real) real.postMessage(message);
      else waiting.push(message);
    };
    this.addEventListener = function (type, listener, flags) {
      if (real) real.addEventListener(type, listener, flags);
      else listeners.push([type, listener, flags]);
    };
    this.removeEventListener = function (type, listener, flags) {
      if (real) real.removeEventListener(type, listener, flags);
      listeners = listeners.filter(function (l) { return l[0] !== type || l[1] !== listener; });
    };
    this.terminate = function () { if (real) real.terminate(); waiting = []; };
    opened.then(function () {
      real = askAgainWhenReady(new RealWorker(url, options));
      listeners.forEach(function (l) { real.addEventListener(l[0], l[1], l[2]); });
      if (self.onmessage) real.onmessage = self.onmessage;
      waiting.forEach(function (message) { real.postMessage(message); });
    });
  }

  // From disk the worker is a polyfill built on an iframe; there is no download to save there.
  function EagerWorker(url, options) {
    return askAgainWhenReady(new RealWorker(url, options));
  }

  if (RealWorker) window.Worker = location.protocol === "file:" ? EagerWorker : LazyWorker;

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
