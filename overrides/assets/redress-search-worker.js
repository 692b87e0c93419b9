/* The search worker: Material's own (named after "#" in this script's address by redress-search.js),
   with the query built by meaning instead of by prefix. Material's worker turns every query word
   into a prefix in every field, so a short word matched every longer tag that starts with it
   (商家 found 商家砍单), English words were never stemmed, and a Chinese query of several words
   always reported all but the last as missing (its terms kept a doubled "*").
   Here, before Material's handler sees a message:
   - the query is cut into the index's own words (the longest known words, fewest pieces), common
     words that say nothing (的, 了, my, not) are dropped, and words the index lacks are kept aside;
   - lunr's search is replaced by one clause per word: the whole word in every field (through the
     index's pipeline, so English is stemmed like the index), and only the word being typed (the
     last, with no space after it) also as a prefix, in titles and text only, weighing less;
   - Material is handed the words one by one, so its results say which words a page has; the
     words the index lacks are added to every result as missing, and nothing else is. */
(function () {
  "use strict";
  var SETUP = 0, QUERY = 2, RESULT = 3;  // Material's message types
  var SENTINEL = "\u3400";  // in no index: Material's Chinese splitter then keeps a known word whole
  var HAN = /\p{Script=Han}/u;
  var QUIET = new Set(("的 了 我 你 他 她 它 是 在 吗 呢 吧 啊 呀 和 与 就 都 也 还 又 要 会 能 " +
    "被 把 给 让 说 这 那 个 怎么 怎么办 什么 为什么 一直 已经 不 没 我的 了吗 该 啥 咋 呢").split(" "));
  var here = self.document && document.currentScript ? document.currentScript.src : String(self.location);
  var material = decodeURIComponent(here.slice(here.indexOf("#") + 1).split("?")[0]);
  var state = { index: null, separator: /\s+/, words: [], absent: [] };

  function patch(lunr) {
    var build = lunr.Builder.prototype.build;
    lunr.Builder.prototype.build = function () {
      return (state.index = build.call(this));
    };
    lunr.Index.prototype.search = function () {  // Material's query string is ignored: see above
      var fields = this.fields, text = ["title", "text"], words = state.words;
      return this.query(function (query) {
        words.forEach(function (word) {
          query.term(word.text, { fields: fields, usePipeline: true });
          if (word.typing) query.term(word.text, { fields: text, usePipeline: false, boost: 0.3,
                                                   wildcard: lunr.Query.wildcard.TRAILING });
        });
      });
    };
  }

  // A run of Han characters as the index's words: fewest pieces, characters the index does not
  // know gathered into one absent piece.
  function cut(run, known) {
    var best = [{ cost: 0, from: -1 }];
    for (var end = 1; end <= run.length; end++) {
      best[end] = { cost: best[end - 1].cost + 3, from: end - 1, absent: true };
      for (var start = Math.max(0, end - 12); start < end; start++) {
        if (run.slice(start, end) in known && best[start].cost + 1 < best[end].cost) {
          best[end] = { cost: best[start].cost + 1, from: start };
        }
      }
    }
    var pieces = [];
    for (var at = run.length; at > 0; at = best[at].from) {
      var piece = { text: run.slice(best[at].from, at), absent: !!best[at].absent };
      var next = pieces[0];
      if (next && next.absent && piece.absent) next.text = piece.text + next.text;
      else pieces.unshift(piece);
    }
    return pieces;
  }

  function understood(query) {
    var known = state.index ? state.index.invertedIndex : {};
    var parts = query.replace(/[*+:^~"]/g, " ").split(state.separator).filter(Boolean);
    var words = [], absent = [];
    parts.forEach(function (part, n) {
      var pieces = HAN.test(part) ? cut(part, known) : [{ text: part.toLowerCase() }];
      pieces.forEach(function (piece, i) {
        if (QUIET.has(piece.text) || !self.lunr.stopWordFilter(new self.lunr.Token(piece.text))) return;
        var key = state.index ? state.index.pipeline.runString(piece.text)[0] : piece.text;
        if (key === undefined) return;  // an English stop word
        var typing = n === parts.length - 1 && i === pieces.length - 1 && !/\s$/.test(query);
        if (!typing && (piece.absent || !(key in known))) absent.push(piece.text);
        else words.push({ text: piece.text, key: key, typing: typing });
      });
    });
    state.words = words;
    state.absent = absent;
    return words.map(function (w) { return HAN.test(w.key) ? w.key + SENTINEL : w.key; }).join(" ");
  }

  // Material's terms are keyed by what it was handed (a stem, for English) and say what one
  // section has: key them by the reader's words, say what the whole page has (the result lists
  // pages), and add the words the index lacks.
  function relabel(group) {
    var said = {};
    state.words.forEach(function (w) {
      said[w.text] = group.some(function (doc) { return doc.terms && doc.terms[w.key]; });
    });
    state.absent.forEach(function (text) { said[text] = false; });
    group.forEach(function (doc) { doc.terms = said; });
  }

  addEventListener("message", function (event) {  // added before Material's handler: runs first
    var message = event.data;
    if (message && message.type === SETUP) state.separator = new RegExp(message.data.config.separator);
    if (message && message.type === QUERY && typeof message.data === "string") {
      message.data = understood(message.data);
    }
  });

  var post = self.postMessage;
  self.postMessage = function (message) {
    if (message && message.type === RESULT && message.data && message.data.items) {
      message.data.items.forEach(relabel);
    }
    return post.apply(self, arguments);
  };

  var loaded = importScripts(material);  // a promise from disk (iframe-worker), at once otherwise
  if (loaded && loaded.then) loaded.then(function () { patch(self.lunr); });
  else patch(self.lunr);
})();
