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
const problems = [];
let shotsTaken = 0;
for (const viewport of viewports) {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1 });
  for (const path of pages) {
    const page = await context.newPage();
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
    if (path !== "print.html" && path !== "404.html" && path !== "toc.html") {
      const file = `${shots}/${viewport.name}-${path.replace(/\//g, "_").replace(/\.html$/, "")}.png`;
      await page.screenshot({ path: file, fullPage: true });
      shotsTaken += 1;
    }
    for (const e of errors) problems.push(`${viewport.name} ${path}: ${e}`);
    console.log(`${viewport.name.padEnd(7)} ${path.padEnd(48)} ${text.length} chars, ${svgs} svg${errors.length ? "  FAILED" : ""}`);
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
