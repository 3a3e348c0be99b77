/// The report page's style sheet and script, inlined into every report (no file or address outside the page).
/// The script is plain DOM code, no framework: sorting and filtering the table of forms, the rules'
/// explanations opened under a finding, copying a draft opinion, and the CSV download.
enum ReportAssets {
  static let css = """
    :root { --error: #b3261e; --warning: #9a6700; --info: #0b57d0; --hint: #5f6368; --pass: #1e7d32; --back: #b3261e;
      --line: #d0d7de; --soft: #f6f8fa; font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Zen Hei", sans-serif; }
    body { margin: 0 auto; max-width: 1100px; padding: 16px 24px 48px; color: #1f2328; line-height: 1.5; font-size: 14px; }
    h1 { font-size: 22px; margin: 8px 0 2px; } h2 { font-size: 18px; border-bottom: 1px solid var(--line); padding-bottom: 4px; margin-top: 28px; }
    h3 { font-size: 15px; margin: 0 0 4px; } h4 { font-size: 14px; margin: 8px 0 4px; }
    .meta { color: #57606a; margin: 0; } .meta .inputs { font-family: monospace; }
    .stats { display: grid; grid-template-columns: repeat(auto-fill, minmax(150px, 1fr)); gap: 8px; margin: 0; }
    .stat { border: 1px solid var(--line); border-radius: 6px; padding: 6px 10px; background: var(--soft); }
    .stat dt { color: #57606a; font-size: 12px; } .stat dd { margin: 0; font-size: 20px; font-weight: 600; }
    .stat.sev-error dd, .back { color: var(--back); } .stat.sev-warning dd { color: var(--warning); }
    .stat.pass dd, .pass { color: var(--pass); }
    figure { margin: 12px 0; } figcaption { font-weight: 600; margin-bottom: 4px; } .chart { max-width: 100%; height: auto; }
    .chart-label, .chart-value { font-size: 12px; fill: #1f2328; } .chart-inside { font-size: 11px; fill: #fff; }
    .bar-rule { fill: #0b57d0; } .bar-pass { fill: #1e7d32; background: #1e7d32; } .bar-back { fill: #b3261e; background: #b3261e; }
    .bar-budget { fill: #8250df; } .legend { margin: 0 0 4px; font-size: 12px; }
    .key { display: inline-block; width: 10px; height: 10px; margin: 0 4px 0 8px; }
    table { border-collapse: collapse; width: 100%; font-size: 13px; }
    th, td { border: 1px solid var(--line); padding: 3px 6px; text-align: left; vertical-align: top; }
    thead th { background: var(--soft); } th button { font: inherit; font-weight: 600; border: 0; background: none; cursor: pointer; padding: 0; }
    th[aria-sort=ascending] button::after { content: " ▲"; } th[aria-sort=descending] button::after { content: " ▼"; }
    table.numbers { width: auto; margin-top: 8px; } table.numbers td:not(:first-child) { text-align: right; }
    #forms td:nth-child(4), #forms td:nth-child(5), #forms td:nth-child(6) { text-align: right; white-space: nowrap; }
    .filters { display: flex; flex-wrap: wrap; gap: 8px 12px; align-items: center; margin: 8px 0; }
    .filters select, .filters input { font: inherit; max-width: 260px; }
    article.form { border: 1px solid var(--line); border-radius: 6px; padding: 10px 14px; margin: 12px 0; break-inside: avoid-page; }
    .badge { font-size: 12px; border: 1px solid currentColor; border-radius: 10px; padding: 0 6px; margin-left: 6px; }
    .annex { color: #57606a; } .facts { margin: 0 0 6px; color: #57606a; font-size: 12px; }
    ol.findings { padding-left: 22px; margin: 4px 0; } ol.findings li { margin: 4px 0; break-inside: avoid; }
    li > b { font-size: 12px; } li.e > b { color: var(--error); } li.w > b { color: var(--warning); }
    li.i > b { color: var(--info); } li.h > b { color: var(--hint); }
    li > a { font-family: monospace; color: #0b57d0; text-decoration: none; } li > i { color: #57606a; font-size: 12px; font-style: normal; }
    li > i::before { content: "line "; } :lang(zh) li > i::before { content: "行 "; } li > i.o::before { content: none; }
    li > q { display: block; quotes: none; margin: 2px 0; padding: 2px 8px; border-left: 3px solid var(--line);
      background: var(--soft); white-space: pre-wrap; }
    mark { background: #ffd8d3; color: inherit; border-bottom: 2px solid var(--error); }
    details.why summary { color: #57606a; font-size: 12px; cursor: pointer; } details.why p { margin: 2px 0 4px; color: #424a53; }
    .opinion textarea { width: 100%; box-sizing: border-box; font: inherit; font-size: 13px; }
    #rules dt { font-weight: 600; margin-top: 6px; } #rules dd { margin: 0 0 4px 16px; color: #424a53; }
    .empty { color: #57606a; }
    @page { size: A4; margin: 14mm 12mm; }
    @media print {
      body { max-width: none; padding: 0; font-size: 11pt; }
      .filters, button, details.why summary { display: none; }
      details.why[open] { display: block; } a { color: inherit; text-decoration: none; }
      .opinion textarea { border: 1px solid var(--line); resize: none; height: auto; }
      thead { display: table-header-group; } tr, figure { break-inside: avoid; }
    }

    """

  static let script = """
    (function () {
      "use strict";
      var table = document.getElementById("forms");
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var count = document.getElementById("shown-count");
      var filters = ["department", "rule", "severity", "status", "text"].map(function (name) {
        return document.getElementById("filter-" + name);
      });

      function words(value) { return value ? value.split(" ") : []; }

      function applyFilters() {
        var department = filters[0].value, rule = filters[1].value, severity = filters[2].value;
        var status = filters[3].value, needle = filters[4].value.trim().toLowerCase();
        var shown = 0;
        rows.forEach(function (row) {
          var visible = (!filters[0].selectedIndex || row.dataset.department === department)
            && (!rule || words(row.dataset.rules).indexOf(rule) >= 0)
            && (!severity || words(row.dataset.severities).indexOf(severity) >= 0)
            && (!status || row.dataset.status === status)
            && (!needle || row.textContent.toLowerCase().indexOf(needle) >= 0);
          row.hidden = !visible;
          var article = document.getElementById("form-" + row.id.slice(4));
          if (article) { article.hidden = !visible; }
          if (visible) { shown += 1; }
        });
        count.textContent = String(shown);
      }
      filters.forEach(function (element) {
        element.addEventListener(element.tagName === "INPUT" ? "input" : "change", applyFilters);
      });

      function annexKey(text) {
        return text.split(/[^0-9]+/).filter(Boolean).map(function (part) { return ("000000" + part).slice(-6); }).join("-") + "|" + text;
      }
      function sortKey(row, column, type) {
        var cell = row.cells[column];
        if (type === "number") {
          var raw = cell.getAttribute("data-sort");
          return raw === "" || raw === null ? -Infinity : parseFloat(raw);
        }
        if (type === "annex") { return annexKey(cell.textContent); }
        return cell.textContent;
      }
      var collator = new Intl.Collator(document.documentElement.lang, { numeric: true });
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (header) {
        header.querySelector("button").addEventListener("click", function () {
          var column = Number(header.dataset.column), type = header.dataset.type;
          var ascending = header.getAttribute("aria-sort") !== "ascending";
          Array.prototype.forEach.call(table.tHead.rows[0].cells, function (other) { other.setAttribute("aria-sort", "none"); });
          header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
          var keyed = rows.map(function (row, index) { return { row: row, key: sortKey(row, column, type), index: index }; });
          keyed.sort(function (a, b) {
            var order = type === "number" ? (a.key < b.key ? -1 : a.key > b.key ? 1 : 0) : collator.compare(a.key, b.key);
            return (ascending ? order : -order) || a.index - b.index;
          });
          rows = keyed.map(function (entry) { return entry.row; });
          var fragment = document.createDocumentFragment();
          rows.forEach(function (row) { fragment.appendChild(row); });
          body.appendChild(fragment);
        });
      });

      // A finding's explanation is its rule's paragraph in the rules section: each finding gets a closed
      // "why" that is filled when opened (the page would be megabytes larger with every paragraph repeated).
      var whyLabel = document.getElementById("rules").dataset.why;
      Array.prototype.forEach.call(document.querySelectorAll("ol.findings > li > a"), function (link) {
        var details = document.createElement("details");
        details.className = "why";
        details.dataset.rule = link.getAttribute("href").slice(1);
        var summary = document.createElement("summary");
        summary.textContent = whyLabel;
        details.appendChild(summary);
        link.parentNode.appendChild(details);
      });
      document.addEventListener("toggle", function (event) {
        var details = event.target;
        if (!details.classList || !details.classList.contains("why") || details.querySelector("p")) { return; }
        var term = document.getElementById(details.dataset.rule);
        var paragraph = document.createElement("p");
        paragraph.textContent = term && term.nextElementSibling ? term.nextElementSibling.textContent : "";
        details.appendChild(paragraph);
      }, true);

      document.addEventListener("click", function (event) {
        var button = event.target;
        if (!button.classList || !button.classList.contains("copy")) { return; }
        var area = button.parentNode.querySelector("textarea");
        var done = function () { button.textContent = "\\u2713"; };
        area.select();
        try {
          if (navigator.clipboard && window.isSecureContext) {
            navigator.clipboard.writeText(area.value).then(done, function () { if (document.execCommand("copy")) { done(); } });
          } else if (document.execCommand("copy")) { done(); }
        } catch (error) { /* the text stays selected for Ctrl+C */ }
      });

      document.getElementById("download-csv").addEventListener("click", function () {
        var text = document.getElementById("csv-forms").value;
        var blob = new Blob(["\\ufeff" + text], { type: "text/csv;charset=utf-8" });
        var link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = "jixiao-report.csv";
        document.body.appendChild(link);
        link.click();
        setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
      });
    })();

    """
}
