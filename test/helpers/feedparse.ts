import FeedParser from "feedparser";
import { Readable } from "node:stream";

export interface ParsedFeed {
  meta: FeedParser.Meta;
  items: FeedParser.Item[];
}

/** Parses RSS or Atom with a real, forgiving-but-honest feed parser (errors reject). */
export function parseXmlFeed(xml: string): Promise<ParsedFeed> {
  return new Promise((resolve, reject) => {
    const parser = new FeedParser({ addmeta: false });
    const items: FeedParser.Item[] = [];
    let meta: FeedParser.Meta | undefined;
    parser.on("error", reject);
    parser.on("meta", (m: FeedParser.Meta) => (meta = m));
    parser.on("readable", () => {
      let item: FeedParser.Item | null;
      while ((item = parser.read() as FeedParser.Item | null)) items.push(item);
    });
    parser.on("end", () => (meta ? resolve({ meta, items }) : reject(new Error("no feed metadata"))));
    Readable.from([xml]).pipe(parser);
  });
}
