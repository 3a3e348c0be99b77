// Copies the grammar and language configuration from ../../Grammar into syntaxes/ (and ../../LICENSE here), because
// `vsce package` only packs files inside the extension folder. The copies are committed too
// (so the paths in package.json exist in a fresh clone); Scripts/test-editors checks they match.
const fs = require("fs");
const path = require("path");

const from = path.join(__dirname, "..", "..", "..", "Grammar");
const to = path.join(__dirname, "..", "syntaxes");
fs.mkdirSync(to, { recursive: true });
for (const name of ["jixiao.tmLanguage.json", "language-configuration.json"]) {
  fs.copyFileSync(path.join(from, name), path.join(to, name));
  console.log(`copied Grammar/${name} -> syntaxes/${name}`);
}
// vsce packs the licence from this folder: keep a copy of the repository's LICENSE.
fs.copyFileSync(path.join(__dirname, "..", "..", "..", "LICENSE"), path.join(__dirname, "..", "LICENSE"));
console.log("copied LICENSE -> LICENSE");
