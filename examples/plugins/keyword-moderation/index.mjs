/**
 * keyword-moderation: flags text containing any keyword (case-insensitive substring) or
 * matching any /regex/flags line of the `keywords` setting. Runs in the plugin sandbox:
 * a catastrophic regex only costs this plugin's call its time limit.
 */
const DEFAULT_RESPONSE = 'Your message was blocked.';
const REGEX_LINE = /^\/(.+)\/([imsu]*)$/;

/** Compiled blocklists by settings text: a workspace's config rarely changes between calls. */
const compiled = new Map();

function blocklist(keywords) {
  const source = typeof keywords === 'string' ? keywords : '';
  let rules = compiled.get(source);
  if (rules) return rules;
  rules = source
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line, index) => {
      const match = REGEX_LINE.exec(line);
      if (!match) return { label: line, test: (text) => text.toLowerCase().includes(line.toLowerCase()) };
      let pattern;
      try {
        pattern = new RegExp(match[1], match[2]);
      } catch {
        throw new Error(`keywords line ${index + 1} is not a valid regular expression`);
      }
      return { label: line, test: (text) => pattern.test(text) };
    });
  if (compiled.size > 100) compiled.clear();
  compiled.set(source, rules);
  return rules;
}

/** The first rule any of the texts breaks, or undefined. */
function firstHit(config, texts) {
  const rules = blocklist(config.keywords);
  for (const text of texts) {
    const hit = rules.find((rule) => rule.test(text));
    if (hit) return hit;
  }
  return undefined;
}

function verdict(config, hit, ctx) {
  if (!hit) return { flagged: false, action: 'direct_output' };
  ctx.log('info', `blocked by rule ${hit.label}`);
  const preset = typeof config.preset_response === 'string' && config.preset_response.trim() !== '' ? config.preset_response : DEFAULT_RESPONSE;
  return { flagged: true, action: 'direct_output', preset_response: preset };
}

export async function moderateInput({ inputs, query }, ctx) {
  const texts = [query, ...Object.values(inputs ?? {})].filter((value) => typeof value === 'string');
  return verdict(ctx.config, firstHit(ctx.config, texts), ctx);
}

export async function moderateOutput({ text }, ctx) {
  return verdict(ctx.config, firstHit(ctx.config, [text ?? '']), ctx);
}
