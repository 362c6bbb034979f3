#!/usr/bin/python3
"""The rep's web page in a real browser: headless Chromium driven by Selenium.

Usage: rep_page.py BASE_URL TOKEN OWNER GROUP SCREENSHOT_DIR

Signs in with the token, picks the owner, opens the group, marks the first pick sent to the
people it names, and checks that the page says so and that the picks changed. Then checks the
page fits a phone's width. Saves a screenshot of each step into SCREENSHOT_DIR. Exits non-zero,
with the reason on stderr, when anything a rep relies on does not hold.

Run with Debian's /usr/bin/python3, which has python3-selenium; chromium and chromium-driver
come from Debian too (Scripts/ensure-deps installs all three).
"""
import os
import sys

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select


def fail(message):
    print(f"rep_page.py: {message}", file=sys.stderr)
    sys.exit(1)


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
        # Signing in: the home page sends a stranger to the sign-in form.
        driver.get(base + "/")
        if not driver.current_url.endswith("/signin"):
            fail(f"expected the sign-in page, got {driver.current_url}")
        driver.find_element(By.ID, "token").send_keys(token)
        driver.find_element(By.ID, "signin").click()

        # The owner's groups, most urgent first.
        Select(driver.find_element(By.ID, "owner")).select_by_value(owner)
        driver.find_element(By.ID, "show-owner").click()
        links = [a.get_attribute("href") for a in driver.find_elements(By.CSS_SELECTOR, "#groups a")]
        if not any(link.endswith("/groups/" + group) for link in links):
            fail(f"{group} is not among the groups of {owner}: {links}")
        driver.save_screenshot(os.path.join(shots, "1-groups.png"))
        driver.find_element(By.CSS_SELECTOR, f'#groups a[href="/groups/{group}"]').click()

        # The group page: jobs, conflicts, picks with their reasons.
        if not driver.find_elements(By.CSS_SELECTOR, "#jobs tr"):
            fail("no job board on the group page")
        picks = driver.find_elements(By.CSS_SELECTOR, "#picks .pick")
        if not picks:
            fail("no picks on the group page")
        before = [(p.get_attribute("data-asset"), p.find_element(By.CSS_SELECTOR, ".why").text) for p in picks]
        if any(not reason for _, reason in before):
            fail("a pick has no reason")
        driver.save_screenshot(os.path.join(shots, "2-group.png"))

        # Mark the first pick sent to the people it names (their boxes come checked).
        first_asset = before[0][0]
        picks[0].find_element(By.CSS_SELECTOR, "form.mark-sent button").click()
        flash = driver.find_element(By.ID, "flash").text
        if not flash.startswith(f"Recorded: {first_asset} sent to"):
            fail(f"the page did not confirm the send: {flash!r}")
        after = [(p.get_attribute("data-asset"), p.find_element(By.CSS_SELECTOR, ".why").text)
                 for p in driver.find_elements(By.CSS_SELECTOR, "#picks .pick")]
        if after == before:
            fail("the picks did not change after the send")
        driver.save_screenshot(os.path.join(shots, "3-after-send.png"))

        # A phone: the page fits its width, nothing to scroll sideways.
        driver.set_window_size(390, 844)
        driver.refresh()
        overflow = driver.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
        if overflow > 1:
            fail(f"on a 390px-wide phone the page is {overflow}px too wide")
        driver.save_screenshot(os.path.join(shots, "4-phone.png"))
        print(f"ok: signed in, opened {group}, marked {first_asset} sent, picks changed; screenshots in {shots}")
    finally:
        driver.quit()


if __name__ == "__main__":
    main()
