import type { Plan } from '@plandiff/model';
import type { Normalizer } from '../src/index.ts';

/**
 * A tiny stand-in normalizer so store tests do not depend on @plandiff/normalize: the first line is
 * the title, the first 4-digit number the year, every further non-empty line a unit.
 */
export const fakeNormalizer: Normalizer = {
  parse({ bytes, sha256 }) {
    const text = new TextDecoder().decode(bytes);
    const lines = text
      .split(/\r?\n/)
      .map((l) => l.trim())
      .filter(Boolean);
    const year = /(\d{4})/.exec(text)?.[1];
    const plan: Plan = {
      title: lines[0] ?? '',
      ...(year ? { year: Number(year) } : {}),
      source: { sha256, encoding: 'utf-8' },
      preamble: '',
      units: lines.slice(1).map((line, i) => ({
        id: String(i + 1),
        depth: 1,
        number: `${i + 1}.`,
        ordinal: i + 1,
        heading: line,
        text: line,
        figures: [],
        children: [],
      })),
    };
    return { plan, diagnostics: [] };
  },
  render(plan) {
    return `# ${plan.title}\n\n${plan.units.map((u) => `- ${u.heading}`).join('\n')}\n`;
  },
};
