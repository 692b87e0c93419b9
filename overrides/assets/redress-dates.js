/* Redress date tool: the buyer's dates in, every deadline on the page out as a date, with each step
   of the count shown, an .ics per deadline and a print button. Loaded by the date tool's page only.
   The worksheet lines it fills ([data-deadline]) are the page's own, so without this script the
   page is a worksheet to fill by hand. Nothing is sent or kept: the dates live in the form fields.
   The counting is the same as redress/dates/counting.py (a browser test compares them). */
(function () {
  "use strict";
  var DAY = 86400000;

  function parse(text) {
    var p = text.split("-");
    return new Date(Date.UTC(+p[0], +p[1] - 1, +p[2]));
  }
  function iso(day) { return day.toISOString().slice(0, 10); }
  function plus(day, days) { return new Date(day.getTime() + days * DAY); }

  function Calendar(data) {
    this.years = data.years;
    this.makeup = data.makeup;
    this.holidays = data.holidays;
  }
  Calendar.prototype.covers = function (day) { return this.years.indexOf(day.getUTCFullYear()) >= 0; };
  Calendar.prototype.holidayOf = function (day) {
    var text = iso(day);
    for (var i = 0; i < this.holidays.length; i++) {
      if (this.holidays[i].first <= text && text <= this.holidays[i].last) return this.holidays[i];
    }
    return null;
  };
  Calendar.prototype.isWorkingDay = function (day) {
    if (this.makeup.indexOf(iso(day)) >= 0) return true;
    return !this.holidayOf(day) && day.getUTCDay() % 6 !== 0;
  };
  Calendar.prototype.firstWorkingDay = function (day) {
    while (!this.isWorkingDay(day)) day = plus(day, 1);
    return day;
  };
  Calendar.prototype.nameOf = function (day) {
    var holiday = this.holidayOf(day);
    return holiday ? holiday.name : null;
  };

  function step(kind, first, last, name, basis) {
    return {kind: kind, first: iso(first), last: iso(last), name: name || null, basis: basis || null};
  }

  function addMonths(day, months) {
    var total = day.getUTCMonth() + months, year = day.getUTCFullYear() + Math.floor(total / 12);
    var month = total % 12, monthEnd = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
    return new Date(Date.UTC(year, month, Math.min(day.getUTCDate(), monthEnd)));
  }

  function workingDays(cal, start, length) {
    var steps = [], day = start, counted = 0;
    while (counted < length) {
      day = plus(day, 1);
      var last = steps[steps.length - 1];
      if (cal.isWorkingDay(day)) {
        counted += 1;
        if (day.getUTCDay() % 6 === 0) steps.push(step("makeup_counted", day, day));
      } else if (last && last.kind === "skipped" && last.last === iso(plus(day, -1))) {
        last.last = iso(day);
        last.name = last.name || cal.nameOf(day);
      } else {
        steps.push(step("skipped", day, day, cal.nameOf(day)));
      }
    }
    return {steps: steps, due: day};
  }

  /* The last day of `length` units counted from `start` (an ISO date); counting = [the article
     for the first day, the article for the last day]. Mirrors counting.count. */
  function count(cal, startText, length, unit, counting) {
    var start = parse(startText), dayOne = plus(start, 1), steps, due, checkedFrom;
    if (unit === "hours") {
      due = plus(start, Math.ceil(length / 24));
      steps = [step("hours", start, due, null, "civil-code-201")];
      checkedFrom = plus(due, 1);
    } else if (unit === "working-days") {
      var result = workingDays(cal, start, length);
      steps = [step("day_one", start, cal.firstWorkingDay(dayOne), null, counting[0])].concat(result.steps);
      due = result.due;
      checkedFrom = dayOne;
    } else {
      var end = unit === "calendar-days" ? plus(start, length)
        : addMonths(start, length * (unit === "years" ? 12 : 1));
      steps = [step("day_one", start, dayOne, null, counting[0])];
      if (unit !== "calendar-days" && end.getUTCDate() !== start.getUTCDate()) {
        steps.push(step("month_end", start, end, null, "civil-code-202"));
      }
      due = cal.firstWorkingDay(end);
      checkedFrom = end;
      if (due.getTime() !== end.getTime()) steps.push(step("moved", end, due, cal.nameOf(end), counting[1]));
    }
    var uncovered = [];
    for (var day = checkedFrom; day <= due; day = plus(day, 1)) if (!cal.covers(day)) uncovered.push(day);
    if (uncovered.length) steps.push(step("provisional", uncovered[0], uncovered[uncovered.length - 1]));
    return {due: iso(due), provisional: uncovered.length > 0, steps: steps};
  }

  function fill(label, values) {
    return label.replace(/\{(\w+)\}/g, function (all, name) { return name in values ? values[name] : all; });
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* iCalendar text: escaped, each line folded at 75 octets without splitting a character, CRLF. */
  function icsText(value) { return value.replace(/([\\;,])/g, "\\$1").replace(/\n/g, "\\n"); }
  function fold(line) {
    var out = [], current = "", size = 0, limit = 75;
    for (var i = 0; i < line.length; i++) {
      var ch = line[i], code = line.charCodeAt(i);
      if (code >= 0xd800 && code < 0xdc00) { ch += line[i + 1]; i++; }
      var octets = unescape(encodeURIComponent(ch)).length;
      if (size + octets > limit) { out.push(current); current = " "; size = 1; }
      current += ch; size += octets;
    }
    out.push(current);
    return out.join("\r\n");
  }
  function icsFile(deadline, due, summary, description, token) {
    var next = iso(plus(parse(due), 1)).replace(/-/g, ""), stamp = new Date().toISOString();
    var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Redress//Date tool//ZH", "CALSCALE:GREGORIAN",
      "BEGIN:VEVENT", "UID:" + deadline.id + "-" + token + "@redress",
      "DTSTAMP:" + stamp.replace(/[-:]/g, "").slice(0, 15) + "Z",
      "DTSTART;VALUE=DATE:" + due.replace(/-/g, ""), "DTEND;VALUE=DATE:" + next,
      "SUMMARY:" + icsText(summary), "DESCRIPTION:" + icsText(description), "TRANSP:TRANSPARENT",
      "END:VEVENT", "END:VCALENDAR"];
    return lines.map(fold).join("\r\n") + "\r\n";
  }

  function randomToken() {
    var bytes = new Uint8Array(8);
    window.crypto.getRandomValues(bytes);
    return Array.prototype.map.call(bytes, function (b) { return (b + 256).toString(16).slice(1); }).join("");
  }

  function Tool(box) {
    this.box = box;
    this.data = JSON.parse(box.getAttribute("data-dates"));
    this.labels = JSON.parse(box.getAttribute("data-labels"));
    this.cal = new Calendar(this.data.calendar);
    this.token = randomToken();  // one per visit: every .ics of this case shares it, nothing keeps it
    this.inApp = /MicroMessenger|XiaoHongShu|xhsdiscover/i.test(navigator.userAgent);
    this.byId = {};
    for (var i = 0; i < this.data.deadlines.length; i++) this.byId[this.data.deadlines[i].id] = this.data.deadlines[i];
    this.dateFormat = new Intl.DateTimeFormat(document.documentElement.lang || "zh-CN",
      {year: "numeric", month: "long", day: "numeric", weekday: "short", timeZone: "UTC"});
  }

  Tool.prototype.show = function (text) { return this.dateFormat.format(parse(text)); };

  Tool.prototype.build = function () {
    var L = this.labels, form = element("form", "redress-dates-form"), self = this;
    form.setAttribute("aria-label", L.your_dates);
    form.appendChild(element("p", "redress-dates-privacy", L.privacy));
    var events = [];
    this.data.deadlines.forEach(function (d) { if (events.indexOf(d.event) < 0) events.push(d.event); });
    this.inputs = {};
    events.forEach(function (event) {
      var row = element("p", "redress-dates-field"), label = element("label", null, L.events[event]);
      var input = element("input");
      input.type = "date";
      input.id = "redress-date-" + event;
      input.name = event;
      input.setAttribute("autocomplete", "off");
      label.htmlFor = input.id;
      row.appendChild(label);
      row.appendChild(input);
      form.appendChild(row);
      self.inputs[event] = input;
    });
    var print = element("button", "md-button", L.print);
    print.type = "button";
    print.addEventListener("click", function () { window.print(); });
    form.appendChild(print);
    this.status = element("p", "redress-dates-status");
    this.status.setAttribute("role", "status");
    form.appendChild(this.status);
    if (this.inApp) form.appendChild(element("p", "redress-dates-in-app", L.in_app));
    form.addEventListener("input", function () { self.update(); });
    form.addEventListener("submit", function (event) { event.preventDefault(); self.update(); });
    this.box.insertBefore(form, this.box.firstChild);
  };

  Tool.prototype.explain = function (s, deadline) {
    var L = this.labels, name = s.name || L.weekend;
    var values = {first: this.show(s.first), last: this.show(s.last), name: name, day: this.show(s.last),
                  start: this.show(s.first), n: deadline.length, years: s.first.slice(0, 4)};
    var kind = s.kind === "skipped" && s.first === s.last ? "skipped_day" : s.kind;
    var text = fill(L.steps[kind], values);
    if (s.basis && L.bases[s.basis]) text += L.open + L.bases[s.basis] + L.close;
    // The buyer's own windows from signing: the platform's button may not wait for the law.
    if (s.kind === "moved" && deadline.event === "signed_for") text += " " + L.platform_caveat;
    return text;
  };

  Tool.prototype.result = function (deadline, start, line) {
    var L = this.labels, counted = count(this.cal, start, deadline.length, deadline.unit, deadline.counting);
    var box = element("div", "redress-dates-result"), self = this;
    var due = element("p", "redress-dates-due");
    var colon = L.colon === ":" ? ": " : L.colon;  // English puts a space after it
    due.appendChild(element("strong", null, L.due + colon + this.show(counted.due)));
    if (counted.provisional) due.appendChild(element("span", "redress-dates-provisional", " " + L.provisional_mark));
    box.appendChild(due);
    var steps = element("ul", "redress-dates-steps");
    counted.steps.forEach(function (s) { steps.appendChild(element("li", null, self.explain(s, deadline))); });
    box.appendChild(steps);
    if (!this.inApp) {
      var link = element("a", "md-button redress-dates-ics", L.ics);
      var bases = Array.prototype.map.call(line.querySelectorAll("a[href*='laws/']"), function (a) { return a.textContent; });
      var text = icsFile(deadline, counted.due, deadline.name, L.ics_note + (bases.length ? " " + bases.join(", ") : ""), this.token);
      link.href = URL.createObjectURL(new Blob([text], {type: "text/calendar;charset=utf-8"}));
      link.download = deadline.id + ".ics";
      box.appendChild(link);
    }
    return box;
  };

  Tool.prototype.update = function () {
    var self = this, done = 0;
    Array.prototype.forEach.call(this.box.querySelectorAll("[data-deadline]"), function (mark) {
      var line = mark.closest("li"), old = line.querySelector(".redress-dates-result");
      if (old) line.removeChild(old);
      var deadline = self.byId[mark.getAttribute("data-deadline")], start = self.inputs[deadline.event].value;
      if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) return;
      line.appendChild(self.result(deadline, start, line));
      done += 1;
    });
    this.status.textContent = done ? fill(this.labels.done, {n: done}) : "";
  };

  function start() {
    Array.prototype.forEach.call(document.querySelectorAll(".redress-dates[data-dates]"), function (box) {
      if (box.getAttribute("data-started")) return;
      box.setAttribute("data-started", "1");
      var tool = new Tool(box);
      tool.build();
    });
  }

  window.redressDates = {count: function (data, start, length, unit, counting) {
    return count(new Calendar(data), start, length, unit, counting);
  }, ics: icsFile};
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(start);
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
