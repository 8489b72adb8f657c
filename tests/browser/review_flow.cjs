// The analyst's path through the page, in Debian's Chromium driven by npm playwright-core:
// open the map, click a marker, open the event, see the highlighted evidence, sign in with the token,
// confirm the event, see the audit entry. Screenshots go to OUTPUT_DIR.
//   node review_flow.cjs BASE_URL EVENT_ID TOKEN OUTPUT_DIR
// Prints one JSON line of what it saw; exits non-zero at the first step that fails.
"use strict";
const path = require("path");
const { chromium } = require("playwright-core");

const [base, eventId, token, outDir] = process.argv.slice(2);
const executablePath = process.env.CHROMIUM || "/usr/bin/chromium";

async function main() {
  const browser = await chromium.launch({ executablePath, args: ["--no-sandbox", "--disable-gpu"] });
  const seen = {};
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const failures = [];
    page.on("pageerror", (err) => failures.push(String(err)));
    page.on("requestfailed", (req) => failures.push("request failed: " + req.url()));
    page.on("request", (req) => {
      if (!req.url().startsWith(base)) failures.push("request outside the app: " + req.url());
    });

    await page.goto(base + "/events");
    const marker = page.locator(`path.event-marker[data-id="${eventId}"]`);
    await marker.waitFor({ state: "attached", timeout: 15000 });
    await page.locator("#timeline rect.day-bar").first().waitFor({ state: "attached", timeout: 15000 });
    seen.markers = await page.locator("path.event-marker").count();
    seen.countries = await page.locator("path.leaflet-interactive, .leaflet-overlay-pane path").count();
    seen.timeline_bars = await page.locator("#timeline rect.day-bar").count();
    seen.table_rows = await page.locator("table.events tbody tr").count();
    await page.screenshot({ path: path.join(outDir, "events.png"), fullPage: true });

    await page.locator("#use-map-box").click();  // the bounding-box filter, from what the map shows
    await page.waitForURL(/bbox=/);
    await marker.waitFor({ state: "attached", timeout: 15000 });
    seen.bbox = new URL(page.url()).searchParams.get("bbox");
    seen.bbox_rows = await page.locator("table.events tbody tr").count();

    await marker.click();
    const link = page.locator(".leaflet-popup .popup-link");
    await link.waitFor({ timeout: 5000 });
    seen.popup = await link.textContent();
    await link.click();
    await page.waitForURL("**/events/" + eventId);
    seen.highlights = {};
    for (const role of ["evidence", "trigger", "actor1", "place", "date", "claim", "claimant"]) {
      seen.highlights[role] = await page.locator(`.doctext mark.hl-${role}`).count();
    }
    seen.claimants = await page.locator("table.claims td.claimant").allTextContents();
    seen.status_before = (await page.locator("#status").textContent()).trim();

    await page.locator("#sign-in").click();
    await page.locator('input[name="token"]').fill(token);
    await page.locator('form.login button[type="submit"]').click();
    await page.waitForURL("**/events/" + eventId);
    await page.locator('input[name="note"]').first().fill("checked against the source <b>text</b>");
    await page.locator("#confirm").click();
    await page.locator("#done").waitFor({ timeout: 5000 });
    seen.status_after = (await page.locator("#status").textContent()).trim();
    seen.audit = (await page.locator("#audit-log tbody tr").first().innerText()).split("\t").map((s) => s.trim());
    await page.screenshot({ path: path.join(outDir, "event.png"), fullPage: true });
    seen.failures = failures;
  } finally {
    await browser.close();
  }
  process.stdout.write(JSON.stringify(seen) + "\n");
}

main().catch((err) => {
  process.stderr.write(String(err && err.stack ? err.stack : err) + "\n");
  process.exit(1);
});
