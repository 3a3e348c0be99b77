#!/usr/bin/env python3
"""Checks Grammar/: the JSON files parse, every TextMate pattern compiles, and chosen lines of the
seed (and a few made-up lines) get the intended scopes. Run through Scripts/test-grammar.

Engine: the real Oniguruma through `onigurumacffi` when it imports (Scripts/test-grammar installs it
into a venv); otherwise Python's `regex` module, a close approximation after `to_python_regex`
converts the few Oniguruma-only escapes. The tokenizer is a small TextMate engine: `match`,
`begin`/`end` (also across lines), `captures`, `include` of `#name` and `$self`; the end pattern wins
ties as in TextMate. It is enough to test this grammar, not a general implementation."""
import json
import os
import plistlib
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
GRAMMAR = os.path.join(ROOT, "Grammar", "jixiao.tmLanguage.json")
LANGCONF = os.path.join(ROOT, "Grammar", "language-configuration.json")
SEED = os.path.join(ROOT, "Examples", "linwu-sifaju-2021.txt")
SUBLIME = os.path.join(ROOT, "EditorSupport", "sublime", "Jixiao.tmLanguage")


def sublime_grammar(data):
    """the grammar as Sublime Text loads it: the same rules as an XML property list"""
    return {key: value for key, value in data.items() if key != "$schema"}


def write_sublime_grammar():
    with open(GRAMMAR, encoding="utf-8") as f:
        data = sublime_grammar(json.load(f))
    with open(SUBLIME, "wb") as f:
        plistlib.dump(data, f, sort_keys=False)
    print("wrote " + os.path.relpath(SUBLIME, ROOT))


def to_python_regex(pattern):
    r"""Oniguruma -> Python `regex`: \x{HHHH} -> \uHHHH/\UHHHHHHHH, \h/\H (hex digit) -> classes,
    \z -> \Z (Python's \Z is Oniguruma's \z). Nothing else in this grammar needs converting."""
    def hexchar(m):
        value = int(m.group(2), 16)
        return m.group(1) + ("\\u%04x" % value if value <= 0xFFFF else "\\U%08x" % value)
    pattern = re.sub(r"(?<!\\)((?:\\\\)*)\\x\{([0-9A-Fa-f]+)\}", hexchar, pattern)
    pattern = re.sub(r"(?<!\\)((?:\\\\)*)\\h", r"\1[0-9A-Fa-f]", pattern)
    pattern = re.sub(r"(?<!\\)((?:\\\\)*)\\H", r"\1[^0-9A-Fa-f]", pattern)
    return re.sub(r"(?<!\\)((?:\\\\)*)\\z", r"\1\\Z", pattern)


class Engine:
    """compile(pattern) -> search(text, pos) -> None | [(start, end) or None per group]"""

    def __init__(self, name):
        self.name = name
        if name == "oniguruma":
            import onigurumacffi
            self._compile = onigurumacffi.compile
        else:
            import regex
            self._compile = lambda p: regex.compile(to_python_regex(p))

    def compile(self, pattern):
        compiled = self._compile(pattern)
        onig = self.name == "oniguruma"

        def search(text, pos):
            m = compiled.search(text, pos)
            if m is None:
                return None
            spans = []
            for i in range(len(m._begs) if onig else (m.re.groups + 1)):
                if onig and m._begs[i] < 0:
                    spans.append(None)
                else:
                    span = m.span(i)
                    spans.append(None if span == (-1, -1) else span)
            return spans
        return search


def pick_engine():
    wanted = os.environ.get("JIXIAO_GRAMMAR_ENGINE", "")
    for name in ([wanted] if wanted else ["oniguruma", "regex"]):
        try:
            return Engine(name)
        except ImportError:
            continue
    sys.exit("test-grammar: neither onigurumacffi nor regex can be imported")


class Grammar:
    def __init__(self, data, engine):
        self.data, self.engine, self.cache = data, engine, {}

    def regex(self, pattern):
        if pattern not in self.cache:
            self.cache[pattern] = self.engine.compile(pattern)
        return self.cache[pattern]

    def expand(self, patterns):
        """flatten includes into a list of match/begin rules"""
        out = []
        for rule in patterns:
            if "include" in rule:
                ref = rule["include"]
                target = self.data if ref == "$self" else self.data["repository"][ref[1:]]
                out.extend(self.expand(target["patterns"]) if "patterns" in target and "match" not in target and "begin" not in target else self.expand([target]))
            elif "match" in rule or "begin" in rule:
                out.append(rule)
            elif "patterns" in rule:
                out.extend(self.expand(rule["patterns"]))
        return out

    def all_patterns(self):
        """every regex string in the grammar, with a path for messages"""
        found = []

        def walk(node, path):
            if isinstance(node, dict):
                for key, value in node.items():
                    if key in ("match", "begin", "end", "while") and isinstance(value, str):
                        found.append((path + "/" + key, value))
                    else:
                        walk(value, path + "/" + key)
            elif isinstance(node, list):
                for i, value in enumerate(node):
                    walk(value, "%s[%d]" % (path, i))
        walk(self.data, "")
        return found

    def tokenize(self, lines):
        """-> per line, per character, the list of scope names over it"""
        stack = []   # open begin/end rules: (rule, scope names)
        result = []
        for line in lines:
            text = line + "\n"
            scopes = [[] for _ in text]
            pos = 0
            while pos <= len(line):
                rule_list = self.expand(stack[-1][0].get("patterns", [])) if stack else self.expand(self.data["patterns"])
                outer = [n for _, names in stack for n in names]
                best = None
                if stack:
                    spans = self.regex(stack[-1][0]["end"])(text, pos)
                    if spans:
                        best = (spans[0][0], 0, "end", stack[-1][0], spans)
                for order, rule in enumerate(rule_list, 1):
                    spans = self.regex(rule["match"] if "match" in rule else rule["begin"])(text, pos)
                    if spans and (best is None or spans[0][0] < best[0]):
                        best = (spans[0][0], order, "match" if "match" in rule else "begin", rule, spans)
                if best is None:
                    for i in range(pos, len(text)):
                        scopes[i] = list(outer)
                    break
                start, _, kind, rule, spans = best
                for i in range(pos, start):
                    scopes[i] = list(outer)
                end = spans[0][1]
                if kind == "end":
                    self.paint(scopes, spans, outer, rule.get("endCaptures", rule.get("captures", {})))
                    stack.pop()
                elif kind == "match":
                    names = [rule["name"]] if "name" in rule else []
                    self.paint(scopes, spans, outer + names, rule.get("captures", {}))
                else:
                    names = [rule["name"]] if "name" in rule else []
                    self.paint(scopes, spans, outer + names, rule.get("beginCaptures", rule.get("captures", {})))
                    stack.append((rule, names))
                if end == pos and kind == "match":
                    end += 1   # a zero-width match must not stall the scan
                elif end == pos and kind == "begin" and any(r is rule for r, _ in stack[:-1]):
                    sys.exit("test-grammar: begin rule %r loops on %r" % (rule["begin"], line))
                pos = end
            result.append(scopes[:len(line)])
        return result

    @staticmethod
    def paint(scopes, spans, base, captures):
        s, e = spans[0]
        for i in range(s, min(e, len(scopes))):
            scopes[i] = list(base)
        for key, cap in captures.items():
            idx = int(key)
            if idx < len(spans) and spans[idx] and "name" in cap:
                cs, ce = spans[idx]
                for i in range(cs, min(ce, len(scopes))):
                    if idx == 0:
                        scopes[i] = list(base) + [cap["name"]]
                    else:
                        scopes[i] = list(scopes[i]) + [cap["name"]]


# made-up cells for what the seed does not show
SAMPLES = [
    "\t≥90%", "\t90%以上", "\t不低于95%", "\t1,234.56元", "\t4.5万元", "\t一百二十万元",
    "\t××", "\tXX", "\t**", "\t(≥**%)", "\t见附表 MERGEFORMAT", "\t_Toc123456 目录", "\t17元/人·天",
    "\t5万人次", "附件5-1", "\t效果指标", "\t环境效益指标", "\t产出数量指标", "\t2021年1-12月",
    "\t成本指标",
    # the Markdown and TSV layouts (Grammar/LAYOUTS.md): the last four samples
    "## 附件5-1", "| --- | :---: |", "| 项目支出名称 | a\\|b<br>c |", "年度本级预算金额\t14万\t预算部门",
]

# (source, 1-based line, text on that line, scope it must have[, options]): "seed" lines are
# Examples/linwu-sifaju-2021.txt, "sample" lines are SAMPLES below.
EXPECTATIONS = [
    ("sample", len(SAMPLES) - 3, "##", "punctuation.definition.heading.markdown"),
    ("sample", len(SAMPLES) - 3, "附件", "keyword.other.annex"),
    ("sample", len(SAMPLES) - 2, "| --- | :---: |", "punctuation.definition.table.markdown"),
    ("sample", len(SAMPLES) - 1, "|", "punctuation.separator.cell.markdown"),
    ("sample", len(SAMPLES) - 1, "\\|", "constant.character.escape.markdown"),
    ("sample", len(SAMPLES) - 1, "<br>", "constant.character.escape.markdown"),
    ("sample", len(SAMPLES), "\t", "punctuation.separator.cell.tsv"),
    ("sample", len(SAMPLES), "14万", "constant.numeric.amount"),
    ("seed", 1, "附件5-1", "markup.heading.annex"),
    ("seed", 1, "5-1", "constant.numeric.annex-number"),
    ("seed", 2, "2021年项目支出绩效目标表", "markup.heading.title"),
    ("seed", 2, "2021年", "constant.other.date.year"),
    ("seed", 3, "填报单位", "keyword.other.field"),
    ("seed", 3, "万元", "storage.type.unit"),
    ("seed", 4, "\t", "punctuation.separator.cell"),
    ("seed", 4, "项目支出名称", "entity.name.tag.header-label"),
    ("seed", 5, "1、", "markup.list.numbered"),
    ("seed", 5, "1", "constant.numeric.amount", {"present": False}),
    ("seed", 9, "年度本级预算金额", "entity.name.tag.header-label"),
    ("seed", 10, "14万", "constant.numeric.amount"),
    ("seed", 10, "\u3000", "invalid.deprecated.trailing-whitespace"),
    ("seed", 12, "（分级填报）", "invalid.deprecated.placeholder"),
    ("seed", 15, "2021.1-2021.12", "constant.other.date.period"),
    ("seed", 18, "2021年", "constant.other.date.year"),
    ("seed", 23, "本年度", "entity.name.tag.header-label"),
    ("seed", 24, "绩效指标", "entity.name.tag.header-label"),
    ("seed", 25, "一级指标", "entity.name.tag.column-heading"),
    ("seed", 28, "指标值及单位", "entity.name.tag.column-heading"),
    ("seed", 32, "产出指标", "entity.name.type.indicator.level1"),
    ("seed", 33, "数量指标", "entity.name.type.indicator.level2"),
    ("seed", 35, "10场次", "constant.numeric.amount", {"present": False}),
    ("seed", 36, "2、", "markup.list.numbered"),
    ("seed", 42, "100%", "constant.numeric.percentage"),
    ("seed", 49, "2021.1-12", "constant.other.date.period"),
    ("seed", 54, "成本指标", "entity.name.type.indicator.cost"),
    ("seed", 57, "15万元", "constant.numeric.amount"),
    ("seed", 57, "5万元", "constant.numeric.amount", {"occurrence": 2}),
    ("seed", 61, "经济效益指标", "entity.name.type.indicator.level2"),
    ("seed", 62, "/", "constant.language.not-applicable"),
    ("seed", 89, "社会公众或服务对象满意度指标", "entity.name.type.indicator.level2"),
    ("seed", 94, "财政局审核意见", "entity.name.tag.review"),
    ("seed", 100, "日期", "entity.name.tag.review"),
    ("seed", 106, "填表人", "keyword.other.field"),
    ("seed", 106, "填报日期", "keyword.other.field"),
    ("seed", 165, "4.5万元", "constant.numeric.amount"),
    ("seed", 264, "2021年1-12月", "constant.other.date.period"),
    ("seed", 470, "[bookmark: _GoBack]", "invalid.illegal.word-artifact"),
    ("seed", 470, "三统一", "invalid", {"present": False}),
    ("sample", 1, "≥", "keyword.operator.comparison"),
    ("sample", 1, "90%", "constant.numeric.percentage"),
    ("sample", 2, "90%", "constant.numeric.percentage"),
    ("sample", 2, "以上", "keyword.operator.comparison"),
    ("sample", 3, "不低于", "keyword.operator.comparison"),
    ("sample", 4, "1,234.56元", "constant.numeric.amount"),
    ("sample", 5, "4.5万元", "constant.numeric.amount"),
    ("sample", 6, "一百二十万元", "constant.numeric.amount"),
    ("sample", 7, "××", "invalid.deprecated.placeholder"),
    ("sample", 8, "XX", "invalid.deprecated.placeholder"),
    ("sample", 9, "**", "invalid.deprecated.placeholder"),
    ("sample", 10, "(≥**%)", "invalid.deprecated.placeholder"),
    ("sample", 11, "MERGEFORMAT", "invalid.illegal.word-artifact"),
    ("sample", 12, "_Toc123456", "invalid.illegal.word-artifact"),
    ("sample", 13, "17元/人·天", "constant.numeric.unit-price"),
    ("sample", 13, "17元", "constant.numeric.amount", {"present": False}),
    ("sample", 14, "5万", "constant.numeric.amount", {"present": False}),
    ("sample", 15, "附件5-1", "markup.heading.annex"),
    ("sample", 16, "效果指标", "entity.name.type.indicator.level1"),
    ("sample", 17, "环境效益指标", "entity.name.type.indicator.level2"),
    ("sample", 18, "产出数量指标", "entity.name.type.indicator.level2"),
    ("sample", 19, "2021年1-12月", "constant.other.date.period"),
    ("sample", 20, "成本指标", "entity.name.type.indicator.cost"),
]


def has_scope(names, scope):
    return any(n == scope or n.startswith(scope + ".") for n in names)


def main():
    failures = []

    def check(ok, what):
        print(("PASS " if ok else "FAIL ") + what)
        if not ok:
            failures.append(what)

    for path in (GRAMMAR, LANGCONF):
        try:
            with open(path, encoding="utf-8") as f:
                json.load(f)
            check(True, "valid JSON: " + os.path.relpath(path, ROOT))
        except (OSError, ValueError) as err:
            check(False, "valid JSON: %s (%s)" % (os.path.relpath(path, ROOT), err))
    if failures:
        return 1
    with open(GRAMMAR, encoding="utf-8") as f:
        data = json.load(f)
    check(data.get("scopeName") == "text.jixiao", "scopeName is text.jixiao")
    try:
        with open(SUBLIME, "rb") as f:
            current = plistlib.load(f) == sublime_grammar(data)
    except (OSError, plistlib.InvalidFileException, ValueError):
        current = False
    check(current, "EditorSupport/sublime/Jixiao.tmLanguage matches the grammar (Scripts/test-grammar --update)")
    engine = pick_engine()
    print("engine: " + engine.name + ("" if engine.name == "oniguruma" else " (approximation of Oniguruma)"))
    grammar = Grammar(data, engine)
    bad = []
    for where, pattern in grammar.all_patterns():
        try:
            grammar.regex(pattern)
        except Exception as err:   # the engines raise their own error types
            bad.append("%s: %s" % (where, err))
    check(not bad, "all %d patterns compile%s" % (len(grammar.all_patterns()), "".join("\n    " + b for b in bad)))
    missing = [r["include"] for r in _includes(data) if r["include"] != "$self" and r["include"][1:] not in data["repository"]]
    check(not missing, "every #include resolves" + (": missing " + ", ".join(missing) if missing else ""))
    if failures:
        return 1

    with open(SEED, encoding="utf-8") as f:
        seed = f.read().split("\n")
    seed_tokens = grammar.tokenize(seed)
    sample_tokens = grammar.tokenize(SAMPLES)

    def scopes_of(tokens, lines, lineno, needle, occurrence):
        line = lines[lineno - 1]
        at = -1
        for _ in range(occurrence):
            at = line.find(needle, at + 1)
            if at < 0:
                return None
        return tokens[lineno - 1][at:at + len(needle)]

    def expect(source, lineno, needle, scope, present=True, occurrence=1, report=check):
        tokens, lines, label = (seed_tokens, seed, "seed line %d" % lineno) if source == "seed" else (sample_tokens, SAMPLES, "sample %r" % SAMPLES[lineno - 1])
        chars = scopes_of(tokens, lines, lineno, needle, occurrence)
        if chars is None:
            report(False, "%s: %r not found" % (label, needle))
            return False
        if present:
            ok = all(has_scope(c, scope) for c in chars)
        else:
            ok = not any(has_scope(c, scope) for c in chars)
        shown = sorted({n for c in chars for n in c})
        report(ok, "%s: %r %s %s%s" % (label, needle, "is" if present else "is not", scope, "" if ok else "  (got %s)" % shown))
        return ok

    for source, lineno, needle, scope, *options in EXPECTATIONS:
        expect(source, lineno, needle, scope, **(options[0] if options else {}))

    # the checker must be able to fail: a wrong expectation has to be reported as one
    caught = not expect("seed", 10, "14万", "invalid.illegal.word-artifact", report=lambda ok, what: None)
    check(caught, "a wrong expectation (line 10's 14万 as a word artifact) is caught")
    print("%d failure(s)" % len(failures))
    return 1 if failures else 0


def _includes(node):
    if isinstance(node, dict):
        if "include" in node:
            yield node
        for value in node.values():
            yield from _includes(value)
    elif isinstance(node, list):
        for value in node:
            yield from _includes(value)


if __name__ == "__main__":
    if sys.argv[1:] == ["--update"]:
        write_sublime_grammar()
    sys.exit(main())
