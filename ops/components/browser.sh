# A real browser for the tests that look at what a screen shows (the kiosk page) and, later, at the
# console: Debian's Chromium, driven headless. Not a server: nothing to start, only to install.

browser_packages() { command -v chromium >/dev/null || echo chromium; }
