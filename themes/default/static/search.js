/* donorbook client-side search.
 *
 * Classic script (ES2018, no modules, no dependencies), loaded on every page with `defer`.
 * On the search page (#search-app) it inserts a <script src> for the locale's index file
 * (assets/search/<locale>.js, which registers window.donorbookSearch[locale]); that works on
 * file:// where fetch()/XHR and ES modules do not. Nothing is fetched anywhere else.
 *
 * The tokenizer implements the same rule as `tokenize` in src/search.rs (see docs/search.md);
 * tests/e2e/search-tokenize.test.mjs checks both against the same expected tokens.
 * All page data is put into the DOM with textContent / text nodes, never innerHTML.
 */
(function (root) {
  'use strict';

  // ---------------------------------------------------------------- character classes

  // Combining marks deleted by normalization: marks in the diacritic blocks (see src/search.rs).
  var STRIP_RE, stripWith = '';
  var WORD_RE, MARK_RE, CHUNK_RE;
  try {
    STRIP_RE = new RegExp('(?=\\p{M})[\\u0300-\\u08ff\\u1ab0-\\u1aff\\u1dc0-\\u1dff\\u20d0-\\u20ff\\ufe00-\\ufe0f\\ufe20-\\ufe2f\\u{e0100}-\\u{e01ef}]', 'gu');
    WORD_RE = new RegExp('^[\\p{Alphabetic}\\p{N}\\p{M}]$', 'u');
    MARK_RE = new RegExp('^\\p{M}$', 'u');
    CHUNK_RE = new RegExp('[\\p{Alphabetic}\\p{N}\\p{M}\\u200c]+', 'gu');
  } catch (e) {
    // Engines without Unicode property escapes: a coarse approximation, still never throws.
    WORD_RE = /^(?:[0-9A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u1fff\u2c00-\u2dff\u3005-\u3007\u3021-\u3029\u3031-\u303c\u3041-\u30ff\u3131-\ud7ff\uf900-\ufdff\ufe70-\ufefe\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff66-\uffdc]|[\ud800-\udbff][\udc00-\udfff])$/;
    MARK_RE = /^[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0900-\u0903\u093a-\u094f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\u3099\u309a\ufe00-\ufe0f\ufe20-\ufe2f]$/;
    CHUNK_RE = /(?:[0-9A-Za-z\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u1fff\u200c\u2c00-\u2dff\u3005-\u3007\u3021-\u3029\u3031-\u303c\u3041-\u30ff\u3131-\ud7ff\uf900-\ufdff\ufe70-\ufefe\uff10-\uff19\uff21-\uff3a\uff41-\uff5a\uff66-\uffdc]|[\ud800-\udbff][\udc00-\udfff])+/g;
    STRIP_RE = /[\u0300-\u08ff\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe00-\ufe0f\ufe20-\ufe2f]|\udb40[\udd00-\uddef]/g;
    stripWith = function (ch) { return MARK_RE.test(ch) ? '' : ch; };
  }

  var FOLD_RE = /[\u0649\u06cc\u06a9\u0629\u06c1\u06d5\u0671\u0660-\u0669\u06f0-\u06f9\u03c2\u0640\u00ad\u200d\u2060\ufeff]/g;
  var FOLD = {
    '\u0649': '\u064a', '\u06cc': '\u064a', // ى ی → ي
    '\u06a9': '\u0643', // ک → ك
    '\u0629': '\u0647', '\u06c1': '\u0647', '\u06d5': '\u0647', // ة ہ ە → ه
    '\u0671': '\u0627', // ٱ → ا
    '\u03c2': '\u03c3', // ς → σ
    '\u0640': '', '\u00ad': '', '\u200d': '', '\u2060': '', '\ufeff': ''
  };
  var ZWNJ = '\u200c';
  var ARABIC_ARTICLES = ['\u0648\u0627\u0644', '\u0628\u0627\u0644', '\u0643\u0627\u0644', '\u0641\u0627\u0644', '\u0644\u0644', '\u0627\u0644'];

  function foldChar(ch) {
    var c = ch.charCodeAt(0);
    if (c >= 0x0660 && c <= 0x0669) return String.fromCharCode(48 + c - 0x0660);
    if (c >= 0x06f0 && c <= 0x06f9) return String.fromCharCode(48 + c - 0x06f0);
    return FOLD[ch];
  }

  /** Step 1 of the shared rule: NFKC, lower-case, strip diacritics, fold letter variants. */
  function normalize(text) {
    return String(text)
      .normalize('NFKC')
      .toLowerCase()
      .normalize('NFD')
      .replace(STRIP_RE, stripWith)
      .normalize('NFC')
      .replace(FOLD_RE, foldChar);
  }

  function isCjk(cp) {
    return (cp >= 0x3005 && cp <= 0x3007) || (cp >= 0x3021 && cp <= 0x3029) ||
      (cp >= 0x3038 && cp <= 0x303b) || (cp >= 0x3041 && cp <= 0x3096) ||
      (cp >= 0x3099 && cp <= 0x309f) || (cp >= 0x30a1 && cp <= 0x30fa) ||
      (cp >= 0x30fc && cp <= 0x30ff) || (cp >= 0x31f0 && cp <= 0x31ff) ||
      (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) ||
      (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0x1b000 && cp <= 0x1b16f) ||
      (cp >= 0x20000 && cp <= 0x3ffff);
  }

  function isHangul(cp) {
    return (cp >= 0x1100 && cp <= 0x11ff) || (cp >= 0x3131 && cp <= 0x318e) ||
      (cp >= 0xa960 && cp <= 0xa97f) || (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xd7b0 && cp <= 0xd7ff);
  }

  function isJamo(cp) {
    return isHangul(cp) && !(cp >= 0xac00 && cp <= 0xd7a3);
  }

  // Classes: 'w' word (Latin, Cyrillic, Arabic, digits…), 'j' Han/Hiragana/Katakana, 'h' Hangul.
  // A combining mark belongs to the run of the character before it.
  function runs(part) {
    var out = [], cur = null, start = 0, i = 0;
    while (i < part.length) {
      var cp = part.codePointAt(i);
      var cls = cp < 0x80 ? 'w' : isCjk(cp) ? 'j' : isHangul(cp) ? 'h'
        : cur !== null && cur !== 'w' && MARK_RE.test(String.fromCodePoint(cp)) ? cur : 'w';
      if (cur !== null && cls !== cur) {
        out.push({ kind: cur, text: part.slice(start, i) });
        start = i;
      }
      cur = cls;
      i += cp > 0xffff ? 2 : 1;
    }
    if (cur !== null) out.push({ kind: cur, text: part.slice(start) });
    return out;
  }

  var ASCII_WORD = /^[a-z0-9]+$/;
  // Any Han/Kana/Hangul character or ZWNJ: chunks without one are a single 'w' unit.
  var SPECIAL_RE = /[\u200c\u1100-\u11ff\u3005-\u3007\u3021-\u3029\u3038-\u303b\u3041-\u3096\u3099-\u309f\u30a1-\u30fa\u30fc-\u30ff\u3131-\u318e\u31f0-\u31ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7a3\ud7b0-\ud7ff\uf900-\ufaff]|\ud82c[\udc00-\udd6f]|[\ud840-\ud8bf][\udc00-\udfff]/;

  /** Segments normalized text into units: {kind:'w'|'j'|'h', text} or {kind:'z', text, parts}. */
  function segment(norm) {
    var units = [];
    CHUNK_RE.lastIndex = 0;
    var m;
    while ((m = CHUNK_RE.exec(norm)) !== null) {
      var chunk = m[0];
      if (ASCII_WORD.test(chunk) || !SPECIAL_RE.test(chunk)) {
        units.push({ kind: 'w', text: chunk });
        continue;
      }
      var parts = chunk.split(ZWNJ).filter(function (p) { return p !== ''; });
      var partRuns = parts.map(runs);
      var pieces = [];
      partRuns.forEach(function (r) { pieces.push.apply(pieces, r); });
      if (parts.length >= 2 && partRuns.every(function (r) { return r.length === 1 && r[0].kind === 'w'; })) {
        units.push({ kind: 'z', text: parts.join(''), parts: pieces });
      } else {
        units.push.apply(units, pieces);
      }
    }
    return units;
  }

  function arabicStem(word) {
    var c = word.charCodeAt(0);
    if (!(c >= 0x0600 && c <= 0x06ff)) return null;
    for (var i = 0; i < ARABIC_ARTICLES.length; i++) {
      var a = ARABIC_ARTICLES[i];
      if (word.lastIndexOf(a, 0) === 0) {
        var rest = word.slice(a.length);
        return cpLength(rest) >= 2 ? rest : null;
      }
    }
    return null;
  }

  var SURROGATE_RE = /[\ud800-\udfff]/;

  /** Overlapping two-character strings of a run (code points, not UTF-16 units). */
  function bigramsOf(text) {
    var out = [], i;
    if (!SURROGATE_RE.test(text)) {
      for (i = 0; i + 1 < text.length; i++) out.push(text.slice(i, i + 2));
      return out;
    }
    var cs = Array.from(text);
    for (i = 0; i + 1 < cs.length; i++) out.push(cs[i] + cs[i + 1]);
    return out;
  }

  function cpLength(text) {
    return SURROGATE_RE.test(text) ? Array.from(text).length : text.length;
  }

  function unitTokens(u, out) {
    var n;
    if (u.kind === 'w') {
      out.push(u.text);
      var stem = arabicStem(u.text);
      if (stem !== null) out.push(stem);
    } else if (u.kind === 'j') {
      if (cpLength(u.text) === 1) out.push(u.text);
      else out.push.apply(out, bigramsOf(u.text));
    } else if (u.kind === 'h') {
      out.push(u.text);
      if (cpLength(u.text) >= 3) out.push.apply(out, bigramsOf(u.text));
    } else {
      out.push(u.text);
      for (n = 0; n < u.parts.length; n++) unitTokens(u.parts[n], out);
    }
    return out;
  }

  /** The shared tokenization rule (same output as `donorbook::search::tokenize`). */
  function tokenize(text) {
    var out = [];
    segment(normalize(text)).forEach(function (u) { unitTokens(u, out); });
    return out;
  }

  // ---------------------------------------------------------------- index and matching
  //
  // The index file holds each page's text once. On load every field is normalized with the
  // shared rule; a query is split into units with the same segmentation, and each unit is
  // looked for in the normalized fields with the token boundaries of the rule:
  //   word unit      a whole word (the last unit: a word prefix, as the reader types), also
  //                  right after an Arabic article (دم in بالدم) and across ZWNJ (می‌توانید);
  //   ZWNJ compound  the joined word, or all of its parts;
  //   Han/Kana run   the run as a substring (献血 inside 我们需要献血者);
  //   Hangul word    the word as a substring (헌혈 inside 헌혈은), or, weaker, the word
  //                  without its last syllable (헌혈이 finds 헌혈은).
  // Every unit must match (AND). Score per unit: title 8 + section 3 + 1 + ln(body count).

  var W_TITLE = 8, W_SECTION = 3, W_PREFIX_ONLY = 0.6, MAX_COUNT = 200;

  function prepField(s) {
    var n = normalize(s);
    return { n: n, z: n.indexOf(ZWNJ) >= 0 ? n.split(ZWNJ).join('') : null };
  }

  /** `[tag, dir]` of a fallback row's text, or null (text in the index's own language). */
  function langOf(v) {
    return Array.isArray(v) && typeof v[0] === 'string' && (v[1] === 'ltr' || v[1] === 'rtl') ? { tag: v[0], dir: v[1] } : null;
  }

  /** Marks an element as written in another language than the page (bidi and speech). */
  function markLang(el, lang) {
    if (lang) { el.setAttribute('lang', lang.tag); el.setAttribute('dir', lang.dir); }
  }

  /** Prepares the data registered by assets/search/<locale>.js for searching. */
  function buildIndex(data) {
    var docs = [];
    (data && Array.isArray(data.docs) ? data.docs : []).forEach(function (row) {
      if (!Array.isArray(row)) return;
      var doc = {
        url: String(row[0] == null ? '' : row[0]),
        title: String(row[1] == null ? '' : row[1]),
        section: String(row[2] == null ? '' : row[2]),
        text: String(row[3] == null ? '' : row[3]),
        lang: langOf(row[4]),
        sectionLang: langOf(row[5])
      };
      doc.fields = [prepField(doc.title), prepField(doc.section), prepField(doc.text)];
      docs.push(doc);
    });
    return { docs: docs };
  }

  var plainWordBmp = typeof Uint8Array !== 'undefined' ? new Uint8Array(0x10000) : null; // 0 unknown, 1 yes, 2 no

  /** A word character that is not Han/Kana/Hangul (the 'w' class of the rule). */
  function isPlainWordCode(cp) {
    if (cp === undefined || cp !== cp) return false; // past the end / NaN
    if (cp < 0x80) return (cp >= 48 && cp <= 57) || (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90);
    var known = plainWordBmp && cp < 0x10000 ? plainWordBmp[cp] : 0;
    if (known) return known === 1;
    var yes = !isCjk(cp) && !isHangul(cp) && WORD_RE.test(String.fromCodePoint(cp));
    if (plainWordBmp && cp < 0x10000) plainWordBmp[cp] = yes ? 1 : 2;
    return yes;
  }

  function codeBefore(s, i) {
    if (i <= 0) return undefined;
    var c = s.charCodeAt(i - 1);
    if (c >= 0xdc00 && c <= 0xdfff && i >= 2) return s.codePointAt(i - 2);
    return c;
  }

  function isArabicCode(cp) {
    return cp >= 0x0600 && cp <= 0x06ff;
  }

  /** Is position i of normalized text s the start of a word (or of a word after its article)? */
  function startsWord(s, i, arabic) {
    if (!isPlainWordCode(codeBefore(s, i))) return true;
    if (!arabic) return false;
    var j = i, cp;
    while (j > 0 && isPlainWordCode(cp = codeBefore(s, j))) j -= cp > 0xffff ? 2 : 1;
    return ARABIC_ARTICLES.indexOf(s.slice(j, i)) >= 0;
  }

  /**
   * Occurrences of needle nd = {s, word, prefix, arabic} in s, calling hit(start, end) for each
   * (end extended to the end of the word for prefix matches) until it returns true.
   * Returns {count, exact}.
   */
  function scan(s, nd, hit) {
    var count = 0, exact = 0, len = nd.s.length;
    if (!len || !s) return { count: 0, exact: 0 };
    var pos = s.indexOf(nd.s);
    while (pos >= 0 && count < MAX_COUNT) {
      var end = pos + len;
      if (!nd.word) {
        count++; exact++;
        if (hit && hit(pos, end)) break;
      } else if (startsWord(s, pos, nd.arabic)) {
        var cp = s.codePointAt(end);
        var bounded = end >= s.length || !isPlainWordCode(cp);
        if (bounded || nd.prefix) {
          count++;
          if (bounded) exact++;
          if (hit) {
            while (end < s.length && isPlainWordCode(cp = s.codePointAt(end))) end += cp > 0xffff ? 2 : 1;
            if (hit(pos, end)) break;
          }
        }
      }
      pos = s.indexOf(nd.s, pos + len);
    }
    return { count: count, exact: exact };
  }

  function scanField(f, nd) {
    var r = nd.joined && f.z !== null ? scan(f.z, nd) : scan(f.n, nd);
    if (nd.word && !nd.joined && f.z !== null) {
      // a plain query word also finds the same word written with ZWNJ inside (joined form)
      var r2 = scan(f.z, nd);
      if (r2.count > r.count) r = r2;
    }
    return r;
  }

  /** A field hit: full weight for the whole word, less when only a longer word starts with it. */
  function fieldScore(r, weight) {
    return r.exact ? weight : r.count ? weight * W_PREFIX_ONLY : 0;
  }

  /**
   * Whole-word hits rank above words that merely start with the query ("donor" in a title
   * beats "donorbook" in a body), and title above section above body.
   */
  function needleScore(doc, nd) {
    var t = scanField(doc.fields[0], nd), sec = scanField(doc.fields[1], nd), b = scanField(doc.fields[2], nd);
    if (!t.count && !sec.count && !b.count) return 0;
    var prefixOnly = b.count - b.exact;
    var body = (b.exact ? 1 + Math.log(b.exact) : 0) + (prefixOnly ? W_PREFIX_ONLY * W_PREFIX_ONLY * (1 + Math.log(prefixOnly)) : 0);
    return fieldScore(t, W_TITLE) + fieldScore(sec, W_SECTION) + body;
  }

  function trimJamo(text) {
    var cs = Array.from(text);
    while (cs.length > 1 && isJamo(cs[cs.length - 1].codePointAt(0))) cs.pop();
    return cs.join('');
  }

  function wordNeedle(s, prefix, joined) {
    return { s: s, word: true, prefix: prefix, joined: !!joined, arabic: isArabicCode(s.charCodeAt(0)) };
  }

  /** A query unit as alternatives: {needles (all required), factor}; any one alternative will do. */
  function unitMatcher(u, last) {
    var alts = [];
    if (u.kind === 'w') {
      alts.push({ needles: [wordNeedle(u.text, last)], factor: 1 });
      var stem = arabicStem(u.text);
      if (stem !== null) alts.push({ needles: [wordNeedle(stem, last)], factor: 0.9 });
    } else if (u.kind === 'z') {
      alts.push({ needles: [wordNeedle(u.text, last, true)], factor: 1 });
      alts.push({
        needles: u.parts.map(function (p, i) { return wordNeedle(p.text, last && i === u.parts.length - 1); }),
        factor: 1
      });
    } else if (u.kind === 'j') {
      alts.push({ needles: [{ s: u.text }], factor: 1 });
    } else {
      var text = last ? trimJamo(u.text) : u.text;
      alts.push({ needles: [{ s: text }], factor: 1 });
      if (cpLength(text) >= 3) {
        // without its last syllable (a particle such as 은/는/을/의/이)
        alts.push({ needles: [{ s: Array.from(text).slice(0, -1).join('') }], factor: 0.5 });
      }
    }
    return alts;
  }

  function docUnitScore(doc, alts) {
    var best = 0;
    for (var a = 0; a < alts.length; a++) {
      var sum = 0;
      for (var k = 0; k < alts[a].needles.length; k++) {
        var s = needleScore(doc, alts[a].needles[k]);
        if (!s) { sum = 0; break; }
        sum += s;
      }
      if (sum * alts[a].factor > best) best = sum * alts[a].factor;
    }
    return best;
  }

  /**
   * Runs a query: every query unit must match; the last one as a prefix (as the reader types).
   * Returns {total, results: [{id, doc, score}] (best first, then index order), needles}.
   */
  function search(index, query, limit) {
    var units = segment(normalize(query));
    if (!index || !units.length) return { total: 0, results: [], needles: [] };
    var matchers = units.map(function (u, i) { return unitMatcher(u, i === units.length - 1); });
    var ranked = [];
    index.docs.forEach(function (doc, id) {
      var total = 0;
      for (var i = 0; i < matchers.length; i++) {
        var s = docUnitScore(doc, matchers[i]);
        if (!s) return;
        total += s;
      }
      ranked.push({ id: id, doc: doc, score: total });
    });
    ranked.sort(function (a, b) { return b.score - a.score || a.id - b.id; });
    var needles = [];
    matchers.forEach(function (alts) { alts.forEach(function (alt) { needles.push.apply(needles, alt.needles); }); });
    return {
      total: ranked.length,
      results: ranked.slice(0, limit > 0 ? limit : ranked.length),
      needles: needles
    };
  }

  // ---------------------------------------------------------------- snippets

  /** Is normalized ns position-aligned with text (same length, ASCII letters in place)? */
  function aligned(text, ns) {
    if (ns.length !== text.length) return false;
    for (var i = 0; i < text.length; i++) {
      var c = text.charCodeAt(i);
      if (c < 0x80) {
        if (c >= 65 && c <= 90) c += 32;
        if (ns.charCodeAt(i) !== c) return false;
      }
    }
    return true;
  }

  var wordCache = new Map();

  /** A space-free piece of text normalized, with per-unit offsets when its length changed. */
  function mapWord(w) {
    var m = wordCache.get(w);
    if (m) return m;
    var n = normalize(w), from = null, to = null;
    if (n.length !== w.length) {
      // cluster by cluster (a character and the marks after it), each normalized on its own
      var pieces = [], i = 0;
      from = []; to = [];
      while (i < w.length) {
        var cp = w.codePointAt(i), j = i + (cp > 0xffff ? 2 : 1);
        while (j < w.length && isMarkCode(w.codePointAt(j))) j += w.codePointAt(j) > 0xffff ? 2 : 1;
        var c = normalize(w.slice(i, j));
        for (var k = 0; k < c.length; k++) { from.push(i); to.push(j); }
        pieces.push(c);
        i = j;
      }
      n = pieces.join('');
    }
    m = { n: n, from: from, to: to };
    if (wordCache.size < 50000) wordCache.set(w, m);
    return m;
  }

  /**
   * Normalized body text and how to map its positions back to the original text: identity when
   * normalization kept every position, else word by word, with "edits" for the words whose
   * length changed (harakat, tatweel, ligatures…); plus the same with ZWNJ removed, if any.
   */
  function mappedText(doc) {
    if (doc._map) return doc._map;
    var text = doc.text, ns = doc.fields[2].n, edits = null;
    if (!aligned(text, ns)) {
      var words = text.split(' '), nwords = ns.split(' '), pieces = [], nsPos = 0, orig = 0;
      // normalization keeps spaces (bar NFKC oddities such as ¨ → space + mark): pair the words
      var paired = words.length === nwords.length;
      edits = [];
      for (var w = 0; w < words.length; w++) {
        var m = paired && nwords[w].length === words[w].length ? { n: nwords[w], from: null } : mapWord(words[w]);
        if (m.from) {
          edits.push({ ns0: nsPos, ns1: nsPos + m.n.length, o0: orig, o1: orig + words[w].length, from: m.from, to: m.to });
        }
        pieces.push(m.n);
        nsPos += m.n.length + 1;
        orig += words[w].length + 1;
      }
      ns = pieces.join(' ');
    }
    var map = { s: ns, edits: edits, z: null };
    if (ns.indexOf(ZWNJ) >= 0) {
      // positions of ZWNJ, minus how many came before: a z index maps back by binary search
      var shifted = [], i = -1;
      while ((i = ns.indexOf(ZWNJ, i + 1)) >= 0) shifted.push(i - shifted.length);
      map.z = { s: ns.split(ZWNJ).join(''), shifted: shifted, base: map };
    }
    doc._map = map;
    return map;
  }

  /** Original offset of normalized position pos: its start, or (end) the end of its source. */
  function origOffset(edits, pos, end) {
    if (!edits || !edits.length) return end ? pos + 1 : pos;
    var lo = 0, hi = edits.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (edits[mid].ns0 <= pos) lo = mid + 1; else hi = mid;
    }
    if (lo === 0) return end ? pos + 1 : pos;
    var e = edits[lo - 1];
    if (pos < e.ns1) return e.o0 + (end ? e.to : e.from)[pos - e.ns0];
    return pos - e.ns1 + e.o1 + (end ? 1 : 0);
  }

  /** Original [start, end) of the normalized range [a, b) of map m. */
  function toOriginal(m, a, b) {
    if (m.base) {
      a = unshift(m.shifted, a);
      b = unshift(m.shifted, b - 1) + 1;
      m = m.base;
    }
    return [origOffset(m.edits, a, false), origOffset(m.edits, b - 1, true)];
  }

  function unshift(shifted, zi) {
    var lo = 0, hi = shifted.length;
    while (lo < hi) {
      var mid = (lo + hi) >> 1;
      if (shifted[mid] <= zi) lo = mid + 1; else hi = mid;
    }
    return zi + lo;
  }

  /**
   * Merged [start, end) ranges of the original text that match any needle and start before
   * `before`; with `firstOnly`, just the first match of each needle.
   */
  function findMatches(doc, needles, before, firstOnly) {
    var map = mappedText(doc), found = [];
    needles.forEach(function (nd) {
      var targets = nd.joined && map.z ? [map.z] : nd.word && map.z ? [map, map.z] : [map];
      targets.forEach(function (t) {
        scan(t.s, nd, function (a, b) {
          var r = toOriginal(t, a, b);
          if (r[0] >= before) return true;
          found.push(r);
          return firstOnly || found.length >= 500;
        });
      });
    });
    found.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
    var merged = [];
    found.forEach(function (r) {
      var prev = merged[merged.length - 1];
      if (prev && r[0] <= prev[1]) prev[1] = Math.max(prev[1], r[1]);
      else merged.push([r[0], r[1]]);
    });
    return merged;
  }

  function charAt(s, i) {
    var cp = s.codePointAt(i);
    return cp === undefined ? '' : String.fromCodePoint(cp);
  }

  function isLowSurrogate(s, i) {
    var c = s.charCodeAt(i);
    return c >= 0xdc00 && c <= 0xdfff;
  }

  var markBmp = typeof Uint8Array !== 'undefined' ? new Uint8Array(0x10000) : null; // 0 unknown, 1 yes, 2 no

  function isMarkCode(cp) {
    if (cp === undefined || cp < 0x300) return false;
    var known = markBmp && cp < 0x10000 ? markBmp[cp] : 0;
    if (known) return known === 1;
    var yes = MARK_RE.test(String.fromCodePoint(cp));
    if (markBmp && cp < 0x10000) markBmp[cp] = yes ? 1 : 2;
    return yes;
  }

  function isCut(s, i) {
    return i > 0 && i < s.length && (isLowSurrogate(s, i) || MARK_RE.test(charAt(s, i)));
  }

  /**
   * A snippet of about `size` UTF-16 units around the first match in the body: a list of
   * {text, mark} parts (mark = highlighted), with "…" where the text was cut.
   */
  function snippet(doc, needles, size) {
    size = size || 160;
    var text = doc.text;
    needles = needles || [];
    var first = findMatches(doc, needles, Infinity, true);
    var start = 0, end = Math.min(text.length, size);
    if (first.length) {
      start = Math.max(0, first[0][0] - Math.floor(size / 4));
      end = Math.min(text.length, start + size);
      start = Math.max(0, Math.min(start, end - size));
    }
    // snap to a space when one is near; never cut a surrogate pair or a mark from its base
    if (start > 0) {
      var sp = text.slice(start, start + 20).search(/\s/);
      if (sp >= 0 && (!first.length || start + sp < first[0][0])) start += sp + 1;
    }
    if (end < text.length) {
      var from = Math.max(start, end - 20);
      var back = text.slice(from, end).search(/\s\S*$/);
      if (back >= 0 && from + back > start) end = from + back;
    }
    while (isCut(text, start)) start++;
    while (end < text.length && isCut(text, end)) end++;
    var ranges = first.length ? findMatches(doc, needles, end, false) : [];
    var parts = [];
    if (start > 0) parts.push({ text: '… ', mark: false });
    var at = start;
    ranges.forEach(function (r) {
      var a = Math.max(r[0], at), b = Math.min(r[1], end);
      if (a >= b) return;
      if (a > at) parts.push({ text: text.slice(at, a), mark: false });
      parts.push({ text: text.slice(a, b), mark: true });
      at = b;
    });
    if (at < end) parts.push({ text: text.slice(at, end), mark: false });
    if (end < text.length) parts.push({ text: ' …', mark: false });
    return parts.filter(function (p) { return p.text !== ''; });
  }

  // ---------------------------------------------------------------- exports

  var api = {
    normalize: normalize,
    tokenize: tokenize,
    buildIndex: buildIndex,
    search: search,
    snippet: snippet,
    isSafeUrl: isSafeUrl
  };
  root.donorbookTokenize = tokenize;
  root.donorbookSearchEngine = api;
  if (typeof module !== 'undefined' && module && module.exports) module.exports = api;

  // ---------------------------------------------------------------- page

  /** Result urls are relative paths from the generator; anything with a scheme or an absolute path is not linked. */
  function isSafeUrl(url) {
    return typeof url === 'string' && !/^\s*(?:[a-z][a-z0-9+.\-]*:|[\/\\])/i.test(url);
  }

  function fill(label, values) {
    return String(label || '').replace(/\{(count|query)\}/g, function (_, k) { return values[k]; });
  }

  function formatCount(n, locale) {
    try { return new Intl.NumberFormat(locale || undefined).format(n); } catch (e) { return String(n); }
  }

  function loadIndex(src, locale, done) {
    var reg = root.donorbookSearch;
    if (reg && reg[locale]) { done(reg[locale]); return; }
    if (!src) { done(null); return; }
    var finished = false;
    function finish(data) { if (!finished) { finished = true; done(data); } }
    try {
      var s = document.createElement('script');
      s.src = src;
      s.async = true;
      s.charset = 'utf-8';
      s.onload = function () {
        var r = root.donorbookSearch;
        finish(r && r[locale] && Array.isArray(r[locale].docs) ? r[locale] : null);
      };
      s.onerror = function () { finish(null); };
      (document.head || document.documentElement).appendChild(s);
    } catch (e) {
      finish(null);
    }
  }

  function initSearchPage() {
    var app = document.getElementById('search-app');
    var input = document.getElementById('search-q');
    var status = document.getElementById('search-status');
    var list = document.getElementById('search-results');
    if (!app || !input || !status || !list) return;
    var form = document.getElementById('search-form');
    if (form) form.hidden = false; // hidden in the page: without scripts it could not search
    var attr = function (name) { return app.getAttribute(name) || ''; };
    var locale = attr('data-locale');
    var rootUrl = attr('data-root');
    var labels = {
      results: attr('data-label-results') || '{count}',
      one: attr('data-label-results-one'),
      none: attr('data-label-none') || '{query}',
      loading: attr('data-label-loading'),
      error: attr('data-label-error') || 'Error'
    };
    var index = null, state = 'idle', timer = null, lastShown = null;

    function setStatus(text) {
      if (status.textContent !== text) status.textContent = text;
    }

    function clearResults() {
      while (list.firstChild) list.removeChild(list.firstChild);
    }

    function updateHistory(q) {
      try {
        var base = String(location.href).split('#')[0].split('?')[0];
        history.replaceState(history.state, '', q ? base + '?q=' + encodeURIComponent(q) : base);
      } catch (e) { /* file:// in some browsers */ }
    }

    function render(q) {
      if (state === 'error') { clearResults(); setStatus(labels.error); lastShown = null; return; }
      if (!q.trim()) { clearResults(); setStatus(''); lastShown = ''; return; }
      if (!index) { if (labels.loading) setStatus(labels.loading); ensureLoaded(); return; }
      if (q === lastShown) return;
      lastShown = q;
      var res;
      try { res = search(index, q, 50); } catch (e) { res = { total: 0, results: [], needles: [] }; }
      clearResults();
      var frag = document.createDocumentFragment();
      res.results.forEach(function (r) {
        var li = document.createElement('li');
        var a = document.createElement('a');
        if (isSafeUrl(r.doc.url)) a.setAttribute('href', rootUrl + r.doc.url);
        a.textContent = r.doc.title || r.doc.url;
        markLang(a, r.doc.lang);
        li.appendChild(a);
        if (r.doc.section) {
          li.appendChild(document.createTextNode(' '));
          var sec = document.createElement('span');
          sec.className = 'search-section';
          sec.textContent = r.doc.section;
          markLang(sec, r.doc.sectionLang);
          li.appendChild(sec);
        }
        var p = document.createElement('p');
        p.className = 'search-snippet';
        markLang(p, r.doc.lang);
        var parts;
        try { parts = snippet(r.doc, res.needles, 160); } catch (e) { parts = [{ text: r.doc.text.slice(0, 160), mark: false }]; }
        parts.forEach(function (part) {
          if (part.mark) {
            var mk = document.createElement('mark');
            mk.textContent = part.text;
            p.appendChild(mk);
          } else {
            p.appendChild(document.createTextNode(part.text));
          }
        });
        li.appendChild(p);
        frag.appendChild(li);
      });
      list.appendChild(frag);
      var values = { count: formatCount(res.total, locale), query: q.trim() };
      setStatus(res.total === 0 ? fill(labels.none, values)
        : fill(res.total === 1 && labels.one ? labels.one : labels.results, values));
    }

    function ensureLoaded() {
      if (state !== 'idle') return;
      state = 'loading';
      loadIndex(attr('data-index'), locale, function (data) {
        if (data) {
          try { index = buildIndex(data); state = 'ready'; } catch (e) { state = 'error'; }
        } else {
          state = 'error';
        }
        lastShown = null;
        render(input.value);
      });
    }

    // Results follow each keystroke at once while searching is fast (a few ms on a site of a
    // few hundred pages); only when a search took long (a very large index on a slow machine)
    // are keystrokes batched, so typing never lags. The address bar follows after a pause.
    var lastCost = 0;
    var historyTimer;
    function timedRender() {
      var t0 = Date.now();
      render(input.value);
      lastCost = Date.now() - t0;
    }
    function schedule() {
      clearTimeout(timer);
      clearTimeout(historyTimer);
      historyTimer = setTimeout(function () { updateHistory(input.value.trim()); }, 300);
      if (lastCost < 30) timedRender();
      else timer = setTimeout(timedRender, 100);
    }

    var q = '';
    try { q = new URLSearchParams(location.search).get('q') || ''; } catch (e) { q = ''; }
    if (q) input.value = q;
    // The header's search box shows the query too, and follows what is typed on the page.
    var header = document.getElementById('site-search-q');
    function syncHeader() {
      if (header && header !== input) { header.value = input.value; header.setAttribute('value', input.value); }
    }
    if (q) syncHeader();
    input.addEventListener('input', syncHeader);
    input.addEventListener('input', function (e) { if (!e.isComposing) schedule(); });
    input.addEventListener('compositionend', schedule);
    input.addEventListener('focus', ensureLoaded);
    if (form) {
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        clearTimeout(timer);
        clearTimeout(historyTimer);
        updateHistory(input.value.trim());
        lastShown = null;
        render(input.value);
      });
    }
    ensureLoaded();
    render(input.value);
  }

  if (typeof document !== 'undefined' && document.getElementById) {
    if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', initSearchPage);
    else initSearchPage();
  }
})(typeof globalThis !== 'undefined' ? globalThis : typeof window !== 'undefined' ? window : this);
