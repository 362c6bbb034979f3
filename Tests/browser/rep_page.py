#!/usr/bin/python3
"""A rep's day on the web page in a real browser: headless Chromium driven by Selenium.

Usage: rep_page.py BASE_URL TOKEN OWNER GROUP SCREENSHOT_DIR

Signs in with a token that names the rep (the page opens on the rep's own groups), opens the
group, and does a rep's day twice, once at a desktop's size and once at a phone's: marks the
first pick sent to the people it suggests, marks that send consumed, takes the mark back, takes
the send back, dismisses a pick and undoes the dismissal, searches the catalog and sends an asset
that is not a pick to someone added by hand, records a claim typed as "$150k", and pastes call
notes (previewed, then saved). Checks what
the page says after each step, that the page fits a phone's width, and that no table header
breaks inside a word. Saves screenshots into SCREENSHOT_DIR. Exits non-zero, with the reason on
stderr, when anything a rep relies on does not hold.

Run with Debian's /usr/bin/python3, which has python3-selenium; chromium and chromium-driver
come from Debian too (Scripts/ensure-deps installs all three).
"""
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.common.exceptions import TimeoutException, WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait


def fail(message):
    print(f"rep_page.py: {message}", file=sys.stderr)
    sys.exit(1)


def submit(driver, button):
    """Clicks a form's button and waits for the next page: a click returns before it loads, and
    the old page's elements would still be found. The old page is marked with a variable that
    the next page does not have (checking an old element for staleness raised other errors in
    newer Chromium)."""
    driver.execute_script("window.__nextsendOldPage = true; arguments[0].scrollIntoView({block: 'center'});", button)
    button.click()

    def loaded(driver):
        try:
            return driver.execute_script("return window.__nextsendOldPage !== true && document.readyState === 'complete'")
        except WebDriverException:
            return False  # between two pages

    try:
        WebDriverWait(driver, 10).until(loaded)
    except TimeoutException:
        # Under load a click can land while the page is still laying out and submit nothing
        # (seen beside a parallel test run); the form is then submitted as the button would.
        driver.execute_script("arguments[0].form.requestSubmit(arguments[0]);", button)
        WebDriverWait(driver, 20).until(loaded)


def flash(driver):
    found = driver.find_elements(By.ID, "flash")
    return found[0].text if found else ""


def expect_flash(driver, start, step):
    text = flash(driver)
    if not text.startswith(start):
        fail(f"{step}: expected a message starting {start!r}, the page says {text!r}")


def picks(driver):
    """Each pick's asset and reason, and the people it suggests."""
    return [(p.get_attribute("data-asset"), p.find_element(By.CSS_SELECTOR, ".why").text,
             tuple(box.get_attribute("value") for box in p.find_elements(By.CSS_SELECTOR, "form.mark-sent input[checked]")))
            for p in driver.find_elements(By.CSS_SELECTOR, "#picks .pick")]


def sent_rows(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#sent .sent-row")


def check_headers(driver, where):
    """A header that wraps inside a word ("Conflict|s") is taller than one line of its text."""
    broken = driver.execute_script("""
        return [...document.querySelectorAll('th')].filter(th => {
            const range = document.createRange(); range.selectNodeContents(th);
            const words = th.textContent.trim().split(/\\s+/).length;
            return th.textContent.trim() && range.getClientRects().length > words;
        }).map(th => th.textContent);""")
    if broken:
        fail(f"{where}: table headers break inside a word: {broken}")


def check_fits(driver, where):
    overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    if overflow > 1:
        fail(f"{where}: the page is {overflow}px wider than the window")


def rep_day(driver, base, group, shots, size):
    driver.get(f"{base}/groups/{group}")
    check_fits(driver, f"{size} group page")
    check_headers(driver, f"{size} group page")
    before = picks(driver)
    if not before or any(not reason for _, reason, _ in before):
        fail(f"{size}: no picks, or a pick without a reason: {before}")
    driver.save_screenshot(os.path.join(shots, f"{size}-1-group.png"))

    # Send the first pick to the people it suggests (their boxes come checked).
    asset = before[0][0]
    title = driver.find_element(By.CSS_SELECTOR, "#picks .pick h3").text.split(". ", 1)[1]
    submit(driver, driver.find_element(By.CSS_SELECTOR, "#picks .pick form.mark-sent button"))
    expect_flash(driver, f"Recorded: {title} sent to", f"{size} mark sent")
    if picks(driver) == before:
        fail(f"{size}: the picks did not change after the send")
    row = [r for r in sent_rows(driver) if r.get_attribute("data-asset") == asset]
    if not row:
        fail(f"{size}: the send of {asset} is not under 'What was sent'")
    driver.save_screenshot(os.path.join(shots, f"{size}-2-sent.png"))

    # Mark it consumed, take the mark back, take the send back.
    submit(driver, row[0].find_element(By.CSS_SELECTOR, "form.mark-consumed button"))
    expect_flash(driver, f"Marked consumed: {title}", f"{size} mark consumed")
    row = [r for r in sent_rows(driver) if r.get_attribute("data-asset") == asset]
    submit(driver, row[0].find_element(By.CSS_SELECTOR, "form.undo-consumed button"))
    expect_flash(driver, title, f"{size} undo consumed")
    if "no longer marked consumed" not in flash(driver):
        fail(f"{size}: undoing the consumed mark said {flash(driver)!r}")
    row = [r for r in sent_rows(driver) if r.get_attribute("data-asset") == asset]
    submit(driver, row[0].find_element(By.CSS_SELECTOR, "form.undo-send button"))
    expect_flash(driver, f"Took back the send of {title}", f"{size} undo send")
    if any(r.get_attribute("data-asset") == asset for r in sent_rows(driver)):
        fail(f"{size}: the send of {asset} is still listed after it was taken back")
    if picks(driver)[0][0] != asset:
        fail(f"{size}: after the send was taken back, {asset} is not pick 1 again: {picks(driver)}")

    # Dismiss the first pick, then undo the dismissal.
    first = driver.find_element(By.CSS_SELECTOR, "#picks .pick")
    first.find_element(By.CSS_SELECTOR, "details.not-for-deal summary").click()
    first.find_element(By.CSS_SELECTOR, "form.dismiss input[name=reason]").send_keys("they have it already")
    submit(driver, first.find_element(By.CSS_SELECTOR, "form.dismiss button"))
    expect_flash(driver, f"Dismissed {title}", f"{size} dismiss")
    if any(a == asset for a, _, _ in picks(driver)):
        fail(f"{size}: {asset} is still a pick after it was dismissed")
    submit(driver, driver.find_element(By.CSS_SELECTOR, f'#sent .dismissed-row[data-asset="{asset}"] form.undo-dismissal button'))
    expect_flash(driver, title, f"{size} undo dismissal")
    if picks(driver)[0][0] != asset:
        fail(f"{size}: {asset} is not back as pick 1 after the dismissal was undone")

    # Search the catalog and send something that is not a pick, to someone added by hand.
    search = driver.find_element(By.ID, "q")
    search.clear()
    search.send_keys("contract")
    submit(driver, driver.find_element(By.ID, "search-button"))
    results = driver.find_elements(By.CSS_SELECTOR, "#search .result")
    if not results:
        fail(f"{size}: searching the catalog for 'contract' found nothing")
    result = results[0]
    found = result.get_attribute("data-asset")
    result.find_element(By.CSS_SELECTOR, "details summary").click()
    result.find_element(By.CSS_SELECTOR, "form.send-any input[type=checkbox]").click()
    driver.save_screenshot(os.path.join(shots, f"{size}-3-search.png"))
    submit(driver, result.find_element(By.CSS_SELECTOR, "form.send-any button"))
    expect_flash(driver, "Recorded: ", f"{size} send a search result")
    if not any(r.get_attribute("data-asset") == found for r in sent_rows(driver)):
        fail(f"{size}: the send of the search result {found} is not listed")
    # Leave the group as it was for the next size.
    row = [r for r in sent_rows(driver) if r.get_attribute("data-asset") == found]
    submit(driver, row[0].find_element(By.CSS_SELECTOR, "form.undo-send button"))

    # A claim typed as people type it; a mistake stays in the box with the error beside it.
    claim = driver.find_element(By.ID, "claim")
    Select(claim.find_element(By.NAME, "topic")).select_by_value("tco")
    holds = claim.find_element(By.ID, "holds")
    holds.clear()
    holds.send_keys("a lot")
    submit(driver, claim.find_element(By.CSS_SELECTOR, "button"))
    if not driver.find_elements(By.ID, "claim-error"):
        fail(f"{size}: a claim of 'a lot' did not show an error beside the box")
    if driver.find_element(By.ID, "holds").get_attribute("value") != "a lot":
        fail(f"{size}: the claim box lost what was typed")
    driver.save_screenshot(os.path.join(shots, f"{size}-4-claim-error.png"))
    holds = driver.find_element(By.ID, "holds")
    holds.clear()
    holds.send_keys("$150k")
    submit(driver, driver.find_element(By.CSS_SELECTOR, "#claim button"))
    # The second size records the same claim again the same day: "Already recorded".
    if "holds $150,000" not in flash(driver):
        fail(f"{size}: the claim of $150k reads {flash(driver)!r}")

    # Call notes pasted in: what NextSend read is shown before anything is saved, then saved.
    notes = driver.find_element(By.ID, "notes-text")
    notes.clear()
    notes.send_keys("Ellen thinks payback will take about a year and a half.\nTom asked if we could do a pilot first?")
    submit(driver, driver.find_element(By.CSS_SELECTOR, "#notes-form button"))
    preview = driver.find_element(By.ID, "notes-preview").text
    if "Read 1 claim" not in preview or "a year and a half" not in preview or "a question" not in preview:
        fail(f"{size}: the notes preview reads {preview!r}")
    if size == "desktop" and "a year and a half" in driver.find_element(By.ID, "claims").get_attribute("textContent"):
        fail("a preview of pasted notes stored the claim before it was saved")
    driver.save_screenshot(os.path.join(shots, f"{size}-5-notes-preview.png"))
    submit(driver, driver.find_element(By.CSS_SELECTOR, "#notes-save button"))
    expect_flash(driver, "Read 1 claim", f"{size} save pasted notes")
    if "a year and a half" not in driver.find_element(By.ID, "claims").get_attribute("textContent"):
        fail(f"{size}: the saved claim's quote is not listed under who holds what")
    check_fits(driver, f"{size} after the day")


def main():
    base, token, owner, group, shots = sys.argv[1:6]
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1600"):
        options.add_argument(argument)
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    # A click that submits a form returns before the next page is there; wait for elements.
    driver.implicitly_wait(10)
    try:
        # Signing in: the home page sends a stranger to the sign-in form; the token names the rep.
        driver.get(base + "/")
        if not driver.current_url.endswith("/signin"):
            fail(f"expected the sign-in page, got {driver.current_url}")
        driver.find_element(By.ID, "token").send_keys(token)
        submit(driver, driver.find_element(By.ID, "signin"))
        heading = driver.find_element(By.ID, "groups-heading").text
        if owner not in heading:
            fail(f"signing in did not open {owner}'s groups: {heading!r}")
        if driver.find_elements(By.ID, "owner"):
            fail("a rep signed in with their own token is shown the list of every rep")
        links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#groups a")]
        if not any(link.endswith("/groups/" + group) for link in links):
            fail(f"{group} is not among the groups of {owner}: {links}")
        check_headers(driver, "groups page")
        driver.save_screenshot(os.path.join(shots, "1-groups.png"))

        rep_day(driver, base, group, shots, "desktop")
        driver.set_window_size(390, 844)
        rep_day(driver, base, group, shots, "phone")
        # The group page on a phone: picks first, the send-to list short.
        driver.get(f"{base}/groups/{group}")
        height = driver.execute_script("return document.documentElement.scrollHeight")
        top = driver.execute_script("return document.querySelector('#picks').getBoundingClientRect().top")
        if top > 844:
            fail(f"on a phone the picks start {top}px down, below the first screen")
        driver.save_screenshot(os.path.join(shots, "phone-5-group.png"))

        # A page that does not exist is a page, not JSON; the icon loads.
        driver.get(base + "/no-such-page")
        if not driver.find_elements(By.ID, "problem"):
            fail("an unknown page is not an HTML page")
        print(f"ok: signed in as {owner}; on desktop and phone sent, marked consumed, undid, dismissed and undid, "
              f"searched and sent, recorded a claim, read pasted notes; group page {height}px tall on a phone; screenshots in {shots}")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
