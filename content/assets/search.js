// Reader search. Every search box works without JavaScript by leading to the archive; this
// script points them at the search page, and on that page runs the Pagefind index that
// `npm run build` writes: one bundle per year in /pagefind/<year>/, listed newest first in
// /pagefind/shards.json. Paths come from this file's own URL, so a site under a base path
// (https://example.org/news/) works unchanged.
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

/**
 * The index's shards, one Pagefind bundle per year. `all` is the newest year's with the other
 * years merged into it: Pagefind searches each and sums the filter counts. Words rank by score
 * across the shards; a chosen year's words are looked up in its own bundle alone (an instance made
 * when first needed), not in every year's. A filter alone lists the newest first: Pagefind's
 * date-sorted scores are ranks within one shard, so each year is asked on its own (the filter
 * chunks are loaded already) and the years are put together newest first. Null when there is no
 * briefing.
 */
async function openShards() {
  const listed = await fetch(new URL("pagefind/shards.json", siteRoot));
  if (!listed.ok) throw new Error(`pagefind/shards.json: ${listed.status}`);
  const { shards: years } = await listed.json();
  if (years.length === 0) return null;
  const basePath = (year) => new URL(`pagefind/${year}/`, siteRoot).pathname;
  const engine = await import(new URL(`pagefind/${years[0]}/pagefind.js`, siteRoot).href);
  const settings = { baseUrl: siteRoot.pathname, excerptLength: 24 };
  const all = engine.createInstance({ ...settings, basePath: basePath(years[0]) });
  await all.init();
  await Promise.all(years.slice(1).map((year) => all.mergeIndex(basePath(year), settings)));
  const own = new Map();
  const ownInstance = (year) => {
    if (!own.has(year)) own.set(year, engine.createInstance({ ...settings, basePath: basePath(year) }));
    return own.get(year);
  };
  async function newestFirst(filters) {
    const chosen = filters.year ? [filters.year] : years;
    const searches = await Promise.all(chosen.map((year) => all.search(null, { filters: { ...filters, year }, sort: { date: "desc" } })));
    return { results: searches.flatMap((search) => search.results) };
  }
  return {
    all,
    search(term, filters) {
      if (!term) return newestFirst(filters);
      return (filters.year && years.includes(filters.year) ? ownInstance(filters.year) : all).search(term, { filters });
    },
  };
}

async function startSearchPage(root) {
  const form = root.querySelector("form");
  const query = root.querySelector("#search-query");
  const tag = root.querySelector("#search-tag");
  const year = root.querySelector("#search-year");
  const status = root.querySelector("#search-status");
  const list = root.querySelector("#search-results");

  let shards;
  try {
    shards = await openShards();
  } catch {
    status.textContent = "Search is not available here (npm run build writes its index). Browse the archive or the topics instead.";
    return;
  }
  if (!shards) {
    status.textContent = "No briefings have been published yet.";
    return;
  }
  const filters = await shards.all.filters();
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
    const search = await shards.search(term, chosen);
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
