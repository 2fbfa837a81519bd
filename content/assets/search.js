// Reader search. Every search box works without JavaScript by leading to the archive; this
// script points them at the search page, and on that page runs the Pagefind index that
// `npm run build` writes into /pagefind/. Paths come from this file's own URL, so a site
// under a base path (https://example.org/news/) works unchanged.
const siteRoot = new URL("../", import.meta.url);
const searchPage = new URL("search/", siteRoot);
const MAX_RESULTS = 30;

for (const form of document.querySelectorAll("form[data-search-form]")) form.action = searchPage.pathname;

const page = document.querySelector("[data-search-page]");
if (page) startSearchPage(page);

/** Pagefind's excerpt as text with <mark>s, and nothing else, whatever the page held. */
function excerptParagraph(html) {
  const paragraph = document.createElement("p");
  paragraph.className = "search-excerpt";
  const template = document.createElement("template");
  template.innerHTML = html;
  for (const node of template.content.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      paragraph.append(mark);
    } else {
      paragraph.append(node.textContent);
    }
  }
  return paragraph;
}

function resultItem(result) {
  const item = document.createElement("li");
  item.className = "search-result";
  const heading = document.createElement("h2");
  const link = document.createElement("a");
  link.href = result.url;
  link.textContent = result.meta.title || result.url;
  heading.append(link);
  const date = document.createElement("p");
  date.className = "card-meta";
  date.textContent = result.meta.date || "";
  item.append(heading, date, excerptParagraph(result.excerpt || ""));
  return item;
}

function fillSelect(select, counts, order) {
  const names = Object.keys(counts || {}).sort(order);
  for (const name of names) {
    const option = document.createElement("option");
    option.value = name;
    option.textContent = `${name} (${counts[name]})`;
    select.append(option);
  }
}

async function startSearchPage(root) {
  const form = root.querySelector("form");
  const query = root.querySelector("#search-query");
  const tag = root.querySelector("#search-tag");
  const year = root.querySelector("#search-year");
  const status = root.querySelector("#search-status");
  const list = root.querySelector("#search-results");

  let pagefind;
  try {
    pagefind = await import(new URL("pagefind/pagefind.js", siteRoot).href);
    await pagefind.options({ baseUrl: siteRoot.pathname, excerptLength: 24 });
    await pagefind.init();
  } catch {
    status.textContent = "Search is not available here (npm run build writes its index). Browse the archive or the topics instead.";
    return;
  }
  const filters = await pagefind.filters();
  fillSelect(tag, filters.tag, (a, b) => a.localeCompare(b));
  fillSelect(year, filters.year, (a, b) => b.localeCompare(a));
  root.classList.add("search-ready");

  const params = new URLSearchParams(location.search);
  query.value = params.get("q") || "";
  tag.value = params.get("tag") || "";
  year.value = params.get("year") || "";

  let latest = 0;
  async function run() {
    const ticket = ++latest;
    const term = query.value.trim();
    const chosen = {};
    if (tag.value) chosen.tag = tag.value;
    if (year.value) chosen.year = year.value;
    const shown = new URLSearchParams({ q: term, ...chosen });
    history.replaceState(null, "", `${searchPage.pathname}?${shown}`);
    if (!term && Object.keys(chosen).length === 0) {
      list.replaceChildren();
      status.textContent = "";
      return;
    }
    // Words rank by relevance; a filter alone lists the newest first.
    const search = await pagefind.search(term || null, term ? { filters: chosen } : { filters: chosen, sort: { date: "desc" } });
    if (ticket !== latest || !search) return;
    const results = await Promise.all(search.results.slice(0, MAX_RESULTS).map((result) => result.data()));
    if (ticket !== latest) return;
    list.replaceChildren(...results.map(resultItem));
    const total = search.results.length;
    const what = term ? ` for “${term}”` : "";
    status.textContent =
      total === 0
        ? `No briefings found${what}.`
        : `${total} briefing${total === 1 ? "" : "s"} found${what}${total > MAX_RESULTS ? `; the first ${MAX_RESULTS} are shown` : ""}.`;
  }

  let timer;
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  query.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(run, 200);
  });
  tag.addEventListener("change", run);
  year.addEventListener("change", run);
  run();
}
