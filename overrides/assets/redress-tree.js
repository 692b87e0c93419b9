/* Redress decision-tree widget: one question at a time, answered in place, the address kept in step
   with the static page of each step (so a step can be shared). The static pages work without it.
   Started through Material's document$, so it also runs after instant navigation.
   A page carries only the part of the tree below its own question ({at, nodes, labels}): answers
   further down are given in place; an earlier step, or the start, is loaded as its own page. */
(function () {
  "use strict";

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  function Widget(box) {
    this.box = box;
    this.tree = JSON.parse(box.getAttribute("data-tree"));
    this.path = box.getAttribute("data-path") ? box.getAttribute("data-path").split("/") : [];
    this.home = this.path;  // the path of this page's own question, where this.tree starts
    var start = box.querySelector("a.redress-tree-start").href;
    // Pages live at tree/<a>/<b>/ online and at tree/<a>/<b>.html from disk (no directory URLs).
    this.suffix = /index\.html$/.test(start) ? ".html" : "/";
    this.base = start.replace(/index\.html$/, "");
  }

  Widget.prototype.urlOf = function (path) {
    if (!path.length) return this.suffix === "/" ? this.base : this.base + "index.html";
    return this.base + path.join("/") + this.suffix;
  };

  // The node a path reaches, or null when the path does not pass through this page's question.
  Widget.prototype.nodeAt = function (path) {
    var home = this.home, id = this.tree.at, nodes = this.tree.nodes;
    var below = path.length >= home.length && home.every(function (answer, i) { return path[i] === answer; });
    if (!below) return null;
    path.slice(home.length).forEach(function (answer) {
      var chosen = nodes[id].options.filter(function (o) { return o.id === answer; })[0];
      id = chosen.next;
    });
    return nodes[id];
  };

  Widget.prototype.load = function (path, push) {
    // A step taken by the reader adds to the history; one the history itself asked for replaces.
    if (push) window.location.assign(this.urlOf(path));
    else window.location.replace(this.urlOf(path));
  };

  Widget.prototype.go = function (path, push) {
    var node = this.nodeAt(path);
    if (!node || node.kind !== "question") {
      this.load(path, push);  // outcomes, and steps above this page, are full pages of their own
      return;
    }
    if (push) {
      try {
        window.history.pushState({ redressTree: path }, "", this.urlOf(path));
      } catch (refused) {
        this.load(path, true);  // from disk, browsers refuse another file's URL
        return;
      }
    }
    this.path = path;
    this.render(node);
  };

  Widget.prototype.render = function (node) {
    var self = this, labels = this.tree.labels;
    var box = element("div", "redress-tree-widget");
    var title = element("h1", null, node.text);
    title.tabIndex = -1;
    box.appendChild(title);
    if (node.hint) box.appendChild(element("p", null, node.hint));
    var list = element("ul", "redress-tree-options");
    node.options.forEach(function (option) {
      var item = element("li");
      var button = element("button", "md-button redress-answer", option.label);
      button.type = "button";
      button.addEventListener("click", function () { self.go(self.path.concat(option.id), true); });
      item.appendChild(button);
      list.appendChild(item);
    });
    box.appendChild(list);
    if (this.path.length) box.appendChild(this.controls(labels));
    this.box.replaceChildren(box);
    title.focus();
  };

  Widget.prototype.controls = function (labels) {
    var self = this, bar = element("p", "redress-tree-controls");
    [[labels.tree_back, this.path.slice(0, -1)], [labels.tree_start_again, []]].forEach(function (pair) {
      var button = element("button", "md-button", pair[0]);
      button.type = "button";
      button.addEventListener("click", function () { self.go(pair[1], true); });
      bar.appendChild(button);
    });
    return bar;
  };

  function init() {
    var box = document.querySelector(".redress-tree[data-tree]");
    if (!box || box.getAttribute("data-ready")) return;
    box.setAttribute("data-ready", "true");
    var widget = new Widget(box);
    widget.go(widget.path, false);
    window.onpopstate = function (event) {
      if (event.state && event.state.redressTree && document.body.contains(box)) {
        widget.go(event.state.redressTree, false);
      }
    };
  }

  function whenReady() {
    if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
    else init();
  }

  // Material's document$ fires once the page is ready. Where it completes without firing (from
  // disk with Material's instant loading configured, which this site no longer uses) or is
  // missing, start on our own.
  if (window.document$ && typeof window.document$.subscribe === "function") {
    var fired = false;
    window.document$.subscribe({
      next: function () { fired = true; init(); },
      complete: function () { if (!fired) whenReady(); }
    });
  } else {
    whenReady();
  }
})();
