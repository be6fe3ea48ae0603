"""Write theme/assets/javascripts/stemmer-en.js from snowballstemmer's English stemmer.

The index keeps English words as their Snowball stem (normalize.stem) and search.js must stem
a query the very same way. The Snowball project generates its stemmers for Python and for
JavaScript from one source, but only the Python ones are packaged where this project installs
from (the JavaScript ones on npm are a port of 2012 that stems 19 of 23,000 test words
differently). So the JavaScript is made here, line by line, from the Python code that
snowballstemmer generated: its control flow is regular (blocks left with `raise labN()`,
`while True` loops, `if`/`elif`), and tests/test_search_browser.py checks that the browser
stems the site's words and 20,000 more exactly as Python does. Run after upgrading
snowballstemmer:

    .venv/bin/python -m generator.search.stemmer_js
"""

from __future__ import annotations

import inspect
import re
import sys
from pathlib import Path

from snowballstemmer import english_stemmer

TARGET = (
    Path(__file__).resolve().parent.parent.parent
    / "theme"
    / "assets"
    / "javascripts"
    / "stemmer-en.js"
)

# The runtime of every Snowball stemmer (snowballstemmer/basestemmer.py), as the English
# stemmer uses it.
RUNTIME = """
  function Among(s, substring_i, result) { this.s = s; this.substring_i = substring_i; this.result = result; }
  function Stemmer() {}
  var P = Stemmer.prototype;
  P.set_current = function (value) {
    this.current = value; this.cursor = 0; this.limit = value.length; this.limit_backward = 0;
    this.bra = this.cursor; this.ket = this.limit;
  };
  P.in_grouping = function (s) {
    if (this.cursor >= this.limit || s.indexOf(this.current.charAt(this.cursor)) < 0) return false;
    this.cursor++; return true;
  };
  P.go_in_grouping = function (s) {
    while (this.cursor < this.limit) {
      if (s.indexOf(this.current.charAt(this.cursor)) < 0) return true;
      this.cursor++;
    }
    return false;
  };
  P.in_grouping_b = function (s) {
    if (this.cursor <= this.limit_backward || s.indexOf(this.current.charAt(this.cursor - 1)) < 0) return false;
    this.cursor--; return true;
  };
  P.go_in_grouping_b = function (s) {
    while (this.cursor > this.limit_backward) {
      if (s.indexOf(this.current.charAt(this.cursor - 1)) < 0) return true;
      this.cursor--;
    }
    return false;
  };
  P.out_grouping = function (s) {
    if (this.cursor >= this.limit) return false;
    if (s.indexOf(this.current.charAt(this.cursor)) < 0) { this.cursor++; return true; }
    return false;
  };
  P.go_out_grouping = function (s) {
    while (this.cursor < this.limit) {
      if (s.indexOf(this.current.charAt(this.cursor)) >= 0) return true;
      this.cursor++;
    }
    return false;
  };
  P.out_grouping_b = function (s) {
    if (this.cursor <= this.limit_backward) return false;
    if (s.indexOf(this.current.charAt(this.cursor - 1)) < 0) { this.cursor--; return true; }
    return false;
  };
  P.go_out_grouping_b = function (s) {
    while (this.cursor > this.limit_backward) {
      if (s.indexOf(this.current.charAt(this.cursor - 1)) >= 0) return true;
      this.cursor--;
    }
    return false;
  };
  P.eq_s = function (s) {
    if (this.limit - this.cursor < s.length || this.current.slice(this.cursor, this.cursor + s.length) !== s) return false;
    this.cursor += s.length; return true;
  };
  P.eq_s_b = function (s) {
    if (this.cursor - this.limit_backward < s.length || this.current.slice(this.cursor - s.length, this.cursor) !== s) return false;
    this.cursor -= s.length; return true;
  };
  P.find_among = function (v) {
    var i = 0, j = v.length, c = this.cursor, l = this.limit, common_i = 0, common_j = 0;
    var first_key_inspected = false;
    while (true) {
      var k = i + ((j - i) >> 1), diff = 0, common = Math.min(common_i, common_j), w = v[k];
      for (var i2 = common; i2 < w.s.length; i2++) {
        if (c + common === l) { diff = -1; break; }
        diff = this.current.charCodeAt(c + common) - w.s.charCodeAt(i2);
        if (diff !== 0) break;
        common++;
      }
      if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
      if (j - i <= 1) {
        if (i > 0 || j === i || first_key_inspected) break;
        first_key_inspected = true;
      }
    }
    while (true) {
      var w2 = v[i];
      if (common_i >= w2.s.length) { this.cursor = c + w2.s.length; return w2.result; }
      i = w2.substring_i;
      if (i < 0) return 0;
    }
  };
  P.find_among_b = function (v) {
    var i = 0, j = v.length, c = this.cursor, lb = this.limit_backward, common_i = 0, common_j = 0;
    var first_key_inspected = false;
    while (true) {
      var k = i + ((j - i) >> 1), diff = 0, common = Math.min(common_i, common_j), w = v[k];
      for (var i2 = w.s.length - 1 - common; i2 >= 0; i2--) {
        if (c - common === lb) { diff = -1; break; }
        diff = this.current.charCodeAt(c - 1 - common) - w.s.charCodeAt(i2);
        if (diff !== 0) break;
        common++;
      }
      if (diff < 0) { j = k; common_j = common; } else { i = k; common_i = common; }
      if (j - i <= 1) {
        if (i > 0 || j === i || first_key_inspected) break;
        first_key_inspected = true;
      }
    }
    while (true) {
      var w2 = v[i];
      if (common_i >= w2.s.length) { this.cursor = c - w2.s.length; return w2.result; }
      i = w2.substring_i;
      if (i < 0) return 0;
    }
  };
  P.replace_s = function (c_bra, c_ket, s) {
    var adjustment = s.length - (c_ket - c_bra);
    this.current = this.current.slice(0, c_bra) + s + this.current.slice(c_ket);
    this.limit += adjustment;
    if (this.cursor >= c_ket) this.cursor += adjustment;
    else if (this.cursor > c_bra) this.cursor = c_bra;
    return adjustment;
  };
  P.slice_from = function (s) { this.replace_s(this.bra, this.ket, s); this.ket = this.bra + s.length; };
  P.slice_del = function () { this.slice_from(""); };
  P.insert = function (c_bra, c_ket, s) {
    var adjustment = this.replace_s(c_bra, c_ket, s);
    if (c_bra <= this.bra) this.bra += adjustment;
    if (c_bra <= this.ket) this.ket += adjustment;
  };
"""

_HEADER = """/* English stemmer for the archive's search (search.js): Snowball's English algorithm,
 * written by generator/search/stemmer_js.py from snowballstemmer {version} (generated by
 * {generator}); do not edit. Snowball: BSD-3-Clause, https://snowballstem.org/ */
(function () {{
  "use strict";
"""


def _expression(text: str) -> str:
    """A Python expression of the generated code in JavaScript."""
    text = re.sub(r"\bself\.__r_", "this.r_", text)
    text = re.sub(r"\bself\.", "this.", text)
    text = re.sub(r"\bEnglishStemmer\.", "S.", text)
    text = re.sub(r"this\.current\[([^\]]+)\]", r"this.current.charAt(\1)", text)
    text = re.sub(r"\bnot\s+", "!", text)
    text = re.sub(r"\band\b", "&&", text)
    text = re.sub(r"\bor\b", "||", text)
    text = re.sub(r"\bTrue\b", "true", text)
    text = re.sub(r"\bFalse\b", "false", text)
    text = re.sub(r"(?<![=!<>])==(?!=)", "===", text)
    text = re.sub(r"!=(?!=)", "!==", text)
    text = re.sub(r"\blen\(([^()]*)\)", r"\1.length", text)
    return text


def _set(text: str) -> str:
    """A Python set or string of letters as a JavaScript string (groupings)."""
    return '"' + "".join(sorted(re.findall(r'"(.)"', text))) + '"' if "{" in text else text


def _method(source: str) -> list[str]:
    """One generated method, as JavaScript lines (its `def` line first)."""
    lines = [line for line in source.splitlines() if line.strip()]
    name = re.match(r"\s*def (\w+)\(self\):", lines[0])
    assert name, lines[0]
    out = [f"  P.{name.group(1).replace('__r_', 'r_')} = function () {{"]
    base = len(lines[0]) - len(lines[0].lstrip())
    stack: list[tuple[int, str]] = []  # (indent, what closes it)
    declared: set[str] = set()
    labels: list[tuple[int, str]] = []  # open try blocks: (indent, label)

    def close(indent: int) -> None:
        while stack and stack[-1][0] >= indent:
            _, closing = stack.pop()
            out.append(closing)

    for n, line in enumerate(lines[1:], start=1):
        indent = len(line) - len(line.lstrip())
        text = line.strip()
        if text.startswith("except "):
            close(indent + 1)
            labels.pop()
            continue
        if text.startswith(("elif ", "else:")):
            close(indent + 1)
            stack.pop()  # the `if` before: closed on the line that goes on with `else`
            out.append(" " * (4 + indent - base) + "}")
        else:
            close(indent)
        pad = " " * (4 + indent - base)
        if text == "try:":
            # The label this block is left by: its `except labN: pass` line.
            for later in lines[n + 1 :]:
                if len(later) - len(later.lstrip()) == indent and later.strip().startswith(
                    "except "
                ):
                    label = later.strip().split()[1].rstrip(":")
                    break
            else:  # pragma: no cover - the generator always closes a try
                raise ValueError(f"try without except in {name.group(1)}")
            unique = f"{label}_{n}"
            labels.append((indent, unique))
            out.append(f"{pad}{unique}: {{")
            stack.append((indent, f"{pad}}}"))
        elif m := re.fullmatch(r"raise (lab\d+)\(\)", text):
            target = next(u for _, u in reversed(labels) if u.startswith(m.group(1) + "_"))
            out.append(f"{pad}break {target};")
        elif text == "while True:":
            out.append(f"{pad}while (true) {{")
            stack.append((indent, f"{pad}}}"))
        elif m := re.fullmatch(r"(if|elif) (.*):", text):
            keyword = "if" if m.group(1) == "if" else "else if"
            opener = f"{pad}{keyword} ({_expression(m.group(2))}) {{"
            if keyword == "else if":
                out[-1] = out[-1] + " " + opener.strip()
            else:
                out.append(opener)
            stack.append((indent, f"{pad}}}"))
        elif text == "else:":
            out[-1] = out[-1] + " else {"
            stack.append((indent, f"{pad}}}"))
        elif m := re.fullmatch(r"(\w+) = (.*)", text):
            var = m.group(1)
            prefix = "" if var in declared else "var "
            declared.add(var)
            out.append(f"{pad}{prefix}{var} = {_expression(m.group(2))};")
        else:
            out.append(f"{pad}{_expression(text)};".replace("pass;", ""))
    close(0)
    out.append("  };")
    return out


def _tables(cls: type) -> list[str]:
    out = ["  var S = {};"]
    for key, value in vars(cls).items():
        if key.startswith(("a_", "as_")):
            if isinstance(value, list):
                items = ", ".join(f'new Among("{a.s}", {a.substring_i}, {a.result})' for a in value)
                out.append(f"  S.{key} = [{items}];")
            else:
                out.append(
                    f"  S.{key} = [{', '.join(repr(v).replace(chr(39), chr(34)) for v in value)}];"
                )
        elif key.startswith("g_"):
            text = "".join(sorted(value)) if isinstance(value, (set, frozenset)) else value
            out.append(f'  S.{key} = "{text}";')
    return out


def generate() -> str:
    cls = english_stemmer.EnglishStemmer
    import snowballstemmer

    source = inspect.getsource(english_stemmer)
    generator = re.search(r"Generated from \S+ by (Snowball [\d.]+)", source)
    version = getattr(snowballstemmer, "__version__", "") or _installed_version()
    out = [
        _HEADER.format(version=version, generator=generator.group(1) if generator else "Snowball"),
        RUNTIME,
    ]
    out += _tables(cls)
    for name, member in vars(cls).items():
        if callable(member) and name.startswith(("_EnglishStemmer__r_", "_stem")):
            out += _method(inspect.getsource(member))
    out.append("""  var stemmer = new Stemmer();
  /* The stem of a word in lower case, as snowballstemmer's EnglishStemmer().stemWord. */
  window.LCStemEnglish = function (word) {
    stemmer.set_current(word);
    stemmer._stem();
    return stemmer.current;
  };
})();
""")
    return "\n".join(out)


def _installed_version() -> str:
    from importlib.metadata import version

    return version("snowballstemmer")


def main(argv: list[str] | None = None) -> int:
    text = generate()
    TARGET.write_text(text, encoding="utf-8")
    print(f"wrote {TARGET} ({len(text.encode())} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
