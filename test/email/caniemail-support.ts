import { caniemail, rawData } from "caniemail";

/**
 * caniemail's own check takes a client's "latest" version by text sort, so Outlook for Mac's
 * "2016" beats "16.80" and "16.9" beats "16.80". Its version keys mix three schemes that cannot
 * be ordered against each other: product years ("2016"), build numbers ("16.80") and test dates
 * ("2024-05"). So, before any check, each client's support table is reduced to one entry: the
 * newest entry of each scheme, compared numerically, and of those the least supported.
 */
type ClientStats = Record<string, Record<string, string>>;

function scheme(version: string): string {
  if (/^\d{4}-\d{2}$/.test(version)) return "date";
  if (/^(19|20)\d{2}$/.test(version)) return "year";
  return "build";
}

export function compareVersions(a: string, b: string): number {
  const left = a.split(/[.-]/).map(Number);
  const right = b.split(/[.-]/).map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index += 1) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference;
  }
  return 0;
}

const RANK = { n: 0, a: 1, y: 2 } as const;

function rank(support: string): number {
  return RANK[support.trim().charAt(0) as keyof typeof RANK] ?? 1;
}

/** The support caniemail should read for one client: see above. */
export function newestSupport(byVersion: Record<string, string>): string {
  const newest = new Map<string, string>();
  for (const version of Object.keys(byVersion)) {
    const current = newest.get(scheme(version));
    if (current === undefined || compareVersions(version, current) > 0) newest.set(scheme(version), version);
  }
  const values = [...newest.values()].map((version) => byVersion[version]!);
  return values.reduce((worst, value) => (rank(value) < rank(worst) ? value : worst));
}

let normalised = false;

/** Rewrites the package's data in place (its check reads it on every call); once per process. */
function normaliseData(): void {
  if (normalised) return;
  normalised = true;
  for (const feature of rawData.data) {
    for (const clients of Object.values(feature.stats) as ClientStats[]) {
      for (const [client, byVersion] of Object.entries(clients)) {
        clients[client] = { newest: newestSupport(byVersion) };
      }
    }
  }
}

export const CLIENTS: Parameters<typeof caniemail>[0]["clients"] = ["gmail.*", "outlook.*", "apple-mail.*"];

/** Features these clients do not support at all, each with the clients that drop it. */
export function unsupportedFeatures(html: string): Map<string, string[]> {
  normaliseData();
  const result = caniemail({ clients: CLIENTS, html });
  const features = new Map<string, string[]>();
  for (const [client, issues] of result.issues.errors) {
    for (const issue of issues) {
      const clients = features.get(issue.title) ?? [];
      if (!clients.includes(client)) clients.push(client);
      features.set(issue.title, clients);
    }
  }
  return features;
}
