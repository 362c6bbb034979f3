#!/usr/bin/python3
"""The consensus trend and missing voices as a rep sees them, in a real browser (headless Chromium).

Usage: trend_views.py BASE_URL TOKEN GROUP VOICE_GROUP DIGEST_HTML SCREENSHOT_DIR

Signs in, opens GROUP and checks the inline SVG chart: one point per week of the twelve, each
point's height ordered as the week's open problems are (more problems, higher on the chart), a
send mark under exactly the weeks with sends, the chart drawn at a readable size inside a phone's
width too. Opens VOICE_GROUP and checks its missing voices are listed with whom to ask. Opens the
rep digest's HTML file as a mail client would show it and checks the trend's table-cell bars: each
bar as tall, in pixels, as the week's share of the tallest week says. Saves element screenshots
of the chart and the bars (used in the README) into SCREENSHOT_DIR. Exits non-zero, with the
reason on stderr, when anything does not hold.
"""
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By


def fail(message):
    print(f"trend_views.py: {message}", file=sys.stderr)
    sys.exit(1)


def check_chart(driver, where):
    chart = driver.find_element(By.ID, "trend-chart")
    box = chart.rect
    if box["width"] < 200 or box["height"] < 50:
        fail(f"{where}: the chart is drawn {box['width']}x{box['height']}px")
    weeks = driver.execute_script("""
        return [...document.querySelectorAll('#trend-chart g.week')].map(g => {
            const dot = g.querySelector('circle').getBoundingClientRect();
            return {week: g.dataset.week, open: +g.dataset.open, sends: +g.dataset.sends,
                    y: dot.top + dot.height / 2, x: dot.left, marked: !!g.querySelector('.send-mark')};
        });""")
    if len(weeks) != 12:
        fail(f"{where}: expected 12 weeks on the chart, found {len(weeks)}")
    if [w["x"] for w in weeks] != sorted(w["x"] for w in weeks):
        fail(f"{where}: the weeks are not drawn left to right in order")
    for a in weeks:
        for b in weeks:
            if a["open"] > b["open"] and not a["y"] < b["y"] - 0.5:
                fail(f"{where}: {a['week']} has more open problems ({a['open']}) than {b['week']} ({b['open']}) but is not drawn higher")
        if a["marked"] != (a["sends"] > 0):
            fail(f"{where}: {a['week']} has {a['sends']} sends but its mark is {'there' if a['marked'] else 'missing'}")
    overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 1:
        fail(f"{where}: the page is {overflow}px wider than the window")
    return weeks


def main():
    base, token, group, voice_group, digest, shots = sys.argv[1:7]
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1600"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    driver.implicitly_wait(10)
    try:
        driver.get(base + "/signin")
        driver.find_element(By.ID, "token").send_keys(token)
        driver.find_element(By.ID, "signin").click()
        driver.find_element(By.ID, "groups-heading")

        driver.get(f"{base}/groups/{group}")
        weeks = check_chart(driver, "desktop")
        direction = driver.find_element(By.ID, "direction").text
        if not direction.split(":")[0] in ("Converging", "Stuck", "Diverging"):
            fail(f"the direction reads {direction!r}")
        driver.find_element(By.ID, "trend").screenshot(os.path.join(shots, "trend-chart.png"))
        driver.set_window_size(390, 844)
        driver.get(f"{base}/groups/{group}")
        check_chart(driver, "phone")
        driver.set_window_size(1280, 1600)

        driver.get(f"{base}/groups/{voice_group}")
        voices = driver.find_element(By.ID, "missing-voices").text
        if " — ask " not in voices:
            fail(f"the missing voices do not say whom to ask: {voices!r}")
        driver.find_element(By.ID, "missing-voices").screenshot(os.path.join(shots, "missing-voices.png"))

        # The digest as a mail client shows it: no script, no SVG, bars made of table cells.
        driver.get("file://" + os.path.abspath(digest))
        bars = driver.execute_script("""
            const rows = [...document.querySelectorAll('tr[valign=bottom]')];
            return rows.map(row => [...row.querySelectorAll('td > div')].map(d => d.getBoundingClientRect().height));""")
        if not bars or any(len(row) != 12 for row in bars):
            fail(f"expected rows of 12 bars in the digest, found {[len(r) for r in bars]}")
        for row in bars:
            if max(row) < 39 or max(row) > 41:
                fail(f"the tallest week's bar is {max(row)}px, not 40")
        # Bars stand on a common baseline, as a chart's bars do.
        bottoms = driver.execute_script("""
            return [...document.querySelectorAll('tr[valign=bottom]')].map(row =>
                [...row.querySelectorAll('td > div')].filter(d => d.getBoundingClientRect().height > 0)
                    .map(d => Math.round(d.getBoundingClientRect().bottom)));""")
        for row in bottoms:
            if len(set(row)) > 1:
                fail(f"the digest's bars do not share a baseline: bottoms at {row}")
        table = driver.find_element(By.CSS_SELECTOR, "tr[valign=bottom]").find_element(By.XPATH, "./ancestor::table[1]")
        table.screenshot(os.path.join(shots, "digest-trend.png"))
        print(f"ok: chart of {len(weeks)} weeks ({direction}); missing voices listed; {len(bars)} digest trend rows")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
