/**
 * Limits on what one briefing may be, so that a broken or hostile file fails fast with a
 * message instead of hanging the build. Set in content/_data/site.json ("limits"), or for one
 * build with the environment variables below.
 */
export interface InputLimits {
  /** Largest briefing file, in KB. */
  briefingKb: number;
  /** Largest YAML front matter, in KB. */
  frontMatterKb: number;
  /** How many YAML alias (*name) expansions one front matter may make; 0 refuses aliases. */
  yamlAliases: number;
}

export const DEFAULT_LIMITS: InputLimits = { briefingKb: 1024, frontMatterKb: 64, yamlAliases: 100 };

export const LIMIT_ENV: Record<keyof InputLimits, string> = {
  briefingKb: "DISPATCH_MAX_BRIEFING_KB",
  frontMatterKb: "DISPATCH_MAX_FRONT_MATTER_KB",
  yamlAliases: "DISPATCH_MAX_YAML_ALIASES",
};

/** The end of every limit message: how to raise it. */
export function howToRaise(limit: keyof InputLimits): string {
  return `raise "limits": { "${limit}": … } in content/_data/site.json, or set ${LIMIT_ENV[limit]}=… for one build`;
}
