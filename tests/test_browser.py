"""The research desk in a real browser: Debian's headless Chromium driven by Selenium through
Debian's chromedriver (the same build, so versions always match and nothing is downloaded),
at 1400 px, against a real `zone serve`.

Every step saves a screenshot to out/screenshots/ (ZONE_SCREENSHOTS overrides the folder) so a
person can look at what the tests saw. `./dev test` installs chromium and chromium-driver;
run directly without them, these tests are skipped with the line that installs them.
"""
from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any, Iterator

import pytest
from test_browse import Server, running_server
from test_desk import ZONE, build, fid, one
from test_series_views import run

from track.sectors import sectors

pytestmark = pytest.mark.slow

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
INSTALL = "sudo apt-get install -y chromium chromium-driver && .venv/bin/pip install -e '.[test]'"
WIDTH = 1400
MAX_ROW_PX = 120
SHOTS = Path(os.environ.get("ZONE_SCREENSHOTS", Path(__file__).resolve().parent.parent / "out" / "screenshots"))

webdriver = pytest.importorskip("selenium.webdriver", reason=f"selenium is not installed; run: {INSTALL}")
if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    pytest.skip(f"Chromium or chromedriver is missing; run: {INSTALL}", allow_module_level=True)

from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support import expected_conditions as EC  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def desk(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Server, Path]]:
    folder = tmp_path_factory.mktemp("browser")
    db = build(folder)
    with running_server(db, folder / "serve.log") as server:
        yield server, db


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    profile = tempfile.mkdtemp(prefix="zone-chromium-")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                 f"--user-data-dir={profile}", f"--window-size={WIDTH},1000", "--lang=zh-CN"):
        options.add_argument(flag)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def shot(driver: Any, name: str) -> Path:
    """A full-page screenshot (the window stretched to the page's height, at most 4000 px)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(WIDTH, min(max(int(height) + 40, 800), 4000))
    path = SHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    driver.set_window_size(WIDTH, 1000)
    assert path.stat().st_size > 10_000
    return path


def open_page(driver: Any, server: Server, path: str) -> None:
    driver.get(server.base + path)
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")


def no_alert(driver: Any) -> None:
    try:
        alert = driver.switch_to.alert
    except NoAlertPresentException:
        return
    text = alert.text
    alert.dismiss()
    pytest.fail(f"a script ran: alert({text!r})")


def column(driver: Any, name: str) -> list[str]:
    return [td.text for td in driver.find_elements(By.CSS_SELECTOR, f"table.rows-and-columns td.col-{name}")]


def search_box(driver: Any, server: Server, table: str, words: str) -> None:
    open_page(driver, server, f"/zone/{table}")
    box = driver.find_element(By.CSS_SELECTOR, 'form input[name="_search"]')
    box.clear()
    box.send_keys(words)
    box.send_keys(Keys.RETURN)
    WebDriverWait(driver, 10).until(EC.url_contains("_search="))
    WebDriverWait(driver, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")


def test_search_box_finds_two_character_words(browser: Any, desk: tuple[Server, Path]) -> None:
    server, _ = desk
    search_box(browser, server, "figure_detail", "产值")
    texts = column(browser, "text")
    assert "32.21亿元" in texts and "13亿元" in texts
    assert "50余家" not in texts and "21家" not in texts   # same sentence, another clause
    assert browser.find_element(By.TAG_NAME, "h3").text.startswith(f"{len(texts)} row")
    # The value as the brief writes it, its base value and unit on hover.
    values = {v.text: v.get_attribute("title")
              for v in browser.find_elements(By.CSS_SELECTOR, "table.rows-and-columns td.col-value span.zone-num")}
    assert values["32.21亿元"] == "3,221,000,000元"
    shot(browser, "01-search-chanzhi")
    search_box(browser, server, "figure_detail", "汽车")
    texts = column(browser, "text")
    assert "41家" in texts  # 41家汽车零部件生产企业
    rows = browser.execute_script(
        "return [...document.querySelectorAll('table.rows-and-columns tbody tr')].map(r => r.textContent)")
    assert rows and all("汽车" in row for row in rows)
    shot(browser, "02-search-qiche")


def test_figure_page_shows_the_figure_marked_in_its_sentence(browser: Any, desk: tuple[Server, Path]) -> None:
    server, db = desk
    open_page(browser, server, f"/zone/figure/{fid(db, '32.21亿元')}")
    mark = browser.find_element(By.CSS_SELECTOR, "blockquote.zone-sentence mark.zone-fig.this")
    assert mark.text == "32.21亿元" and mark.is_displayed()
    background = browser.execute_script("return getComputedStyle(arguments[0]).backgroundColor", mark)
    assert background not in ("rgba(0, 0, 0, 0)", "transparent"), background
    value = browser.find_element(By.CSS_SELECTOR, "h1 .zone-value")
    assert value.text == "32.21亿元" and value.get_attribute("title") == "3,221,000,000元"
    shot(browser, "03-figure-page")
    # Its article link lands on the paragraph, the figure marked there too.
    browser.find_element(By.LINK_TEXT, "See it in the article").click()
    WebDriverWait(browser, 10).until(EC.url_contains("/zone/article/"))
    target = browser.find_element(By.CSS_SELECTOR, f"mark#f{fid(db, '32.21亿元')}")
    assert target.text == "32.21亿元"
    shot(browser, "04-article-page")


def test_indicator_page_draws_a_chart(browser: Any, desk: tuple[Server, Path]) -> None:
    server, _ = desk
    open_page(browser, server, "/zone/indicator/signed_projects_investment")
    chart = browser.find_element(By.CSS_SELECTOR, "svg.zone-chart")
    assert chart.is_displayed() and chart.size["width"] >= 400 and chart.size["height"] >= 150
    # The first chart is the full years (2018, 2019, 2021); the total as of 2022-08-10 is a
    # chart of its own, since a line never joins a year to a day.
    marks = chart.find_elements(By.CSS_SELECTOR, "circle.point")
    assert len(marks) == 3 and all(m.size["width"] > 0 for m in marks)
    line = chart.find_element(By.CSS_SELECTOR, "polyline.line")
    assert line.size["width"] > 200
    shot(browser, "05-indicator-page")


def test_dashboard_shows_charts_sectors_and_queue(browser: Any, desk: tuple[Server, Path]) -> None:
    server, db = desk
    open_page(browser, server, f"/zone/region/{one(db, 'SELECT id FROM region WHERE name = ?', ZONE)}")
    assert len(browser.find_elements(By.CSS_SELECTOR, "svg.zone-chart")) >= 3
    assert len(browser.find_elements(By.CSS_SELECTOR, "section.zone-sector")) >= 5
    assert int(browser.find_element(By.CSS_SELECTOR, ".zone-tile .zone-big").text) > 0
    # Sectors in the catalog's vocabulary and order (track.sectors), values with their base value.
    vocabulary = sectors()
    shown = [h.text.split(" ")[0] for h in browser.find_elements(By.CSS_SELECTOR, "section.zone-sector h3")]
    assert shown and all(vocabulary.canonical(name) == name for name in shown), shown
    assert shown == sorted(shown, key=vocabulary.order)
    first = browser.find_element(By.CSS_SELECTOR, "section.zone-sector td.zone-num a")
    assert first.text and first.get_attribute("title").replace(",", "")[:1].isdigit()
    shot(browser, "06-dashboard")


@pytest.mark.parametrize("table", ["figure", "figure_detail"])
def test_no_row_of_the_figure_tables_is_taller_than_120_px(browser: Any, desk: tuple[Server, Path], table: str) -> None:
    server, _ = desk
    open_page(browser, server, f"/zone/{table}?_size=100")
    rows = browser.find_elements(By.CSS_SELECTOR, "table.rows-and-columns tbody tr")
    assert len(rows) >= 50
    heights = [r.size["height"] for r in rows]
    assert max(heights) <= MAX_ROW_PX, sorted(heights)[-5:]
    # The column glossary is folded: the table starts on the first screen.
    assert browser.find_element(By.CSS_SELECTOR, "details.zone-glossary").get_attribute("open") is None
    assert browser.find_element(By.CSS_SELECTOR, "table.rows-and-columns").location["y"] < 1000
    shot(browser, f"07-{table}-table")


def test_canned_query_sql_is_folded(browser: Any, desk: tuple[Server, Path]) -> None:
    server, _ = desk
    open_page(browser, server, "/zone/latest_by_sector")
    assert not browser.find_elements(By.CSS_SELECTOR, "#sql-editor, #sql-query")
    assert browser.find_element(By.CSS_SELECTOR, "table.rows-and-columns").location["y"] < 700
    shot(browser, "08-canned-query")


def test_a_rejected_figure_disappears_from_the_browsing_views(browser: Any, desk: tuple[Server, Path]) -> None:
    server, db = desk
    search_box(browser, server, "figure_detail", "签约项目")
    assert "58个" in column(browser, "text")
    run("review", "reject", str(fid(db, "58个")), "--db", str(db), "--note", "browser test")
    search_box(browser, server, "figure_detail", "签约项目")
    assert "58个" not in column(browser, "text") and "41个" in column(browser, "text")
    shot(browser, "09-after-reject")
    open_page(browser, server, "/zone/indicator/signed_projects")
    assert "58个" not in browser.find_element(By.CSS_SELECTOR, "table.zone-table").text
    open_page(browser, server, f"/zone/figure/{fid(db, '58个')}")
    assert "rejected" in browser.find_element(By.CSS_SELECTOR, ".zone-state").text
    shot(browser, "10-rejected-figure")


def test_hostile_text_stays_inert(browser: Any, desk: tuple[Server, Path]) -> None:
    server, db = desk
    figure = fid(db, "88.8亿元")
    article = one(db, "SELECT article_id FROM figure WHERE id = ?", figure)
    for path in (f"/zone/article/{article}", f"/zone/figure/{figure}", "/zone/article", "/zone/figure_detail"):
        open_page(browser, server, path)
        time.sleep(0.2)
        no_alert(browser)
        assert browser.execute_script("return document.querySelectorAll('img').length") == 0, path
        hrefs = browser.execute_script("return [...document.querySelectorAll('a')].map(a => a.getAttribute('href') || '')")
        assert not [h for h in hrefs if h.strip().lower().startswith("javascript:")], path
    open_page(browser, server, f"/zone/article/{article}")
    assert '<script>alert("body")</script>' in browser.find_element(By.CSS_SELECTOR, ".zone-text").text
    shot(browser, "11-hostile-article")


def test_a_canned_query_pages_through_its_rows(browser: Any, desk: tuple[Server, Path]) -> None:
    server, _ = desk
    whole = [str(r["figure_id"]) for r in server.rows("review_queue")]
    assert len(whole) >= 3
    open_page(browser, server, "/zone/review_queue?_size=2")
    assert column(browser, "figure_id") == whole[:2]
    browser.find_element(By.CSS_SELECTOR, "p.zone-pages a[rel=next]").click()
    WebDriverWait(browser, 10).until(EC.url_contains("_page=2"))
    WebDriverWait(browser, 10).until(lambda d: d.execute_script("return document.readyState") == "complete")
    assert column(browser, "figure_id") == whole[2:4]
    assert browser.find_element(By.CSS_SELECTOR, "p.zone-pages").text.startswith("Rows 3–")
    shot(browser, "12-review-queue-page-2")
    browser.find_element(By.CSS_SELECTOR, "p.zone-pages a[rel=prev]").click()
    WebDriverWait(browser, 10).until(EC.url_contains("_page=1"))
    assert column(browser, "figure_id") == whole[:2]
