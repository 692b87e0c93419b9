/* Redress remember: keep a form's values in this browser only, and only when the reader asks.
   Nothing here sends anything anywhere. A tool calls it only while its "remember on this device"
   box is ticked; nothing is written otherwise.

   API (window.RedressRemember):
     var kept = RedressRemember.open("redress-letters");  // one key per tool
     kept.load()        -> the object last saved, or null (nothing kept, or storage unavailable)
     kept.save(values)  -> keeps a plain object of strings in localStorage under the key
     kept.clear()       -> deletes it
   Where storage is refused (some private modes, some file:// setups) every call does nothing and
   load() returns null, so a tool works the same, forgetting on reload.
   When this file has run it dispatches "redress-remember-ready" on document, for a tool whose
   script may run before this one. */
(function () {
  "use strict";

  function storage() {
    try {
      var probe = "redress-remember-probe";
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (refused) {
      return null;
    }
  }

  function open(key) {
    var store = storage();
    return {
      load: function () {
        if (!store) return null;
        try {
          var kept = JSON.parse(store.getItem(key) || "null");
          return kept && typeof kept === "object" ? kept : null;
        } catch (broken) {
          return null;
        }
      },
      save: function (values) {
        if (store) try { store.setItem(key, JSON.stringify(values)); } catch (full) { /* kept nothing */ }
      },
      clear: function () {
        if (store) store.removeItem(key);
      }
    };
  }

  window.RedressRemember = { open: open };
  document.dispatchEvent(new Event("redress-remember-ready"));
})();
