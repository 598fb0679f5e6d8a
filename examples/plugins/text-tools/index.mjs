/**
 * text-tools: one function per tool of plugboard.json. Tools either return a message (or
 * an array of them) or are async generators streaming messages as they are produced.
 */
const MAX_TITLE_LENGTH = 300;

function words(text) {
  return text.split(/\s+/u).filter((word) => word !== '');
}

function decodeEntities(text) {
  const named = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, code) => {
    if (code[0] !== '#') return named[code.toLowerCase()] ?? whole;
    const point = code[1].toLowerCase() === 'x' ? parseInt(code.slice(2), 16) : parseInt(code.slice(1), 10);
    return Number.isFinite(point) && point <= 0x10ffff ? String.fromCodePoint(point) : whole;
  });
}

export const tools = {
  async word_count({ text }) {
    return {
      type: 'JSON',
      json: { words: words(text).length, characters: [...text].length, lines: text === '' ? 0 : text.split(/\r?\n/).length },
    };
  },

  async slugify({ text, separator = '-' }) {
    const slug = text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, separator)
      .replace(new RegExp(`^\\${separator}+|\\${separator}+$`, 'g'), '');
    return { type: 'TEXT', text: slug };
  },

  async *split_sentences({ text }, ctx) {
    const sentences = text.match(/[^.!?]+[.!?]*/g) ?? [];
    for (const sentence of sentences) {
      if (ctx.signal.aborted) return;
      const trimmed = sentence.trim();
      if (trimmed !== '') yield { type: 'TEXT', text: trimmed };
    }
  },

  async *fetch_title({ url }, ctx) {
    // ctx.fetch only reaches the hosts in permissions.hosts; others fail DESTINATION_BLOCKED.
    const response = await ctx.fetch(url, { headers: { accept: 'text/html' } });
    if (!response.ok) throw new Error(`${url} answered HTTP ${response.status}`);
    const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(await response.text());
    const title = match ? decodeEntities(match[1]).replace(/\s+/g, ' ').trim().slice(0, MAX_TITLE_LENGTH) : '';
    yield { type: 'LINK', url: response.url, title: title || undefined };
    yield { type: 'TEXT', text: title || '(no title)' };
  },
};
