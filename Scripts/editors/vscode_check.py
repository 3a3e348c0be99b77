#!/usr/bin/env python3
"""Shape check of EditorSupport/vscode (used by Scripts/test-editors vscode): package.json's
contributions, the committed grammar copies, main vs tsconfig's outDir, and what src/extension.ts
must do. npm's registry is not needed: nothing is installed or compiled (a syntax-only transpile
runs when node can load the `typescript` module, e.g. from Debian's node-typescript)."""
import json
import os
import subprocess
import sys

repo = sys.argv[1]
ext = os.path.join(repo, "EditorSupport", "vscode")
failures = 0


def check(ok, what):
    global failures
    print(("PASS vscode: " if ok else "FAIL vscode: ") + what)
    failures += not ok


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


pkg = load(os.path.join(ext, "package.json"))
contributes = pkg.get("contributes", {})
check("onLanguage:jixiao" in pkg.get("activationEvents", []), "activationEvents has onLanguage:jixiao")
check(bool(pkg.get("engines", {}).get("vscode")), "engines.vscode is set")

languages = [lang for lang in contributes.get("languages", []) if lang.get("id") == "jixiao"]
check(len(languages) == 1, "contributes.languages declares jixiao")
lang = languages[0] if languages else {}
patterns = lang.get("filenamePatterns", [])
check("*.jixiao.txt" in patterns and any("绩效目标" in p for p in patterns),
      "filenamePatterns cover *.jixiao.txt and names containing 绩效目标: %s" % patterns)
first_line = lang.get("firstLine", "")
example_first = open(os.path.join(repo, "Examples", "linwu-sifaju-2021.txt"), encoding="utf-8").readline().rstrip("\n")
try:
    import re
    matcher = re.compile(first_line)
    check(bool(first_line) and matcher.search(example_first) is not None and matcher.search("会议纪要") is None,
          "firstLine %r recognises the bundled example (%r) by its first line, not any text" % (first_line, example_first))
except re.error as error:
    check(False, "firstLine %r is a valid regular expression: %s" % (first_line, error))
conf = lang.get("configuration")
check(bool(conf) and os.path.isfile(os.path.join(ext, conf or "")), "language configuration file exists: %s" % conf)

grammars = [g for g in contributes.get("grammars", []) if g.get("language") == "jixiao"]
check(len(grammars) == 1 and grammars[0].get("scopeName") == "text.jixiao", "contributes.grammars: jixiao, text.jixiao")
gpath = grammars[0].get("path", "") if grammars else ""
check(os.path.isfile(os.path.join(ext, gpath)), "grammar path exists inside the extension: %s" % gpath)
for copy, source in ((gpath, "jixiao.tmLanguage.json"), (conf or "", "language-configuration.json")):
    target = os.path.join(ext, copy)
    same = os.path.isfile(target) and open(target, "rb").read() == open(os.path.join(repo, "Grammar", source), "rb").read()
    check(same, "%s is a current copy of Grammar/%s (npm run copy-grammar)" % (copy, source))

license_file = os.path.join(repo, "LICENSE")
license_text = open(license_file, encoding="utf-8").read() if os.path.isfile(license_file) else ""
spdx = {"MIT License": "MIT", "Apache License": "Apache-2.0"}
declared = next((spdx[k] for k in spdx if license_text.lstrip().startswith(k)), None)
check(declared is not None and pkg.get("license") == declared,
      "package.json license %r is the repository's LICENSE (%s)" % (pkg.get("license"), declared))
copy = os.path.join(ext, "LICENSE")
check(os.path.isfile(copy) and open(copy, encoding="utf-8").read() == license_text,
      "LICENSE is a current copy of the repository's LICENSE (vsce packs it)")

props = contributes.get("configuration", {}).get("properties", {})
for key in ("jixiao.server.path", "jixiao.profile", "jixiao.language"):
    check(key in props, "configuration has %s" % key)
check(sorted(props.get("jixiao.language", {}).get("enum", [])) == ["en", "zh"], "jixiao.language is zh|en")
commands = [c.get("command") for c in contributes.get("commands", [])]
check("jixiao.restartServer" in commands, "commands has jixiao.restartServer")

scripts = pkg.get("scripts", {})
check("vscode:prepublish" in scripts and "prepare" in scripts, "scripts has prepare and vscode:prepublish")
copier = os.path.join(ext, "scripts", "copy-grammar.js")
check(os.path.isfile(copier) and '"Grammar"' in open(copier, encoding="utf-8").read(), "scripts/copy-grammar.js copies from Grammar/")
check("vscode-languageclient" in pkg.get("dependencies", {}), "depends on vscode-languageclient")

tsconfig = load(os.path.join(ext, "tsconfig.json"))
out_dir = tsconfig.get("compilerOptions", {}).get("outDir", "").strip("./")
root_dir = tsconfig.get("compilerOptions", {}).get("rootDir", ".").strip("./") or "."
main = os.path.normpath(pkg.get("main", ""))
stem = os.path.splitext(os.path.relpath(main, out_dir))[0] if out_dir else ""
source = os.path.join(ext, root_dir, stem + ".ts")
check(bool(out_dir) and main.startswith(out_dir + os.sep) and os.path.isfile(source),
      "main %s is tsconfig's outDir %r compiled from %s" % (pkg.get("main"), out_dir, os.path.relpath(source, ext)))

ts = open(source, encoding="utf-8").read() if os.path.isfile(source) else ""
for needle, what in (('from "vscode-languageclient/node"', "imports vscode-languageclient/node"),
                     ('args: ["lsp"]', "runs `<server.path> lsp`"),
                     ("TransportKind.stdio", "talks over stdio"),
                     ('"jixiao.restartServer"', "registers jixiao.restartServer"),
                     ('"server.path"', "reads jixiao.server.path"),
                     ('"profile"', "reads jixiao.profile"),
                     ('"language"', "reads jixiao.language"),
                     ("initializationOptions", "sends initializationOptions")):
    check(needle in ts, "extension.ts " + what)

transpile = ("const ts = require('typescript'); const src = require('fs').readFileSync(process.argv[1], 'utf8');"
             "const r = ts.transpileModule(src, {reportDiagnostics: true, compilerOptions: {module: 1}});"
             "for (const d of r.diagnostics) console.log(ts.flattenDiagnosticMessageText(d.messageText, ' '));"
             "process.exit(r.diagnostics.length ? 1 : 0);")
try:
    has_ts = subprocess.run(["node", "-e", "require('typescript')"], capture_output=True).returncode == 0
except OSError:
    has_ts = False
if has_ts:
    result = subprocess.run(["node", "-e", transpile, source], capture_output=True, text=True)
    check(result.returncode == 0, "extension.ts transpiles (syntax only)" + (": " + result.stdout.strip() if result.returncode else ""))
else:
    print("note: node cannot load `typescript`; extension.ts is not transpiled (apt-get install node-typescript)")
sys.exit(1 if failures else 0)
