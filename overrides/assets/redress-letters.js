/* Redress "write it for me": the form on a situation's letters page fills every text live.
   Loaded only by that page (its front matter names it). The page works without it: every text
   is there as a template with its 【blanks】, printable. Here, each 【blank】 the reader has
   filled is replaced in every text; each text becomes editable (an edited text is no longer
   overwritten), with a copy button and, where a channel limits it, a character count.
   Nothing is sent anywhere. Values are kept only while "remember on this device" is ticked,
   through redress-remember.js (localStorage in this browser). */
(function () {
  "use strict";

  var BLANK = /【([^【】]*)】/g;
  // The tool's styles travel with it (redress.css loads on every page, and guides have a weight
  // budget). On screen the textarea replaces the template; on paper the template, kept in step
  // with the textarea, prints instead.
  var STYLE = ".redress-letters-live .redress-text,.redress-letters-live .redress-no-js{display:none}" +
    ".redress-field{margin:.8em 0}.redress-field label{display:block;font-weight:700}" +
    ".redress-hint{display:block;font-size:.85em}" +
    ".redress-field input,.redress-field textarea,.redress-edit{box-sizing:border-box;width:100%;" +
    "font:inherit;padding:.4em;border:1px solid #757575;border-radius:2px;background:#fff;color:#000}" +
    ".redress-personal{border:1px solid #757575;margin:1em 0;padding:0 .8em}" +
    ".redress-tools{display:flex;flex-wrap:wrap;gap:.6em;align-items:center;margin:.3em 0 1em}" +
    ".redress-over{color:#b00020;font-weight:700}" +
    "@media print{.redress-letters-live .redress-text{display:block}" +
    ".redress-edit,.redress-tools,.redress-letters-form{display:none}}";

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  // A date input gives 2026-11-03; a Chinese letter says 2026年11月3日.
  function shown(input) {
    var value = input.value.trim();
    var date = input.type === "date" && /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
    return date ? date[1] + "年" + Number(date[2]) + "月" + Number(date[3]) + "日" : value;
  }

  function today() {
    var now = new Date();
    return now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" +
      String(now.getDate()).padStart(2, "0");
  }

  function Builder(form) {
    this.form = form;
    this.data = JSON.parse(form.getAttribute("data-letters"));
    this.labels = JSON.parse(form.getAttribute("data-labels"));
    this.inputs = Array.prototype.slice.call(form.querySelectorAll("input[name], textarea[name]"));
    this.byBlank = {};
    var fields = this.data.fields, self = this;
    Object.keys(fields).forEach(function (id) { self.byBlank[fields[id]] = id; });
    this.remember = form.querySelector("#redress-remember");
    this.status = form.querySelector("#redress-status");
    this.kept = window.RedressRemember ? window.RedressRemember.open("redress-letters") : null;
    this.boxes = [];
  }

  Builder.prototype.start = function () {
    var self = this;
    document.querySelectorAll(".redress-letter").forEach(function (letter) {
      var templates = self.data.letters[letter.getAttribute("data-letter")].blocks;
      var limit = Number(letter.getAttribute("data-limit")) || 0;
      letter.querySelectorAll(".redress-block").forEach(function (block, index) {
        self.boxes.push(self.editable(block, templates[index], limit));
      });
    });
    var kept = this.kept && this.kept.load();
    if (kept) {
      this.inputs.forEach(function (input) { if (kept[input.name]) input.value = kept[input.name]; });
      this.remember.checked = true;
    }
    var dated = this.form.querySelector("input[name='letter-date']");
    if (dated && !dated.value) dated.value = today();
    this.form.addEventListener("input", function (event) {
      if (event.target !== self.remember) self.refresh();
    });
    this.remember.addEventListener("change", function () { self.rememberChanged(); });
    this.form.querySelector("#redress-clear").addEventListener("click", function () { self.clear(); });
    if (!document.getElementById("redress-letters-style")) {
      var style = element("style", "", STYLE);
      style.id = "redress-letters-style";
      document.head.appendChild(style);
    }
    this.form.hidden = false;
    document.documentElement.classList.add("redress-letters-live");
    this.refresh();
  };

  // The template's <pre> stays (it prints); a textarea beside it is what the reader edits.
  Builder.prototype.editable = function (block, template, limit) {
    var pre = block.querySelector("pre.redress-text");
    var label = block.querySelector(".redress-block-label");
    var heading = block.closest(".redress-letter").previousElementSibling;
    while (heading && !/^H[1-6]$/.test(heading.tagName)) heading = heading.previousElementSibling;
    var area = element("textarea", "redress-edit");
    area.lang = "zh-CN";
    area.setAttribute("aria-label", (label || heading || pre).textContent.trim());
    var tools = element("div", "redress-tools");
    var copy = element("button", "md-button redress-copy", this.labels.copy);
    copy.type = "button";
    var said = element("span", "redress-said");
    said.setAttribute("role", "status");
    var count = limit ? element("span", "redress-count") : null;
    tools.appendChild(copy);
    if (count) tools.appendChild(count);
    tools.appendChild(said);
    pre.parentNode.insertBefore(area, pre.nextSibling);
    area.parentNode.insertBefore(tools, area.nextSibling);
    var box = { template: template, area: area, pre: pre, count: count, limit: limit, edited: false };
    var self = this;
    area.addEventListener("input", function () {
      box.edited = true;
      pre.textContent = area.value;
      said.textContent = self.labels.edited;
      self.counted(box);
    });
    copy.addEventListener("click", function () { self.copy(area, said); });
    return box;
  };

  Builder.prototype.values = function () {
    var values = {};
    this.inputs.forEach(function (input) { if (input.value.trim()) values[input.name] = input.value; });
    return values;
  };

  Builder.prototype.filled = function (template) {
    var self = this;
    return template.replace(BLANK, function (whole, blank) {
      var id = self.byBlank[blank];
      var input = id && self.form.querySelector("[name='" + id + "']");
      var value = input ? shown(input) : "";
      return value || whole;
    });
  };

  Builder.prototype.refresh = function () {
    var self = this;
    this.boxes.forEach(function (box) {
      if (!box.edited) {
        box.area.value = self.filled(box.template);
        box.pre.textContent = box.area.value;
      }
      box.area.rows = Math.min(16, Math.max(2, Math.ceil(box.area.value.length / 28)));
      self.counted(box);
    });
    if (this.kept && this.remember.checked) this.kept.save(this.values());
  };

  Builder.prototype.counted = function (box) {
    if (!box.count) return;
    var length = Array.from(box.area.value).length;
    box.count.textContent = this.labels.characters + " " + length + " / " + box.limit;
    box.count.classList.toggle("redress-over", length > box.limit);
  };

  Builder.prototype.rememberChanged = function () {
    if (!this.kept) return;
    if (this.remember.checked) this.kept.save(this.values());
    else this.kept.clear();
  };

  Builder.prototype.clear = function () {
    if (this.kept) this.kept.clear();
    this.remember.checked = false;
    this.inputs.forEach(function (input) { input.value = input.name === "letter-date" ? today() : ""; });
    this.boxes.forEach(function (box) { box.edited = false; });
    this.refresh();
    this.status.textContent = this.labels.cleared;
  };

  // The Clipboard API where the browser allows it; else the text selected, for the reader's own copy.
  Builder.prototype.copy = function (area, said) {
    var labels = this.labels;
    function fallback() {
      area.focus();
      area.select();
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (refused) { copied = false; }
      said.textContent = copied ? labels.copied : labels.fallback;
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(area.value).then(function () {
        said.textContent = labels.copied;
      }, fallback);
    } else {
      fallback();
    }
  };

  function begin() {
    var form = document.getElementById("redress-letters-form");
    if (!form || form.getAttribute("data-started")) return;
    form.setAttribute("data-started", "yes");
    new Builder(form).start();
  }

  // If redress-remember.js has not run yet (a page that lists it after this file), wait briefly.
  if (window.RedressRemember) begin();
  else {
    document.addEventListener("redress-remember-ready", begin, { once: true });
    window.setTimeout(begin, 1000);
  }
})();
