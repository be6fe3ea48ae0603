/* Search that works in Thai, per language, from file:// as from a server.
 *
 * The index is built by generator/search (see docs/search.md) as classic scripts under
 * search/<lang>/ that call LCSearch.register(lang, name, data); they are loaded on demand
 * with <script> tags because fetch(), workers and modules do not work from file://.
 * normalize(), runs() and parseQuery() must give exactly what generator/search/normalize.py
 * gives (tests/test_search_browser.py compares them); rank() mirrors generator/search/query.py.
 * Plain ES2018, no dependencies, no build step.
 */
(function () {
  "use strict";

  var THAI = "\u0e01-\u0e3a\u0e40-\u0e4e";
  var THAI_CHAR = new RegExp("[" + THAI + "]");
  var IGNORABLE = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g;
  var SPACES = "[ \\t\\n\\r\\f\\v\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000]+";
  var THAI_GAP = new RegExp("([" + THAI + "])" + SPACES + "(?=[" + THAI + "])", "g");
  var WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
  var THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙";
  var SENTINEL = "$";
  var PAIR = " ";
  var FORMAT = 2;     // generator/search/index.py FORMAT: the index files this script reads
  var STRIDE = 2;
  var MAX_WORD = 40;
  var MIN_KEY = 2;
  var K1 = 1.2, B = 0.75, TITLE_BOOST = 1.5, PREFIX_FACTOR = 0.7;
  var CODE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  var DIGIT = {};
  for (var c = 0; c < CODE.length; c++) DIGIT[CODE.charAt(c)] = c;

  /* ---- normalisation: the same steps as normalize.py ---------------------------------- */

  function normalize(text) {
    text = String(text).normalize("NFC").replace(IGNORABLE, "").toLowerCase();
    text = text.replace(/[๐-๙]/g, function (d) { return String(THAI_DIGITS.indexOf(d)); });
    text = text.split("\u0e4d\u0e32").join("\u0e33").split("\u0e40\u0e40").join("\u0e41");
    return text.replace(THAI_GAP, "$1");
  }

  function kind(ch) {
    if (THAI_CHAR.test(ch)) return "t";
    if (WORD_CHAR.test(ch)) return "w";
    return "";
  }

  /* [[kind, [code points…]], …] of a normalised string */
  function runs(normalized) {
    var out = [], current = "", run = [];
    var chars = Array.from(normalized);
    for (var i = 0; i < chars.length; i++) {
      var k = kind(chars[i]);
      if (k !== current) {
        if (current) out.push([current, run]);
        current = k;
        run = [];
      }
      run.push(chars[i]);
    }
    if (current) out.push([current, run]);
    return out;
  }

  function parseQuery(query, gram) {
    gram = gram || 4;
    var normalized = normalize(query);
    var parts = runs(normalized);
    var openEnd = normalized.length > 0 && !/\s$/.test(normalized);
    var terms = [];
    parts.forEach(function (part, n) {
      var last = n === parts.length - 1 && openEnd;
      var chars = part[1], text = chars.join("");
      if (part[0] === "t") {
        if (chars.length >= gram) {
          /* every STRIDE-th n-gram and the last, covering the run (as normalize.py) */
          var grams = [], starts = [];
          for (var i = 0; i + gram <= chars.length; i += STRIDE) starts.push(i);
          if (starts[starts.length - 1] !== chars.length - gram) starts.push(chars.length - gram);
          starts.forEach(function (i) {
            var g = chars.slice(i, i + gram).join("");
            if (grams.indexOf(g) < 0) grams.push(g);
          });
          terms.push({ text: text, exact: grams, prefix: "" });
        } else if (chars.length >= 2) {
          terms.push({ text: text, exact: [], prefix: text });
        }
      } else if (chars.length >= MIN_KEY) {
        var word = chars.slice(0, MAX_WORD).join("");
        terms.push({ text: text, exact: [word], prefix: last ? word : "" });
      }
    });
    return terms;
  }

  /* Keys of neighbouring words of the query ("living lab"): the phrase, as pairs. */
  function phraseKeys(query) {
    var parts = runs(normalize(query)), out = [];
    for (var i = 0; i + 1 < parts.length; i++) {
      var a = parts[i], b = parts[i + 1];
      if (a[0] === "w" && b[0] === "w" && a[1].length >= MIN_KEY && b[1].length >= MIN_KEY) {
        var key = a[1].slice(0, MAX_WORD).join("") + PAIR + b[1].slice(0, MAX_WORD).join("");
        if (out.indexOf(key) < 0) out.push(key);
      }
    }
    return out;
  }

  /* The shard that holds a key: how many of the manifest's bounds (the first keys of
     shards 1, 2, …, in string order) are at or below it. */
  function shardOf(key, bounds) {
    var lo = 0, hi = bounds.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (bounds[mid] <= key) lo = mid + 1; else hi = mid;
    }
    return lo;
  }

  /* The shards that hold the keys starting with a prefix. */
  function shardsWithPrefix(prefix, bounds) {
    var out = [];
    for (var n = shardOf(prefix, bounds), last = shardOf(prefix + "\uffff", bounds); n <= last; n++) {
      out.push(n);
    }
    return out;
  }

  function decodeVarints(text) {
    var values = [], value = 0, scale = 1;
    for (var i = 0; i < text.length; i++) {
      var d = DIGIT[text.charAt(i)];
      value += (d & 31) * scale;
      if (d >= 32) {
        scale *= 32;
      } else {
        values.push(value);
        value = 0;
        scale = 1;
      }
    }
    return values;
  }

  /* [[doc, weight, inTitle], …] */
  function decodePostings(text) {
    var v = decodeVarints(text), out = [], previous = -1;
    for (var i = 0; i < v.length;) {
      var head = v[i++];
      var doc = previous + Math.floor(head / 4);
      var weight = 1;
      if (head & 1) weight = v[i++] + 2;
      out.push([doc, weight, (head & 2) !== 0]);
      previous = doc;
    }
    return out;
  }

  /* ---- loading: classic scripts, one promise per file ---------------------------------- */

  var waiting = {};   // "lang/name" → {resolve, reject, promise, data}

  function entry(lang, name) {
    var id = lang + "/" + name;
    if (!waiting[id]) {
      var e = {};
      e.promise = new Promise(function (resolve, reject) { e.resolve = resolve; e.reject = reject; });
      waiting[id] = e;
    }
    return waiting[id];
  }

  function register(lang, name, data) {
    var e = entry(lang, name);
    e.data = data;
    e.resolve(data);
  }

  function loadScript(root, lang, name, path, version) {
    var e = entry(lang, name);
    if (e.started) return e.promise;
    e.started = true;
    var script = document.createElement("script");
    script.src = root + "search/" + lang + "/" + path + ".js?v=" + version;
    script.async = true;
    script.onload = function () {
      if (!("data" in e)) e.reject(new Error("search file did not register: " + script.src));
    };
    script.onerror = function () {
      delete waiting[lang + "/" + name];   // allow a retry later
      e.reject(new Error("search file could not be loaded: " + script.src));
    };
    document.head.appendChild(script);
    return e.promise;
  }

  /* One language's index, loaded piece by piece. */
  function Index(root, lang) {
    this.root = root;
    this.lang = lang;
    this.manifest = null;
    this.shards = {};
    this.decoded = {};
    this.chunks = {};
  }

  Index.prototype.ready = function () {
    var self = this;
    if (!this._ready) {
      this._ready = loadScript(this.root, this.lang, "manifest", "manifest", Date.now())
        .then(function (manifest) {
          // A script cached from an older build must not misread a newer index.
          if (manifest.format !== FORMAT) throw new Error("search index format " + manifest.format);
          self.manifest = manifest;
          self.lengths = decodeVarints(manifest.lengths);
          return manifest;
        });
      this._ready.catch(function () { self._ready = null; });
    }
    return this._ready;
  };

  Index.prototype.shard = function (n) {
    var self = this;
    return loadScript(this.root, this.lang, "s" + n, "s/" + n, this.manifest.id)
      .then(function (data) { self.shards[n] = data; return data; });
  };

  Index.prototype.lookup = function (key) {
    if (key in this.decoded) return this.decoded[key];
    var shard = this.shards[shardOf(key, this.manifest.bounds)];
    var value = shard && Object.prototype.hasOwnProperty.call(shard, key)
      ? decodePostings(shard[key]) : null;
    this.decoded[key] = value;
    return value;
  };

  Index.prototype.prefixed = function (prefix) {
    var self = this, out = [];
    shardsWithPrefix(prefix, this.manifest.bounds).forEach(function (n) {
      Object.keys(self.shards[n] || {}).forEach(function (key) {
        if (key.indexOf(prefix) === 0 && key.indexOf(PAIR) < 0) out.push(key);  // pairs never expand
      });
    });
    return out.sort();
  };

  /* Resolves to [{doc, score, tier}] in rank order. */
  Index.prototype.search = function (query) {
    var self = this;
    return this.ready().then(function (manifest) {
      var terms = parseQuery(query, manifest.gram), pairs = terms.length ? phraseKeys(query) : [];
      var needed = {};
      terms.forEach(function (term) {
        term.exact.forEach(function (key) { needed[shardOf(key, manifest.bounds)] = true; });
        if (term.prefix) {
          shardsWithPrefix(term.prefix, manifest.bounds).forEach(function (n) { needed[n] = true; });
        }
      });
      pairs.forEach(function (key) { needed[shardOf(key, manifest.bounds)] = true; });
      return Promise.all(Object.keys(needed).map(function (n) { return self.shard(n); }))
        .then(function () { return rank(self, terms, pairs); });
    });
  };

  Index.prototype.documents = function (docs) {
    var self = this, starts = this.manifest.chunks, wanted = {};
    docs.forEach(function (doc) { wanted[chunkOf(starts, doc)] = true; });
    return Promise.all(Object.keys(wanted).map(function (n) {
      return loadScript(self.root, self.lang, "d" + n, "d/" + n, self.manifest.id)
        .then(function (rows) { self.chunks[n] = rows; });
    })).then(function () {
      return docs.map(function (doc) {
        var n = chunkOf(starts, doc);
        var row = self.chunks[n][doc - starts[n]];
        return { doc: doc, url: row[0], title: row[1], snippet: row[2] };
      });
    });
  };

  function chunkOf(starts, doc) {
    var lo = 0, hi = starts.length - 1;
    while (lo < hi) {
      var mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= doc) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /* ---- ranking: the same as query.py ------------------------------------------------- */

  function bm25(df, n, weight, length, avgdl) {
    var idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    var norm = K1 * (1 - B + B * length / (avgdl || 1));
    return [idf * weight * (K1 + 1) / (weight + norm), idf];
  }

  function termScores(index, term) {
    var n = index.lengths.length, lengths = index.lengths, avgdl = index.manifest.avgdl;
    var result = new Map();
    var onlyExact = term.exact.length &&
      !(term.prefix && term.exact.length === 1 && term.exact[0] === term.prefix);
    if (onlyExact) {
      var lists = term.exact.map(function (key) { return index.lookup(key) || []; });
      if (lists.some(function (p) { return p.length === 0; })) return result;
      var common = null;
      lists.forEach(function (p) {
        var docs = new Set(p.map(function (x) { return x[0]; }));
        if (common === null) common = docs;
        else common = new Set(Array.from(common).filter(function (d) { return docs.has(d); }));
      });
      lists.forEach(function (postings) {
        var df = postings.length;
        postings.forEach(function (p) {
          if (!common.has(p[0])) return;
          var r = bm25(df, n, p[1], lengths[p[0]], avgdl);
          var s = r[0] / lists.length + (p[2] ? TITLE_BOOST * r[1] / lists.length : 0);
          var old = result.get(p[0]) || [0, true];
          result.set(p[0], [old[0] + s, old[1] && p[2]]);
        });
      });
      return result;
    }
    index.prefixed(term.prefix).forEach(function (key) {
      var postings = index.lookup(key) || [];
      var factor = key === term.prefix ? 1 : PREFIX_FACTOR;
      postings.forEach(function (p) {
        var r = bm25(postings.length, n, p[1], lengths[p[0]], avgdl);
        var s = factor * (r[0] + (p[2] ? TITLE_BOOST * r[1] : 0));
        var old = result.get(p[0]);
        if (old === undefined || s > old[0]) result.set(p[0], [s, p[2] || (old ? old[1] : false)]);
        else if (p[2]) result.set(p[0], [old[0], true]);
      });
    });
    return result;
  }

  function rank(index, terms, pairs) {
    if (!terms.length) return [];
    var combined = null;
    for (var i = 0; i < terms.length; i++) {
      var scores = termScores(index, terms[i]);
      if (combined === null) {
        combined = scores;
      } else {
        var next = new Map();
        scores.forEach(function (v, doc) {
          var old = combined.get(doc);
          if (old) next.set(doc, [old[0] + v[0], old[1] && v[1]]);
        });
        combined = next;
      }
      if (!combined.size) return [];
    }
    /* Tier 0: phrase and title; 1: phrase; 2: every term in the title; 3: the rest. */
    var phrase = null;
    (pairs || []).forEach(function (key) {
      var postings = index.lookup(key);
      if (postings === null) return;   // a pair not kept in the index: no phrase tier
      var docs = new Set(postings.map(function (p) { return p[0]; }));
      phrase = phrase === null ? docs
        : new Set(Array.from(phrase).filter(function (d) { return docs.has(d); }));
    });
    var hits = [];
    combined.forEach(function (v, doc) {
      var tier = (phrase === null || phrase.has(doc) ? 0 : 2) + (v[1] ? 0 : 1);
      hits.push({ doc: doc, score: v[0], tier: tier });
    });
    hits.sort(function (a, b) { return a.tier - b.tier || b.score - a.score || a.doc - b.doc; });
    return hits;
  }

  /* ---- user interface ---------------------------------------------------------------- */

  var indexes = {};
  function indexFor(root, lang) {
    var id = root + "|" + lang;
    if (!indexes[id]) indexes[id] = new Index(root, lang);
    return indexes[id];
  }

  function format(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (m, k) {
      return k in values ? values[k] : m;
    });
  }

  /* ---- Thai line breaks in results -------------------------------------------------- */
  /* The pages get theirs from the build (generator/render/thai_breaks.py); results are drawn
     here from the index, whose text is never segmented. So the same markup is made here: each
     Thai run an <lc-w> (white-space: nowrap, archive.css) with <wbr> between its words, the
     words found by Intl.Segmenter and never cut inside one of the archive's names or the long
     words as the build cut them (ICU's dictionary lacks the names and cuts "ยู|เนสโก"), which
     the build writes to assets/thai-words.js. Without Intl.Segmenter the browser breaks them. */
  var WORDS = typeof Intl !== "undefined" && Intl.Segmenter
    ? new Intl.Segmenter("th", { granularity: "word" }) : null;
  var THAI_RUN = new RegExp("[" + THAI + "]+", "g");
  var NEVER_FIRST = /[\u0e30-\u0e3a\u0e45-\u0e4e]/;
  var MIN_RUN = 4;    // thai_breaks.MIN_RUN
  var whole = {};     // first two letters → the words beginning so, longest first

  function loadThaiWords(root, version) {
    var e = entry("*", "thai-words");
    if (!e.started) {
      e.started = true;
      var script = document.createElement("script");
      script.src = root + "assets/thai-words.js?v=" + version;
      script.async = true;
      script.onerror = function () { e.resolve([]); };   // results still show
      document.head.appendChild(script);
      e.promise.then(function (list) {
        whole = {};
        list.forEach(function (w) { (whole[w.slice(0, 2)] = whole[w.slice(0, 2)] || []).push(w); });
        Object.keys(whole).forEach(function (k) {
          whole[k].sort(function (a, b) { return b.length - a.length; });
        });
      });
    }
    return e.promise;
  }

  /* Offsets in text where a Thai line may break (between two Thai words). */
  function thaiBreaks(text) {
    var cuts = new Set(), m;
    if (!WORDS) return cuts;
    THAI_RUN.lastIndex = 0;
    while ((m = THAI_RUN.exec(text)) !== null) {
      var run = m[0], inside = new Set();
      if (run.length < MIN_RUN) continue;
      for (var i = 0; i + 1 < run.length; i++) {
        var words = whole[run.slice(i, i + 2)] || [];
        for (var w = 0; w < words.length; w++) {
          if (run.startsWith(words[w], i)) {
            for (var j = i + 1; j < i + words[w].length; j++) inside.add(j);
            break;
          }
        }
      }
      for (var part of WORDS.segment(run)) {
        var k = part.index;
        if (k > 0 && !inside.has(k) && !NEVER_FIRST.test(run.charAt(k))) cuts.add(m.index + k);
      }
    }
    return cuts;
  }

  /* Append text.slice(from, to) to el: Thai runs as <lc-w> with <wbr> at the cuts. */
  function appendBroken(el, text, from, to, cuts) {
    var part = text.slice(from, to), last = 0, m;
    var runs = new RegExp("[" + THAI + "]{" + MIN_RUN + ",}", "g");
    while ((m = runs.exec(part)) !== null) {
      if (m.index > last) el.appendChild(document.createTextNode(part.slice(last, m.index)));
      var w = document.createElement("lc-w"), start = 0;
      for (var k = 1; k < m[0].length; k++) {
        if (cuts.has(from + m.index + k)) {
          w.appendChild(document.createTextNode(m[0].slice(start, k)));
          w.appendChild(document.createElement("wbr"));
          start = k;
        }
      }
      w.appendChild(document.createTextNode(m[0].slice(start)));
      el.appendChild(w);
      last = m.index + m[0].length;
    }
    if (last < part.length) el.appendChild(document.createTextNode(part.slice(last)));
  }

  /* Append text to el with the query's terms marked (spaces between Thai letters allowed). */
  function highlight(el, text, terms) {
    var cuts = thaiBreaks(text);
    var patterns = terms.map(function (term) {
      return Array.from(term.text).map(function (ch) {
        return ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      }).join(THAI_CHAR.test(term.text) ? "[\\s\\u200b]*" : "");
    }).filter(Boolean);
    if (!patterns.length) { appendBroken(el, text, 0, text.length, cuts); return; }
    var re = new RegExp(patterns.join("|"), "giu");
    var last = 0, m;
    while ((m = re.exec(text)) !== null) {
      if (!m[0]) { re.lastIndex++; continue; }
      appendBroken(el, text, last, m.index, cuts);
      var mark = document.createElement("mark");
      appendBroken(mark, text, m.index, m.index + m[0].length, cuts);
      el.appendChild(mark);
      last = m.index + m[0].length;
    }
    appendBroken(el, text, last, text.length, cuts);
  }

  function resultItem(root, doc, terms, itemClass, linkClass) {
    var li = document.createElement("li");
    li.className = itemClass;
    var a = document.createElement("a");
    a.className = linkClass;
    a.href = root + doc.url;
    a.setAttribute("data-lc-result", "");
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var h = document.createElement("h1");
    highlight(h, doc.title, terms);
    article.appendChild(h);
    if (doc.snippet) {
      var p = document.createElement("p");
      highlight(p, doc.snippet, terms);
      article.appendChild(p);
    }
    a.appendChild(article);
    li.appendChild(a);
    return li;
  }

  /* Runs a query and renders it into {status, list}; the newest query wins. */
  function Renderer(opts) {
    this.opts = opts;
    this.seq = 0;
    this.shown = 0;
    this.hits = [];
  }

  /* The host element tells tests (and the curious) which query is on screen: data-lc-done. */
  Renderer.prototype.finish = function (query) {
    if (this.opts.host) this.opts.host.setAttribute("data-lc-done", query);
  };

  Renderer.prototype.run = function (query) {
    var self = this, o = this.opts, labels = o.labels, seq = ++this.seq;
    var terms = parseQuery(query);
    o.list.textContent = "";
    if (o.more) o.more.hidden = true;
    if (o.host) o.host.removeAttribute("data-lc-done");
    if (!normalize(query).trim()) {
      o.status.textContent = labels.hint || "";
      this.finish(query);
      return Promise.resolve();
    }
    if (!terms.length) {
      o.status.textContent = labels.short || "";
      this.finish(query);
      return Promise.resolve();
    }
    o.status.textContent = labels.loading || "";
    var index = indexFor(o.root, o.lang);
    var started = performance.now();
    return index.search(query).then(function (hits) {
      if (seq !== self.seq) return;
      self.hits = hits;
      self.terms = terms;
      self.shown = 0;
      self.query = query;
      self.elapsed = performance.now() - started;
      if (!hits.length) {
        o.status.textContent = format(labels.none, { q: query.trim() });
        self.finish(query);
        return;
      }
      o.status.textContent = format(hits.length === 1 ? labels.one : labels.other, { n: hits.length });
      return self.more().then(function () { if (seq === self.seq) self.finish(query); });
    }).catch(function (error) {
      if (seq !== self.seq) return;
      o.status.textContent = labels.error || String(error);
      self.finish(query);
      if (window.console) console.warn(error);
    });
  };

  Renderer.prototype.more = function () {
    var self = this, o = this.opts, seq = this.seq;
    var slice = this.hits.slice(this.shown, this.shown + o.page);
    var index = indexFor(o.root, o.lang);
    return Promise.all([index.documents(slice.map(function (h) { return h.doc; })),
                        loadThaiWords(o.root, index.manifest.id)]).then(function (loaded) {
      var docs = loaded[0];
      if (seq !== self.seq) return;
      docs.forEach(function (doc) {
        o.list.appendChild(resultItem(o.root, doc, self.terms, o.itemClass, o.linkClass));
      });
      self.shown += docs.length;
      if (o.more) o.more.hidden = self.shown >= self.hits.length;
      if (o.done) o.done(self);
    });
  };

  function setToggle(on) {
    var toggle = document.getElementById("__search");
    if (toggle && toggle.checked !== on) toggle.checked = on;
  }

  function results(list) {
    return Array.prototype.slice.call(list.querySelectorAll("[data-lc-result]"));
  }

  /* Arrow keys move between the box and the results; Escape closes. */
  function keyboard(input, list, close) {
    function move(from, step, event) {
      var links = results(list);
      if (!links.length) return;
      var i = links.indexOf(from);
      var next = i < 0 ? (step > 0 ? 0 : links.length - 1) : i + step;
      event.preventDefault();
      if (next < 0) input.focus();
      else if (next < links.length) links[next].focus();
    }
    input.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") move(null, 1, event);
      else if (event.key === "Escape" && close) { event.preventDefault(); close(); }
    });
    list.addEventListener("keydown", function (event) {
      if (event.key === "ArrowDown") move(event.target, 1, event);
      else if (event.key === "ArrowUp") move(event.target, -1, event);
      else if (event.key === "Escape") {
        event.preventDefault();
        if (close) close(); else input.focus();
      }
    });
  }

  function setUpHeader(box) {
    var form = box.querySelector("form");
    var input = form.querySelector("input[name=q]");
    var labels = JSON.parse(box.getAttribute("data-lc-labels") || "{}");
    var root = box.getAttribute("data-lc-root") || "./";
    var lang = box.getAttribute("data-lc-lang") || document.documentElement.lang;
    var list = box.querySelector(".md-search-result__list");
    var status = box.querySelector(".md-search-result__meta");
    var pageUrl = box.getAttribute("data-lc-page") || form.getAttribute("action");
    var allLink = null;
    var renderer = new Renderer({
      root: root, lang: lang, labels: labels, list: list, status: status, page: 10, host: box,
      itemClass: "md-search-result__item", linkClass: "md-search-result__link",
      done: function (r) {
        if (r.hits.length > r.shown) {
          var li = document.createElement("li");
          li.className = "md-search-result__item lc-search__all";
          allLink = document.createElement("a");
          allLink.className = "md-search-result__link";
          allLink.setAttribute("data-lc-result", "");
          allLink.href = pageUrl + "?q=" + encodeURIComponent(r.query.trim());
          allLink.textContent = labels.all + " (" + r.hits.length + ")";
          li.appendChild(allLink);
          list.appendChild(li);
        }
      }
    });
    var timer = 0;
    function update() {
      clearTimeout(timer);
      timer = setTimeout(function () { renderer.run(input.value); }, 60);
    }
    function close() {
      setToggle(false);
      input.blur();
    }
    input.addEventListener("focus", function () {
      setToggle(true);
      indexFor(root, lang).ready().catch(function () {});
    });
    input.addEventListener("input", update);
    form.addEventListener("reset", function () {
      setTimeout(function () { renderer.run(""); input.focus(); }, 0);
    });
    form.addEventListener("submit", function (event) {
      if (!input.value.trim()) event.preventDefault();
    });
    keyboard(input, list, close);
    var toggle = document.getElementById("__search");
    if (toggle) {
      toggle.addEventListener("change", function () {
        if (toggle.checked) input.focus();
      });
    }
    document.addEventListener("keydown", function (event) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey) return;
      var t = event.target;
      if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
      event.preventDefault();
      input.focus();
      input.select();
    });
    box.lcSearch = { input: input, renderer: renderer };
    return box.lcSearch;
  }

  function setUpPage(form, header) {
    var input = form.querySelector("input[name=q]");
    var article = form.parentNode;
    var box = document.querySelector("[data-lc-search]");
    var labels = box ? JSON.parse(box.getAttribute("data-lc-labels") || "{}") : {};
    var root = box ? box.getAttribute("data-lc-root") : "./";
    var lang = box ? box.getAttribute("data-lc-lang") : document.documentElement.lang;
    var list = article.querySelector(".lc-search-page__list");
    var status = article.querySelector(".lc-search-page__status");
    var more = document.createElement("button");
    more.type = "button";
    more.className = "md-button lc-search-page__more";
    more.textContent = labels.more || "More";
    more.hidden = true;
    list.parentNode.insertBefore(more, list.nextSibling);
    list.classList.add("md-search-result__list");
    var renderer = new Renderer({
      root: root, lang: lang, labels: labels, list: list, status: status, page: 20, more: more,
      host: form,
      itemClass: "md-search-result__item lc-search-page__item",
      linkClass: "md-search-result__link"
    });
    more.addEventListener("click", function () { renderer.more(); });
    function fromUrl() {
      var q = new URLSearchParams(location.search).get("q") || "";
      input.value = q;
      renderer.run(q);
    }
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var q = input.value;
      try {
        history.pushState(null, "", "?q=" + encodeURIComponent(q.trim()));
      } catch (e) { /* file:// in some browsers */ }
      renderer.run(q);
    });
    var timer = 0;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { renderer.run(input.value); }, 150);
    });
    keyboard(input, list, null);
    window.addEventListener("popstate", fromUrl);
    fromUrl();
    if (!input.value) input.focus();
  }

  function start() {
    var header = null;
    var box = document.querySelector("[data-lc-search]");
    if (box) header = setUpHeader(box);
    var page = document.querySelector("form[data-lc-search-page]");
    if (page) setUpPage(page, header);
  }

  window.LCSearch = {
    register: register,
    normalize: normalize,
    runs: function (text) {
      return runs(text).map(function (r) { return [r[0], r[1].join("")]; });
    },
    parseQuery: parseQuery,
    phraseKeys: phraseKeys,
    shardOf: shardOf,
    shardsWithPrefix: shardsWithPrefix,
    decodePostings: decodePostings,
    index: indexFor,
    /* For tests and the benchmark: resolves to [{url, title, score, tier}] */
    query: function (query, limit, root, lang) {
      var box = document.querySelector("[data-lc-search]");
      root = root || (box && box.getAttribute("data-lc-root")) || "./";
      lang = lang || (box && box.getAttribute("data-lc-lang")) || document.documentElement.lang;
      var index = indexFor(root, lang);
      return index.search(query).then(function (hits) {
        hits = hits.slice(0, limit || 10);
        return index.documents(hits.map(function (h) { return h.doc; })).then(function (docs) {
          return docs.map(function (d, i) {
            return { url: d.url, title: d.title, score: hits[i].score, tier: hits[i].tier };
          });
        });
      });
    }
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
