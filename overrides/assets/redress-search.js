/* Material's search, loaded before its bundle (ARCHITECTURE.md, "Workarounds"): the index and the
   worker wait until search opens; the worker is redress-search-worker.js, which loads Material's. */
(function () {
  "use strict";
  var RealWorker = window.Worker;
  var READY = 1, QUERY = 2;  // Material's message types: worker ready, search query
  var here = document.currentScript ? document.currentScript.src : "";
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

  // The worker that searches by meaning, given Material's worker to load (as an absolute address).
  function ours(url) {
    if (!here) return url;
    return here.replace(/redress-search\.js(\?.*)?$/, "redress-search-worker.js") + "#" +
      encodeURIComponent(new URL(url, location.href).href);
  }

  // A query typed before the worker has built its index is answered empty and never asked again
  // (likely on a slow phone, and always when the index is fetched only as search opens): ask the
  // last query again once the worker says it is ready.
  function askAgainWhenReady(worker) {
    var last = null;
    var post = worker.postMessage;
    worker.postMessage = function (message) {
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
      real = askAgainWhenReady(new RealWorker(ours(url), options));
      listeners.forEach(function (l) { real.addEventListener(l[0], l[1], l[2]); });
      if (self.onmessage) real.onmessage = self.onmessage;
      waiting.forEach(function (message) { real.postMessage(message); });
    });
  }

  // From disk the worker is a polyfill built on an iframe; there is no download to save there.
  function EagerWorker(url, options) {
    return askAgainWhenReady(new RealWorker(ours(url), options));
  }

  if (RealWorker) window.Worker = location.protocol === "file:" ? EagerWorker : LazyWorker;

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
