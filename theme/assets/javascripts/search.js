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
  /* normalize.py UNSPACED: scripts without spaces between words (Lao, Myanmar, Khmer, kana,
     Han), searched by n-grams as Thai is. */
  var UNSPACED = THAI + "\u0e81-\u0ecf\u0edc-\u0edf\u1000-\u103f\u1050-\u108f" +
    "\u1780-\u17d3\u17dc\u17dd\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff";
  var UNSPACED_CHAR = new RegExp("[" + UNSPACED + "]");
  var IGNORABLE = /[\u200b\u200c\u200d\u2060\ufeff\u00ad]/g;
  var SPACES = "[ \\t\\n\\r\\f\\v\\u00a0\\u1680\\u2000-\\u200a\\u202f\\u205f\\u3000]+";
  var THAI_GAP = new RegExp("([" + UNSPACED + "])" + SPACES + "(?=[" + UNSPACED + "])", "g");
  var WORD_CHAR = /[\p{L}\p{N}\p{M}]/u;
  var THAI_DIGITS = "๐๑๒๓๔๕๖๗๘๙";
  var SENTINEL = "$";
  var PAIR = " ";
  var FORMAT = 3;     // generator/search/index.py FORMAT: the index files this script reads
  var STRIDE = 2;
  var MAX_WORD = 40;
  var MIN_KEY = 2;
  var K1 = 1.2, B = 0.75, TITLE_BOOST = 1.5, PREFIX_FACTOR = 0.7;
  var SKELETON = "~";
  var FEW = 3, PAGE = 10, NEAR_TIER = 4, APART = 2; // tests/search_support/query.py
  var CHEAP = 0.25, TOP = 3, MAX_COST = 2, MAX_ALTERNATIVES = 6, JOINED = 0.5,
    SKELETON_COST = 0.25;                           // tests/search_support/fuzzy.py
  var TONES = /[\u0e48-\u0e4b]/g;
  var KARAN = /[\u0e01-\u0e2e][\u0e34\u0e38]?\u0e4c/g;
  var CONFUSABLE = /[\u0e48-\u0e4cศษลฬ\u0e33]/;
  var ALIKE = { "ศ": "ส", "ษ": "ส", "ล": "ร", "ฬ": "ร", "\u0e33": "\u0e31ม" };
  var MARK = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/;
  var TONE_OR_KARAN = /[\u0e48-\u0e4c]/g;
  var ASCII_WORD = /^[a-z]+$/i;
  /* The English stemmer (stemmer-en.js, beside this file), loaded with the first search. */
  var SCRIPT_BASE = (document.currentScript && document.currentScript.src || "").replace(/[^/]*$/, "");
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
    if (UNSPACED_CHAR.test(ch)) return "t";
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

  var stems = {};
  function stem(word) {
    if (!ASCII_WORD.test(word)) return word;
    if (!(word in stems)) stems[word] = window.LCStemEnglish(word);
    return stems[word];
  }

  var stemmerLoading = null;
  function stemmerReady() {
    if (window.LCStemEnglish) return Promise.resolve();
    if (!stemmerLoading) {
      stemmerLoading = new Promise(function (resolve, reject) {
        var script = document.createElement("script");
        script.src = SCRIPT_BASE + "stemmer-en.js";
        script.onload = function () { resolve(); };
        script.onerror = function () {
          stemmerLoading = null;
          reject(new Error("could not load " + script.src));
        };
        document.head.appendChild(script);
      });
    }
    return stemmerLoading;
  }

  /* normalize.py skeleton(): a Thai run as readers misspell it alike. */
  function skeleton(run) {
    if (!CONFUSABLE.test(run)) return run;
    return run.replace(KARAN, "").replace(TONES, "")
      .replace(/[ศษลฬ\u0e33]/g, function (c) { return ALIKE[c]; });
  }

  /* normalize.py query_grams(): every STRIDE-th n-gram and the last, covering the run. */
  function queryGrams(chars, gram) {
    var grams = [], starts = [];
    for (var i = 0; i + gram <= chars.length; i += STRIDE) starts.push(i);
    if (starts[starts.length - 1] !== chars.length - gram) starts.push(chars.length - gram);
    starts.forEach(function (i) {
      var g = chars.slice(i, i + gram).join("");
      if (grams.indexOf(g) < 0) grams.push(g);
    });
    return grams;
  }

  /* normalize.py skeleton_terms() */
  function skeletonTerms(terms, gram) {
    var changed = false;
    var out = terms.map(function (term) {
      if (THAI_CHAR.test(term.text.charAt(0))) {
        var bare = Array.from(skeleton(term.text));
        changed = true;
        if (bare.length >= gram) return { text: term.text, exact: queryGrams(bare, gram), prefix: "" };
        if (bare.length >= 2) {
          return { text: term.text, exact: [], prefix: bare.join(""),
            barePrefix: SKELETON + bare.join("") };
        }
      }
      return term;
    });
    return changed ? out : null;
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
          terms.push({ text: text, exact: queryGrams(chars, gram), prefix: "" });
        } else if (chars.length >= 2) {
          terms.push({ text: text, exact: [], prefix: text });
        }
      } else if (chars.length >= MIN_KEY) {
        var word = chars.slice(0, MAX_WORD).join("");
        terms.push({ text: text, exact: [stem(word)], prefix: last ? word : "" });
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
        var key = stem(a[1].slice(0, MAX_WORD).join("")) + PAIR +
          stem(b[1].slice(0, MAX_WORD).join(""));
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
        // pairs never expand, skeleton keys only a skeleton prefix
        if (key.indexOf(prefix) === 0 && key.indexOf(PAIR) < 0 &&
            (prefix.charAt(0) === SKELETON || key.charAt(0) !== SKELETON)) out.push(key);
      });
    });
    return out.sort();
  };

  /* The shards that hold the keys of these terms and pairs (with `bare`, their skeleton keys
     too) and are not loaded yet. */
  Index.prototype.load = function (terms, pairs, bare) {
    var self = this, bounds = this.manifest.bounds, needed = {};
    terms.forEach(function (term) {
      term.exact.forEach(function (key) {
        needed[shardOf(key, bounds)] = true;
        if (bare) needed[shardOf(SKELETON + key, bounds)] = true;
      });
      [term.prefix, term.barePrefix].forEach(function (prefix) {
        if (prefix) shardsWithPrefix(prefix, bounds).forEach(function (n) { needed[n] = true; });
      });
    });
    pairs.forEach(function (key) { needed[shardOf(key, bounds)] = true; });
    return Promise.all(Object.keys(needed).map(function (n) { return self.shard(n); }));
  };

  Index.prototype.lexicon = function () {
    var self = this;
    return loadScript(this.root, this.lang, "lexicon", "lexicon", this.manifest.id)
      .then(function (words) {
        if (!self.lexiconClusters) prepareLexicon(self, words);
        return self;
      });
  };

  /* A key as itself or as a skeleton key: the documents of either (query.py skeleton_lookup). */
  Index.prototype.bareLookup = function (key) {
    var merged = new Map();
    [this.lookup(key), this.lookup(SKELETON + key)].forEach(function (postings) {
      (postings || []).forEach(function (p) {
        var old = merged.get(p[0]);
        merged.set(p[0], old ? [Math.max(p[1], old[0]), p[2] || old[1]] : [p[1], p[2]]);
      });
    });
    var out = [];
    merged.forEach(function (v, doc) { out.push([doc, v[0], v[1]]); });
    out.sort(function (a, b) { return a[0] - b[0]; });
    return out.length ? out : null;
  };

  /* Resolves to {hits: [{doc, score, tier, near}] in rank order, suggestions: [text]}:
     query.py search_all. */
  Index.prototype.search = function (query) {
    var self = this;
    return Promise.all([this.ready(), stemmerReady()]).then(function () {
      var gram = self.manifest.gram;
      var terms = parseQuery(query, gram), pairs = terms.length ? phraseKeys(query) : [];
      /* Thai words typed apart are one run to the search (pages run their words together),
         found where they stand side by side; below those, the pages that have every word
         elsewhere (query.py apart_hits). */
      var apart = typedTerms(query, gram), split = apart.length > terms.length;
      var loading = [self.load(terms, pairs, false)];
      if (split) loading.push(self.load(apart, [], false));
      return Promise.all(loading).then(function () {
        var lookup = function (key) { return self.lookup(key); };
        var hits = rank(self, terms, pairs, lookup);
        if (split) {
          var seen = new Set(hits.map(function (h) { return h.doc; }));
          rank(self, apart, [], lookup).forEach(function (h) {
            if (!seen.has(h.doc)) hits.push({ doc: h.doc, score: h.score, tier: APART + h.tier, near: "" });
          });
        }
        if (!terms.length) return { hits: hits, suggestions: [] };
        /* A page of exact hits: nothing else. Fewer: Thai is still looked up by its skeleton
           (a tone mark left out can match pieces of other words exactly); fewer than FEW:
           near words too. */
        if (hits.length >= PAGE) return { hits: hits, suggestions: [] };
        if (hits.length >= FEW) return self.near(query, terms, apart, hits, false);
        return self.lexicon().then(function () { return self.near(query, terms, apart, hits, true); });
      });
    });
  };

  /* query.py _known(): a suggestion's words other than Thai are words of the site. */
  Index.prototype.known = function (text) {
    if (!this.lexiconSet) this.lexiconSet = new Set(this.lexiconWords);
    var words = this.lexiconSet;
    return runs(normalize(text)).every(function (r) {
      return r[0] === "t" || words.has(r[1].join(""));
    });
  };

  Index.prototype.near = function (query, terms, apart, hits, words) {
    var self = this, gram = this.manifest.gram;
    var normalized = normalize(query);
    var tail = /\S$/.test(normalized) ? "" : " ";
    var tries = [];
    var exact = function (key) { return self.lookup(key); };
    var bare = skeletonTerms(terms, gram);
    if (bare) {
      tries.push({ cost: SKELETON_COST, text: "~", terms: bare, pairs: [],
        lookup: function (key) { return self.bareLookup(key); }, bare: true });
    }
    (words ? alternatives(apart, this) : []).forEach(function (alt) {
      tries.push({ cost: alt[0], text: alt[1], terms: typedTerms(alt[1] + tail, gram),
        pairs: phraseKeys(alt[1] + tail), lookup: exact, bare: false });
    });
    tries.forEach(function (t, i) { t.order = i; });
    tries.sort(function (a, b) { return a.cost - b.cost || a.order - b.order; });
    return Promise.all(tries.map(function (t) { return self.load(t.terms, t.pairs, t.bare); }))
      .then(function () {
        var seen = new Set(hits.map(function (h) { return h.doc; }));
        var suggestions = [];
        tries.forEach(function (t) {
          var found = rank(self, t.terms, t.pairs, t.lookup);
          if (found.length && t.text !== "~" && suggestions.length < 3 && self.known(t.text)) {
            suggestions.push(t.text);
          }
          found.forEach(function (h) {
            if (seen.has(h.doc)) return;
            seen.add(h.doc);
            hits.push({ doc: h.doc, score: h.score, tier: NEAR_TIER + h.tier, near: t.text });
          });
        });
        return { hits: hits, suggestions: suggestions };
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
        return { doc: doc, url: row[0], title: row[1], snippet: row[2], kind: row[3] || "",
          city: row[4] || "" };
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

  function termScores(index, term, lookup) {
    var n = index.lengths.length, lengths = index.lengths, avgdl = index.manifest.avgdl;
    var result = new Map();
    if (term.exact.length && !term.prefix) {
      var lists = term.exact.map(function (key) { return lookup(key) || []; });
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
    /* The word as typed (or its stem) where a document has it; elsewhere the best longer
       word it starts (query.py). */
    var expansions = index.prefixed(term.prefix);
    if (term.barePrefix) expansions = expansions.concat(index.prefixed(term.barePrefix));
    term.exact.forEach(function (key) { if (expansions.indexOf(key) < 0) expansions.push(key); });
    var isWhole = function (key) { return key === term.prefix || term.exact.indexOf(key) >= 0; };
    var exactDocs = new Set();
    expansions.filter(isWhole).concat(expansions.filter(function (k) { return !isWhole(k); }))
    .forEach(function (key) {
      var postings = lookup(key) || [];
      var full = isWhole(key);
      var factor = full ? 1 : PREFIX_FACTOR;
      postings.forEach(function (p) {
        if (!full && exactDocs.has(p[0])) return;
        if (full) exactDocs.add(p[0]);
        var r = bm25(postings.length, n, p[1], lengths[p[0]], avgdl);
        var s = factor * (r[0] + (p[2] ? TITLE_BOOST * r[1] : 0));
        var old = result.get(p[0]);
        if (old === undefined || s > old[0]) result.set(p[0], [s, p[2] || (old ? old[1] : false)]);
        else if (p[2]) result.set(p[0], [old[0], true]);
      });
    });
    return result;
  }

  function rank(index, terms, pairs, lookup) {
    if (!terms.length) return [];
    var combined = null;
    for (var i = 0; i < terms.length; i++) {
      var scores = termScores(index, terms[i], lookup);
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
      var postings = lookup(key);
      if (postings === null) return;   // a pair not kept in the index: no phrase tier
      var docs = new Set(postings.map(function (p) { return p[0]; }));
      phrase = phrase === null ? docs
        : new Set(Array.from(phrase).filter(function (d) { return docs.has(d); }));
    });
    var hits = [];
    combined.forEach(function (v, doc) {
      var tier = (phrase === null || phrase.has(doc) ? 0 : 2) + (v[1] ? 0 : 1);
      hits.push({ doc: doc, score: v[0], tier: tier, near: "" });
    });
    hits.sort(function (a, b) { return a.tier - b.tier || b.score - a.score || a.doc - b.doc; });
    return hits;
  }

  /* ---- near spellings: the same as tests/search_support/fuzzy.py ------------------------ */

  /* [[compared, as written], …] per grapheme cluster; ำ is compared as ั + ม. */
  function clusters(text) {
    var out = [];
    Array.from(normalize(text)).forEach(function (ch) {
      var pieces = ch === "\u0e33" ? [["\u0e31", ""], ["ม", ch]] : [[ch, ch]];
      pieces.forEach(function (piece) {
        if (out.length && MARK.test(piece[0])) {
          out[out.length - 1][0] += piece[0];
          out[out.length - 1][1] += piece[1];
        } else {
          out.push([piece[0], piece[1]]);
        }
      });
    });
    return out;
  }

  function bareCluster(c) {
    return c.replace(TONE_OR_KARAN, "").replace(/[ศษลฬ]/g, function (x) { return ALIKE[x]; });
  }
  function substitution(a, b) { return a === b ? 0 : bareCluster(a) === bareCluster(b) ? CHEAP : 1; }
  function indel(c) { return c.indexOf("\u0e4c") >= 0 ? CHEAP : 1; }
  function budget(size) { return size < 3 ? 0 : size < 7 ? 1 : 2; }

  /* [cost, start, end]: fuzzy.py distance(). */
  function distance(query, entry, part) {
    var n = query.length, m = entry.length, i, j;
    var d = [], start = [];
    for (i = 0; i <= n; i++) { d.push(new Array(m + 1)); start.push(new Array(m + 1)); }
    for (j = 0; j <= m; j++) {
      d[0][j] = part ? 0 : (j ? d[0][j - 1] + indel(entry[j - 1]) : 0);
      start[0][j] = part ? j : 0;
    }
    for (i = 1; i <= n; i++) {
      d[i][0] = d[i - 1][0] + indel(query[i - 1]);
      start[i][0] = 0;
      for (j = 1; j <= m; j++) {
        var best = d[i - 1][j - 1] + substitution(query[i - 1], entry[j - 1]);
        var origin = start[i - 1][j - 1];
        var cost = d[i - 1][j] + indel(query[i - 1]);
        if (cost < best) { best = cost; origin = start[i - 1][j]; }
        cost = d[i][j - 1] + indel(entry[j - 1]);
        if (cost < best) { best = cost; origin = start[i][j - 1]; }
        if (i > 1 && j > 1 && query[i - 1] === entry[j - 2] && query[i - 2] === entry[j - 1] &&
            query[i - 1] !== query[i - 2]) {
          cost = d[i - 2][j - 2] + 1;
          if (cost < best) { best = cost; origin = start[i - 2][j - 2]; }
        }
        d[i][j] = best;
        start[i][j] = origin;
      }
    }
    if (!part) return [d[n][m], 0, m];
    var bestJ = 0, bestCost = Infinity;
    for (j = 0; j <= m; j++) if (d[n][j] < bestCost) { bestCost = d[n][j]; bestJ = j; }
    return [bestCost, start[n][bestJ], bestJ];
  }

  /* Each lexicon entry's clusters, compared forms and their bare forms (for `unmatched`). */
  function prepareLexicon(index, words) {
    index.lexiconWords = words;
    index.lexiconClusters = words.map(function (w) { return clusters(w); });
    index.lexiconCompared = index.lexiconClusters.map(function (parts) {
      return parts.map(function (c) { return c[0]; });
    });
    index.lexiconPrepared = index.lexiconCompared.map(prepared);
    index.lexiconBare = index.lexiconPrepared.map(function (p) { return new Set(p.bare); });
    index.lexiconThai = words.map(function (w) { return THAI_CHAR.test(w.charAt(0)); });
  }

  /* fuzzy.py unmatched(): how many of the query's clusters (by bare form, none with การันต์)
     an entry lacks altogether, a lower bound of the distance: entries beyond the budget are
     not measured. */
  function unmatched(bare, entryBare) {
    var n = 0;
    bare.forEach(function (c) { if (!entryBare.has(c)) n++; });
    return n;
  }

  /* distance() for nearWords: the same [cost, start, end] when the cost is within `limit`,
     else null — computed on prepared clusters (compared forms, bare forms, costs of adding
     or dropping each), three rolling rows, and given up as soon as a whole row is over the
     limit (costs only grow down the table). */
  function within(q, e, part, limit) {
    var n = q.c.length, m = e.c.length, i, j;
    var d0 = new Float64Array(m + 1), d1 = new Float64Array(m + 1), d2 = new Float64Array(m + 1);
    var s0 = new Int32Array(m + 1), s1 = new Int32Array(m + 1), s2 = new Int32Array(m + 1);
    for (j = 0; j <= m; j++) {
      d1[j] = part ? 0 : (j ? d1[j - 1] + e.indel[j - 1] : 0);
      s1[j] = part ? j : 0;
    }
    var tmp, tmpS;
    for (i = 1; i <= n; i++) {
      /* rows: d0 = i - 2, d1 = i - 1, d2 = i */
      d2[0] = d1[0] + q.indel[i - 1];
      s2[0] = 0;
      var rowMin = d2[0];
      var qc = q.c[i - 1], qb = q.bare[i - 1], qi = q.indel[i - 1];
      for (j = 1; j <= m; j++) {
        var ec = e.c[j - 1];
        var best = d1[j - 1] + (qc === ec ? 0 : qb === e.bare[j - 1] ? CHEAP : 1);
        var origin = s1[j - 1];
        var cost = d1[j] + qi;
        if (cost < best) { best = cost; origin = s1[j]; }
        cost = d2[j - 1] + e.indel[j - 1];
        if (cost < best) { best = cost; origin = s2[j - 1]; }
        if (i > 1 && j > 1 && qc === e.c[j - 2] && q.c[i - 2] === ec && qc !== q.c[i - 2]) {
          cost = d0[j - 2] + 1;
          if (cost < best) { best = cost; origin = s0[j - 2]; }
        }
        d2[j] = best;
        s2[j] = origin;
        if (best < rowMin) rowMin = best;
      }
      if (rowMin > limit) {
        /* every later cell is at least this row's minimum (transpositions reach back two
           rows, so the previous row must be over the limit too) */
        var prevMin = Infinity;
        for (j = 0; j <= m; j++) if (d1[j] < prevMin) prevMin = d1[j];
        if (prevMin > limit) return null;
      }
      tmp = d0; d0 = d1; d1 = d2; d2 = tmp;
      tmpS = s0; s0 = s1; s1 = s2; s2 = tmpS;
    }
    /* d1 holds row n */
    if (!part) return d1[m] > limit ? null : [d1[m], 0, m];
    var bestJ = 0, bestCost = Infinity;
    for (j = 0; j <= m; j++) if (d1[j] < bestCost) { bestCost = d1[j]; bestJ = j; }
    return bestCost > limit ? null : [bestCost, s1[bestJ], bestJ];
  }

  function prepared(compared) {
    return { c: compared, bare: compared.map(bareCluster), indel: compared.map(indel) };
  }

  /* Up to TOP [cost, word] of the lexicon near one query term: fuzzy.py near_words(). */
  function nearWords(text, index) {
    var query = clusters(text).map(function (c) { return c[0]; });
    var limit = budget(query.length);
    if (!limit) return [];
    var thai = THAI_CHAR.test(text.charAt(0)), written = normalize(text);
    var bare = new Set(query.filter(function (c) { return c.indexOf("\u0e4c") < 0; })
      .map(bareCluster));
    var q = prepared(query);
    var found = new Map();
    index.lexiconWords.forEach(function (entry, rank) {
      if (index.lexiconThai[rank] !== thai) return;
      var parts = index.lexiconClusters[rank];
      if (!thai && Math.abs(parts.length - query.length) > limit) return;
      if (unmatched(bare, index.lexiconBare[rank]) > limit) return;
      var r = within(q, index.lexiconPrepared[rank], thai, limit);
      if (!r) return;
      var word = parts.slice(r[1], r[2]).map(function (c) { return c[1]; }).join("");
      if (r[0] > limit || word === written) return;
      var old = found.get(word);
      if (!old || r[0] < old[0] || (r[0] === old[0] && rank < old[1])) found.set(word, [r[0], rank]);
    });
    var ranked = Array.from(found.entries());
    ranked.sort(function (a, b) {
      return a[1][0] - b[1][0] || a[1][1] - b[1][1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
    });
    return ranked.slice(0, TOP).map(function (x) { return [x[1][0], x[0]]; });
  }

  /* fuzzy.py typed_terms(): the query's terms word by word, as the reader spaced them. Thai
     words typed with a space between them are one run to the search; these are the terms
     searched apart after it, and corrected each on its own ("ขอนแกน การมีสวนรวม" is two
     words with tone marks left out, not one long unknown word). */
  function typedTerms(query, gram) {
    var pieces = String(query).split(/\s+/).filter(Boolean);
    var openEnd = /\S$/.test(String(query));
    var terms = [];
    pieces.forEach(function (piece, n) {
      var end = n === pieces.length - 1 && openEnd ? "" : " ";
      terms = terms.concat(parseQuery(piece + end, gram));
    });
    return terms;
  }

  /* Corrected queries [cost, text], cheapest first: fuzzy.py alternatives(). */
  function alternatives(terms, index) {
    var options = terms.map(function (t) { return [[0, t.text]].concat(nearWords(t.text, index)); });
    var found = new Map();
    (function product(i, cost, words) {
      if (cost > MAX_COST) return;   // costs only add up: nothing that starts so is cheap enough
      if (i === options.length) {
        if (cost > 0 && cost <= MAX_COST) {
          var text = words.join(" ");
          if (!found.has(text) || cost < found.get(text)) found.set(text, cost);
        }
        return;
      }
      options[i].forEach(function (o) { product(i + 1, cost + o[0], words.concat([o[1]])); });
    })(0, 0, []);
    for (var i = 0; i + 1 < terms.length; i++) {
      var a = terms[i].text, b = terms[i + 1].text;
      if (!THAI_CHAR.test(a.charAt(0)) && !THAI_CHAR.test(b.charAt(0))) {
        var words = terms.map(function (t) { return t.text; });
        var text = words.slice(0, i).concat([a + b], words.slice(i + 2)).join(" ");
        if (!found.has(text) || JOINED < found.get(text)) found.set(text, JOINED);
      }
    }
    var ranked = Array.from(found.entries());
    ranked.sort(function (x, y) { return x[1] - y[1] || (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0); });
    return ranked.slice(0, MAX_ALTERNATIVES).map(function (x) { return [x[1], x[0]]; });
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
  /* Made when the first result is drawn: making one loads ICU's Thai dictionary, which took
     longer than anything else this script does while a page loads (a phone's first seconds). */
  var thaiSegmenter;
  function thaiWords() {
    if (thaiSegmenter === undefined) {
      thaiSegmenter = typeof Intl !== "undefined" && Intl.Segmenter
        ? new Intl.Segmenter("th", { granularity: "word" }) : null;
    }
    return thaiSegmenter;
  }
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
    var cuts = new Set(), m, segmenter = thaiWords();
    if (!segmenter) return cuts;
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
      for (var part of segmenter.segment(run)) {
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

  /* Append text to el with the query's terms marked (spaces allowed inside Thai, Lao…). */
  function highlight(el, text, terms) {
    var cuts = thaiBreaks(text);
    var patterns = terms.map(function (term) {
      return Array.from(term.text).map(function (ch) {
        return ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      }).join(UNSPACED_CHAR.test(term.text) ? "[\\s\\u200b]*" : "");
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

  /* What a result marks: the query as one run (its words side by side, a space between them
     or not), else each word typed apart on its own. */
  function markedTerms(query) {
    return parseQuery(query).concat(typedTerms(query));
  }

  function resultItem(root, doc, terms, itemClass, linkClass) {
    if (doc.near && doc.near !== "~") terms = markedTerms(doc.near);
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
    /* What the page is and where: its kind and its cities, as the page itself says them. */
    var where = [doc.kind, doc.city].filter(Boolean).join(" · ");
    if (where) {
      var meta = document.createElement("p");
      meta.className = "lc-search__where";
      meta.textContent = where;
      article.appendChild(meta);
    }
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
    if (!window.LCStemEnglish) {   // queries are parsed with the stemmer: load it first
      return stemmerReady().then(function () {
        if (seq === self.seq) return self.run(query);
      }, function (error) {
        o.status.textContent = labels.error || String(error);
        self.finish(query);
      });
    }
    var terms = parseQuery(query);
    o.list.textContent = "";
    if (o.offer) { o.offer.remove(); o.offer = null; }
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
    return index.search(query).then(function (result) {
      if (seq !== self.seq) return;
      var hits = result.hits;
      self.hits = hits;
      self.suggestions = result.suggestions;
      self.terms = markedTerms(query);
      self.shown = 0;
      self.query = query;
      self.elapsed = performance.now() - started;
      var exact = hits.filter(function (h) { return h.tier < NEAR_TIER; }).length;
      if (!exact) o.status.textContent = format(labels.none, { q: query.trim() });
      else o.status.textContent = format(exact === 1 ? labels.one : labels.other, { n: exact });
      self.offer(query);
      if (!hits.length) {
        self.finish(query);
        return;
      }
      return self.more().then(function () { if (seq === self.seq) self.finish(query); });
    }).catch(function (error) {
      if (seq !== self.seq) return;
      o.status.textContent = labels.error || String(error);
      self.finish(query);
      if (window.console) console.warn(error);
    });
  };

  /* No dead end: "did you mean …" (each a link that searches it) when the query found few
     pages exactly, and with no page at all, the archive's index pages. */
  Renderer.prototype.offer = function (query) {
    var self = this, o = this.opts, labels = o.labels;
    if (o.offer) o.offer.remove();
    o.offer = null;
    var exact = this.hits.filter(function (h) { return h.tier < NEAR_TIER; }).length;
    if (!this.suggestions.length && exact) return;
    var box = document.createElement("div");
    box.className = "lc-search__offer";
    if (this.suggestions.length) {
      var p = document.createElement("p");
      p.className = "lc-search__suggest";
      p.appendChild(document.createTextNode(labels.didyoumean + " "));
      this.suggestions.forEach(function (text, i) {
        if (i) p.appendChild(document.createTextNode(", "));
        var a = document.createElement("a");
        a.href = o.pageUrl + "?q=" + encodeURIComponent(text);
        a.textContent = text;
        a.setAttribute("data-lc-suggestion", "");
        a.addEventListener("click", function (event) {
          event.preventDefault();
          if (o.input) o.input.value = text;
          self.run(text);
        });
        p.appendChild(a);
      });
      box.appendChild(p);
    }
    if (!exact && o.browse && o.browse.length) {
      var b = document.createElement("p");
      b.className = "lc-search__browse";
      b.appendChild(document.createTextNode(labels.browse + " "));
      o.browse.forEach(function (item, i) {
        if (i) b.appendChild(document.createTextNode(" · "));
        var a = document.createElement("a");
        a.href = item[1];
        a.textContent = item[0];
        b.appendChild(a);
      });
      box.appendChild(b);
    }
    o.status.parentNode.insertBefore(box, o.status.nextSibling);
    o.offer = box;
  };

  Renderer.prototype.more = function () {
    var self = this, o = this.opts, seq = this.seq;
    var slice = this.hits.slice(this.shown, this.shown + o.page);
    var index = indexFor(o.root, o.lang);
    return Promise.all([index.documents(slice.map(function (h) { return h.doc; })),
                        loadThaiWords(o.root, index.manifest.id)]).then(function (loaded) {
      var docs = loaded[0];
      if (seq !== self.seq) return;
      docs.forEach(function (doc, i) {
        doc.near = slice[i].near;
        var first = self.shown + i;
        if (slice[i].tier >= NEAR_TIER && (first === 0 || self.hits[first - 1].tier < NEAR_TIER)) {
          /* Where the near spellings begin, below every exact hit. */
          var li = document.createElement("li");
          li.className = o.itemClass + " lc-search__near";
          li.textContent = o.labels.near;
          o.list.appendChild(li);
        }
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
    var browse = JSON.parse(box.getAttribute("data-lc-browse") || "[]");
    var renderer = new Renderer({
      root: root, lang: lang, labels: labels, list: list, status: status, page: 10, host: box,
      pageUrl: pageUrl, input: input, browse: browse,
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
      stemmerReady().catch(function () {});
    });
    input.addEventListener("input", update);
    /* Tabbing out of the search (past its results) closes it: left open, its panel covers
       the page, and the next links would take focus unseen beneath it (WCAG 2.4.11). */
    box.addEventListener("focusout", function (event) {
      var next = event.relatedTarget;
      if (next && !box.contains(next)) setToggle(false);
    });
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
    var browse = box ? JSON.parse(box.getAttribute("data-lc-browse") || "[]") : [];
    var renderer = new Renderer({
      root: root, lang: lang, labels: labels, list: list, status: status, page: 20, more: more,
      host: form, pageUrl: form.getAttribute("action") || "search.html", input: input,
      browse: browse,
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
      return index.search(query).then(function (result) {
        var hits = result.hits.slice(0, limit || 10);
        return index.documents(hits.map(function (h) { return h.doc; })).then(function (docs) {
          return docs.map(function (d, i) {
            return { url: d.url, title: d.title, score: hits[i].score, tier: hits[i].tier,
              near: hits[i].near, kind: d.kind, city: d.city };
          });
        });
      });
    },
    /* For tests: [[suggestion…], [doc…]] as search() resolves them */
    suggest: function (query, root, lang) {
      var box = document.querySelector("[data-lc-search]");
      root = root || (box && box.getAttribute("data-lc-root")) || "./";
      lang = lang || (box && box.getAttribute("data-lc-lang")) || document.documentElement.lang;
      return indexFor(root, lang).search(query).then(function (r) { return r.suggestions; });
    },
    stemmerReady: stemmerReady,
    stem: function (word) { return stem(word); },
    skeleton: skeleton,
    clusters: clusters,
    distance: distance,
    nearWords: function (text, words) {
      var index = {};
      prepareLexicon(index, words);
      return nearWords(text, index);
    }
  };

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
