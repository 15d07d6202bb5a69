// Opens every page of the built book in headless Chromium and fails on any
// JavaScript error, failed request or empty page; saves a screenshot of each
// chapter at desktop width and at a 390-px phone width.
//
// usage: node check.mjs BASE_URL SCREENSHOT_DIR PAGE...
import { chromium } from "playwright-core";
import { mkdirSync } from "node:fs";

const [base, shots, ...pages] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });

const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
  ],
});

const viewports = [
  { name: "desktop", width: 1280, height: 900 },
  { name: "mobile", width: 390, height: 844 },
];
// The Rust Playground is an online service: mdBook asks it for its crate list
// to decide which listings get a Run button. Offline, the check answers that
// request itself, as the Playground does (ndarray is one of its crates, ndview
// is not); every other request outside the local server is a failure.
const PLAYGROUND_CRATES = { crates: [{ id: "ndarray", name: "ndarray", version: "0.17.2" }] };

const problems = [];
let shotsTaken = 0;
for (const viewport of viewports) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  for (const path of pages) {
    const page = await context.newPage();
    await page.route("https://play.rust-lang.org/meta/crates", (route) =>
      route.fulfill({ status: 200, contentType: "application/json", headers: { "access-control-allow-origin": "*" }, body: JSON.stringify(PLAYGROUND_CRATES) }));
    const errors = [];
    page.on("pageerror", (e) => errors.push(`uncaught: ${e.message}`));
    page.on("console", (m) => { if (m.type() === "error") errors.push(`console.error: ${m.text()}`); });
    page.on("requestfailed", (r) => {
      // Only the book's own files matter; fonts or scripts from elsewhere would be a problem too.
      errors.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
    });
    const response = await page.goto(`${base}/${path}`, { waitUntil: "load" });
    if (!response || !response.ok()) errors.push(`HTTP ${response ? response.status() : "no response"}`);
    await page.waitForTimeout(150);
    const text = (await page.locator("main").innerText().catch(() => "")).trim();
    if (text.length < 80) errors.push(`empty page: main has ${text.length} characters of text`);
    const svgs = await page.locator("main svg").count();
    // Run buttons: on every runnable listing (ndarray only), on no other.
    const runnable = await page.locator("main pre.playground").count();
    const buttons = await page.locator("main pre.playground button.play-button:not(.hidden)").count();
    const stray = (await page.locator("main button.play-button").count())
      - (await page.locator("main pre.playground button.play-button").count());
    if (path !== "print.html" && (buttons !== runnable || stray > 0)) {
      errors.push(`${runnable} runnable listings but ${buttons} Run buttons (${stray} elsewhere)`);
    }
    if (path !== "print.html" && path !== "404.html" && path !== "toc.html") {
      const file = `${shots}/${viewport.name}-${path.replace(/\//g, "_").replace(/\.html$/, "")}.png`;
      await page.screenshot({ path: file, fullPage: true });
      shotsTaken += 1;
    }
    for (const e of errors) problems.push(`${viewport.name} ${path}: ${e}`);
    console.log(`${viewport.name.padEnd(7)} ${path.padEnd(48)} ${String(text.length).padStart(5)} chars, ${svgs} svg, ${runnable} runnable${errors.length ? "  FAILED" : ""}`);
    await page.close();
  }
  await context.close();
}
await browser.close();
console.log(`${shotsTaken} screenshots in ${shots}`);
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
