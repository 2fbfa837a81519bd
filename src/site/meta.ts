import type { Briefing } from "../content/types.ts";
import { absoluteUrl } from "../urls.ts";
import type { CardPlan } from "../cards/index.ts";
import type { ListingPage } from "./listings.ts";
import type { SiteSettings } from "../config/settings.ts";

/** What a page's <head> says about it: title, description, canonical URL, social cards. */
export interface PageMeta {
  title: string;
  description: string;
  canonical: string;
  type: "article" | "website";
  image: { url: string; alt: string; width?: number; height?: number } | null;
  published: string | null;
  modified: string | null;
}

export interface PageContext {
  /** Eleventy's page.url: the site path without the base. */
  path: string;
  site: SiteSettings;
  briefing?: Briefing;
  listing?: ListingPage;
  title?: string;
  description?: string;
  /** The build's share images: a briefing's own, else the site's default. */
  cards?: CardPlan | null;
}

/** The card for a page: the briefing's own image wins, then its card, then the site's default card. */
function cardImage(cards: CardPlan | null | undefined, site: SiteSettings, briefing?: Briefing): PageMeta["image"] {
  if (!cards) return null;
  const own = briefing ? cards.byBriefing.get(briefing.path) : undefined;
  const card = own ?? cards.defaultCard;
  const alt = card.text.quote ? `“${card.text.quote.text}”${card.text.quote.speaker ? ` — ${card.text.quote.speaker}` : ""}` : card.text.title;
  return { url: absoluteUrl(card.path, site.url), alt, width: 1200, height: 630 };
}

export function pageMeta({ path, site, briefing, listing, title, description, cards }: PageContext): PageMeta {
  const canonical = absoluteUrl(path, site.url);
  if (briefing) {
    return {
      title: `${briefing.title} – ${site.title}`,
      description: briefing.summary || site.description,
      canonical,
      type: "article",
      image: briefing.image ? { url: briefing.image.url, alt: briefing.image.alt } : cardImage(cards, site, briefing),
      published: briefing.date,
      modified: briefing.updated ?? briefing.date,
    };
  }
  const heading = listing
    ? listing.pageNumber > 1
      ? `${listing.heading}, page ${listing.pageNumber}`
      : listing.heading
    : title;
  return {
    title: heading ? `${heading} – ${site.title}` : site.title,
    description: listing?.description ?? description ?? site.description,
    canonical,
    type: "website",
    image: cardImage(cards, site),
    published: null,
    modified: null,
  };
}

/**
 * schema.org NewsArticle for a briefing, serialised for a <script> element: "<" is escaped
 * so that no title can close the element early.
 */
export function newsArticleJsonLd(briefing: Briefing, site: SiteSettings): string {
  const publisher = { "@type": "Organization", name: site.publisher.name, ...(site.publisher.url ? { url: site.publisher.url } : {}) };
  const data = {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    headline: briefing.title,
    description: briefing.summary,
    url: briefing.url,
    mainEntityOfPage: briefing.url,
    datePublished: briefing.date,
    dateModified: briefing.updated ?? briefing.date,
    inLanguage: site.language,
    wordCount: briefing.wordCount,
    keywords: briefing.tags.map((tag) => tag.name),
    author: (briefing.authors.length ? briefing.authors : [{ name: site.publisher.name }]).map((author) => ({
      "@type": briefing.authors.length ? "Person" : "Organization",
      name: author.name,
      ...(author.url ? { url: author.url } : {}),
    })),
    publisher,
    ...(briefing.image ? { image: [briefing.image.url] } : {}),
  };
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
