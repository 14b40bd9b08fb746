import robotsParser from 'robots-parser';

/** What robots.txt lets plandiff do on one origin. */
export interface RobotsRules {
  allows(url: string): boolean;
  /** Crawl-delay for plandiff (or `*`), in milliseconds. */
  crawlDelayMs?: number;
  /** Why fetching is refused, when the refusal is not an ordinary Disallow rule. */
  reason?: string;
}

/** A response as the robots cache needs it. */
export interface RobotsResponse {
  status: number;
  location?: string | undefined;
  bytes: Uint8Array;
}

/** The product token robots.txt groups are matched against. */
export const ROBOTS_AGENT = 'plandiff';
const MAX_CRAWL_DELAY_MS = 60_000;

/**
 * Fetches and caches robots.txt per origin (RFC 9309: 4xx allows all, 5xx allows none). A network
 * failure is thrown as it is (the page would fail the same way) and not cached.
 */
export class RobotsCache<S> {
  private readonly cache = new Map<string, Promise<RobotsRules>>();

  constructor(private readonly get: (url: URL, settings: S) => Promise<RobotsResponse>) {}

  /** The rules for `url`'s origin, fetched once per cache. */
  rulesFor(url: URL, settings: S): Promise<RobotsRules> {
    let rules = this.cache.get(url.origin);
    if (!rules) {
      rules = this.load(url.origin, settings);
      this.cache.set(url.origin, rules);
      rules.catch(() => this.cache.delete(url.origin));
    }
    return rules;
  }

  private async load(origin: string, settings: S): Promise<RobotsRules> {
    let target = new URL('/robots.txt', origin);
    for (let hop = 0; hop <= 5; hop++) {
      const response = await this.get(target, settings);
      if (response.location && response.status >= 300 && response.status < 400) {
        target = new URL(response.location, target);
        continue;
      }
      if (response.status >= 200 && response.status < 300) {
        const robots = robotsParser(target.href, new TextDecoder().decode(response.bytes));
        const delay = robots.getCrawlDelay(ROBOTS_AGENT);
        const rules: RobotsRules = {
          // robots-parser answers undefined for other origins; those are checked separately.
          allows: (u) => robots.isAllowed(u, ROBOTS_AGENT) !== false,
        };
        if (typeof delay === 'number' && delay > 0) rules.crawlDelayMs = Math.min(delay * 1000, MAX_CRAWL_DELAY_MS);
        return rules;
      }
      if (response.status >= 400 && response.status < 500) return { allows: () => true };
      return refuse(`robots.txt answered HTTP ${response.status}, so the site is treated as closed to robots`);
    }
    return refuse('robots.txt redirects too many times, so the site is treated as closed to robots');
  }
}

function refuse(reason: string): RobotsRules {
  return { allows: () => false, reason };
}
