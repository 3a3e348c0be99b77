"""The reviewer's report in a real browser (Chromium through selenium), and the CSV files in LibreOffice Calc.

The folder holds the example filing, variants of it (errors fixed, errors added, another department) and any
template or office fixtures the repository has. Every number the page shows is compared with what
`jixiao check --format json` and `jixiao export --format json` say about the same folder, computed here
independently of the report's own code.

Environment: JIXIAO (the binary), ARTIFACTS (where the screenshot and converted files go).
"""

import csv
import io
import json
import os
import pathlib
import re
import shutil
import subprocess
import time

import openpyxl
import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

ROOT = pathlib.Path(__file__).resolve().parents[2]
JIXIAO = os.environ.get("JIXIAO", str(ROOT / ".build/debug/jixiao"))
ARTIFACTS = pathlib.Path(os.environ.get("ARTIFACTS", ROOT / ".build/report-artifacts")).resolve()
SEED = ROOT / "Examples/linwu-sifaju-2021.txt"


def jixiao(*arguments, check=True):
    result = subprocess.run([JIXIAO, *arguments], capture_output=True, timeout=300)
    if check and result.returncode not in (0, 1):
        raise AssertionError(f"jixiao {' '.join(arguments)} exited {result.returncode}: {result.stderr.decode()}")
    return result


@pytest.fixture(scope="session")
def folder(tmp_path_factory):
    """The example, its variants and the repository's fixtures of other templates and file kinds."""
    base = tmp_path_factory.mktemp("filings")
    seed = SEED.read_text(encoding="utf-8")
    (base / "01-sifaju.txt").write_text(seed, encoding="utf-8")
    # Errors fixed: every fix, safe and unsafe, applied by jixiao itself.
    fixed = base / "02-sifaju-fixed.txt"
    fixed.write_text(seed, encoding="utf-8")
    jixiao("check", "--fix", "--unsafe-fixes", str(fixed), check=False)
    # Another department whose filing is clean of JX301 in form 5-1 and has a wrong year added in 5-2.
    other = seed.replace("临武县司法局", "临武县教育局").replace("\t14万　\n", "\t20万\n")
    other = other.replace("2021年", "2020年", 3)
    (base / "03-jiaoyuju.txt").write_text(other, encoding="utf-8")
    # A third department, GB18030-encoded as Windows tools write it.
    third = seed.replace("临武县司法局", "临武县卫生健康局")
    (base / "04-weijianju.txt").write_bytes(third.encode("gb18030"))
    # The other text layouts: the seed as Markdown and as pasted TSV, for two more departments.
    fixtures = ROOT / "Tests/Fixtures"
    markdown = (fixtures / "linwu-sifaju-2021.md").read_text(encoding="utf-8")
    (base / "05-minzhengju.md").write_text(markdown.replace("临武县司法局", "临武县民政局"), encoding="utf-8")
    pasted = (fixtures / "linwu-sifaju-2021.clipboard.tsv").read_text(encoding="utf-8")
    (base / "06-caizhengju.tsv").write_text(pasted.replace("临武县司法局", "临武县财政局"), encoding="utf-8")
    # A README beside the forms is not a form: the folder search leaves it out.
    (base / "README.md").write_text("# 2021 年预算资料\n\n| 文件 | 部门 |\n| --- | --- |\n| 01-sifaju.txt | 司法局 |\n", encoding="utf-8")
    # Whatever template and office fixtures the repository has (they land with other issues).
    fixtures = ROOT / "Tests/Fixtures"
    for sub in ("templates", "layouts", "office"):
        source = fixtures / sub
        if source.is_dir():
            shutil.copytree(source, base / f"fixtures-{sub}")
    return base


@pytest.fixture(scope="session")
def report(folder):
    output = ARTIFACTS / "report.html"
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    result = jixiao("report", str(folder), "-o", str(output), check=False)
    assert result.returncode == 0, result.stderr.decode()
    return output


@pytest.fixture(scope="session")
def facts(folder):
    """What check and export say about the folder, and each form's findings by the form's line range."""
    check = json.loads(jixiao("check", "--format", "json", str(folder)).stdout)
    model = json.loads(jixiao("export", "--format", "json", str(folder)).stdout)
    forms = []
    for file in model["files"]:
        diagnostics = next(f["diagnostics"] for f in check["files"] if f["path"] == file["path"])
        lines = [form["line"] for form in file["forms"]]
        for index, form in enumerate(file["forms"]):
            # A form's findings: those starting on or after its anchor line and before the next form's.
            end = lines[index + 1] if index + 1 < len(lines) else float("inf")
            start = form["line"] if index > 0 else 0
            mine = [d for d in diagnostics if start <= d["range"]["start"]["line"] < end]
            department = next((h["value"]["text"] for h in form["header"] if h["field"] == "预算部门" and h["value"]), "")
            forms.append({
                "department": department, "annex": form["annex"] or "",
                "budget": float(form["budget"]["wanYuan"]) if form["budget"] else None,
                "codes": {d["code"] for d in mine}, "severities": {d["severity"] for d in mine},
                "errors": sum(d["severity"] == "error" for d in mine),
            })
    return {"check": check, "forms": forms}


@pytest.fixture(scope="session")
def browser(report):
    downloads = ARTIFACTS / "downloads"
    shutil.rmtree(downloads, ignore_errors=True)
    downloads.mkdir(parents=True)
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1280,1800",
                     "--lang=zh-CN"):
        options.add_argument(argument)
    options.binary_location = shutil.which("chromium") or "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    options.add_experimental_option("prefs", {"download.default_directory": str(downloads), "download.prompt_for_download": False})
    driver = webdriver.Chrome(service=Service(shutil.which("chromedriver") or "/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    driver.get(report.as_uri())
    yield driver
    driver.quit()


def visible_rows(driver):
    return [row for row in driver.find_elements(By.CSS_SELECTOR, "#forms tbody tr") if row.is_displayed()]


def cell_texts(rows, column):
    return [row.find_elements(By.TAG_NAME, "td")[column].text for row in rows]


def stat(driver, name):
    return driver.find_element(By.ID, f"stat-{name}").text


def test_overview_equals_check_and_export(browser, facts):
    summary = facts["check"]["summary"]
    forms = facts["forms"]
    assert int(stat(browser, "files")) == summary["files"]
    for severity in ("error", "warning", "information", "hint"):
        assert int(stat(browser, severity)) == summary[severity], severity
    assert int(stat(browser, "forms")) == len(forms)
    # The seed's department and the two variants' are among them (other templates' fixtures may add more).
    departments = [td.text for td in browser.find_elements(By.CSS_SELECTOR, "#department-numbers tbody td:first-child")]
    assert {"临武县司法局", "临武县教育局", "临武县卫生健康局", "临武县民政局", "临武县财政局"} <= set(departments)
    assert int(stat(browser, "departments")) == len([d for d in departments if not d.startswith("（")])
    assert float(stat(browser, "budget")) == pytest.approx(sum(f["budget"] or 0 for f in forms))
    assert int(stat(browser, "pass")) == sum(f["errors"] == 0 for f in forms)
    assert int(stat(browser, "send-back")) == sum(f["errors"] > 0 for f in forms)
    # The variants make both verdicts appear.
    assert 0 < int(stat(browser, "pass")) < len(forms)


def test_charts_are_inline_svg_with_their_numbers(browser, facts):
    charts = browser.find_elements(By.CSS_SELECTOR, "figure svg.chart")
    assert len(charts) == 3
    per_rule = {}
    for diagnostic in (d for f in facts["check"]["files"] for d in f["diagnostics"]):
        per_rule[diagnostic["code"]] = per_rule.get(diagnostic["code"], 0) + 1
    values = [t.text for t in browser.find_elements(By.CSS_SELECTOR, "#chart-rules .chart-value")]
    assert sorted(map(int, values), reverse=True) == sorted(per_rule.values(), reverse=True)
    numbers = {tr.find_elements(By.TAG_NAME, "td")[0].text: int(tr.find_elements(By.TAG_NAME, "td")[1].text)
               for tr in browser.find_elements(By.CSS_SELECTOR, "#department-numbers tbody tr")}
    assert numbers["临武县教育局"] == 5 and numbers["临武县卫生健康局"] == 5 and numbers["临武县司法局"] == 10
    assert sum(numbers.values()) == len(facts["forms"])


def test_sorting_orders_the_visible_rows(browser, facts):
    header = browser.find_element(By.CSS_SELECTOR, "#forms th[data-column='3'] button")
    header.click()
    budgets = [float(text) for text in cell_texts(visible_rows(browser), 3) if text]
    assert budgets == sorted(budgets) and len(budgets) == sum(f["budget"] is not None for f in facts["forms"])
    header.click()
    budgets = [float(text) for text in cell_texts(visible_rows(browser), 3) if text]
    assert budgets == sorted(budgets, reverse=True)
    browser.find_element(By.CSS_SELECTOR, "#forms th[data-column='2'] button").click()
    annexes = [text for text in cell_texts(visible_rows(browser), 2) if text]
    key = lambda text: [int(part) for part in re.findall(r"\d+", text)]
    assert annexes == sorted(annexes, key=key)


def test_filters_show_the_right_rows(browser, facts):
    forms = facts["forms"]
    count = lambda: int(browser.find_element(By.ID, "shown-count").text)
    department = Select(browser.find_element(By.ID, "filter-department"))
    department.select_by_value("临武县教育局")
    rows = visible_rows(browser)
    assert len(rows) == count() == 5
    assert set(cell_texts(rows, 0)) == {"临武县教育局"}
    department.select_by_index(0)
    assert len(visible_rows(browser)) == len(forms)

    rule = Select(browser.find_element(By.ID, "filter-rule"))
    rule.select_by_value("JX301")
    assert len(visible_rows(browser)) == count() == sum("JX301" in f["codes"] for f in forms) > 0
    severity = Select(browser.find_element(By.ID, "filter-severity"))
    severity.select_by_value("error")
    assert len(visible_rows(browser)) == sum("JX301" in f["codes"] and "error" in f["severities"] for f in forms)
    rule.select_by_index(0)
    assert len(visible_rows(browser)) == sum(f["errors"] > 0 for f in forms)
    # The per-form sections follow the table's filter.
    articles = [a for a in browser.find_elements(By.CSS_SELECTOR, "article.form[id^='form-']") if a.is_displayed()]
    assert len(articles) == sum(f["errors"] > 0 for f in forms)
    severity.select_by_index(0)

    status = Select(browser.find_element(By.ID, "filter-status"))
    status.select_by_value("pass")
    rows = visible_rows(browser)
    assert len(rows) == sum(f["errors"] == 0 for f in forms)
    assert set(cell_texts(rows, 6)) == {"可以通过"}
    status.select_by_index(0)

    search = browser.find_element(By.ID, "filter-text")
    search.send_keys("卫生健康")
    assert len(visible_rows(browser)) == 5
    search.clear()
    search.send_keys(" ")  # clear() fires no input event
    search.clear()
    browser.execute_script("document.getElementById('filter-text').dispatchEvent(new Event('input'))")
    assert len(visible_rows(browser)) == len(forms)


def test_findings_explanations_and_opinions(browser):
    first = browser.find_element(By.ID, "form-0")
    finding = first.find_element(By.CSS_SELECTOR, "ol.findings li")
    assert finding.find_element(By.TAG_NAME, "mark").get_attribute("textContent")
    why = finding.find_element(By.CSS_SELECTOR, "details.why")
    why.find_element(By.TAG_NAME, "summary").click()
    code = finding.find_element(By.TAG_NAME, "a").text.split()[0]
    explanation = why.find_element(By.TAG_NAME, "p").text
    assert explanation and explanation == browser.find_element(By.CSS_SELECTOR, f"#rules dt[id='{code}'] + dd").text
    opinion = first.find_element(By.TAG_NAME, "textarea").get_attribute("value")
    errors = [li for li in first.find_elements(By.CSS_SELECTOR, "ol.findings li.e")]
    numbered = [line for line in opinion.split("\n") if re.match(r"^\d+\. ", line)]
    assert len(numbered) == len(errors) > 0


def test_csv_download(browser):
    downloads = ARTIFACTS / "downloads"
    browser.find_element(By.ID, "download-csv").click()
    target = downloads / "jixiao-report.csv"
    for _ in range(100):
        if target.exists() and target.stat().st_size > 0:
            break
        time.sleep(0.1)  # polling for the file the browser writes, not ordering events
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0][:5] == ["文件", "行", "附件", "预算部门", "项目名称"]
    assert len(rows) - 1 == len(browser.find_elements(By.CSS_SELECTOR, "#forms tbody tr"))


def test_no_request_leaves_the_page_and_no_console_errors(browser, report):
    text = report.read_text(encoding="utf-8")
    assert not re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", text, re.I), re.search(r"(https?:)?//[a-z0-9.-]+\.[a-z]{2,}", text, re.I)
    assert not re.search(r"<(link|img|iframe)\b|\ssrc=", text)
    for entry in browser.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            assert url.startswith(("file:", "blob:", "data:")), url
    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []


def test_screenshot(browser):
    browser.execute_script("window.scrollTo(0, 0)")
    Select(browser.find_element(By.ID, "filter-status")).select_by_index(0)
    height = browser.execute_script("return document.getElementById('table').getBoundingClientRect().bottom + 40")
    browser.set_window_size(1280, min(int(height), 2600))
    path = ARTIFACTS / "report.png"
    assert browser.save_screenshot(str(path))
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and path.stat().st_size > 20_000
    print(f"screenshot: {path}")


def calc_roundtrip(csv_path):
    """Converts a CSV to .xlsx with LibreOffice Calc and reads it back. Headless Calc does not guess the
    character set (it takes the system's ANSI one, as its import dialog would before the user picks), so the
    import is told UTF-8, as a user picks it; the BOM must then be taken as a BOM, not as text in 文件."""
    out = ARTIFACTS / "calc"
    out.mkdir(exist_ok=True)
    profile = ARTIFACTS / "lo-profile"
    subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless",
                    "--infilter=Text - txt - csv (StarCalc):44,34,76,1", "--convert-to", "xlsx",
                    "--outdir", str(out), str(csv_path)], check=True, capture_output=True, timeout=180)
    book = openpyxl.load_workbook(out / (csv_path.stem + ".xlsx"))
    return [[cell if cell is not None else "" for cell in row] for row in book.active.iter_rows(values_only=True)]


@pytest.mark.parametrize("rows", ["indicator", "form"])
def test_csv_opens_in_calc_with_chinese_intact(folder, rows):
    result = jixiao("export", "--format", "csv", "--rows", rows, str(folder))
    path = ARTIFACTS / f"export-{rows}.csv"
    path.write_bytes(result.stdout)
    expected = list(csv.reader(io.StringIO(result.stdout.decode("utf-8-sig"))))
    sheet = calc_roundtrip(path)
    assert sheet[0] == expected[0]
    assert "预算部门" in sheet[0] and "项目名称" in sheet[0]
    assert len(sheet) == len(expected)
    department = expected[0].index("预算部门")
    assert [row[department] for row in sheet[1:]] == [row[department] for row in expected[1:]]
    assert any(row[department] == "临武县教育局" for row in sheet[1:])
