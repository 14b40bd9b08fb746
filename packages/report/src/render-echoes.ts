import type { Echo, EchoesResult, TaskEchoes } from '@plandiff/index';
import type { WordPart } from '@plandiff/model';
import { escapeHtml, escapeMarkdown } from './escape.ts';
import { paint } from './paint.ts';

/** The plan the echoes are of, and where they were looked for. */
export interface EchoesLabel {
  ref: string;
  title: string;
  target: string;
}

/** Longest insert/delete run shown whole in text and Markdown; longer ones keep their ends. */
const RUN = 24;

/** Shortens long one-sided runs of a wording diff, so the shared wording stands out. */
export function condenseWording(parts: readonly WordPart[]): WordPart[] {
  return parts.map((p) => {
    const chars = [...p.text];
    if (p.op === 'equal' || chars.length <= RUN) return p;
    return { op: p.op, text: `${chars.slice(0, 8).join('')}…${chars.slice(-8).join('')}` };
  });
}

const where = (e: Echo) => `${e.series}@${e.edition} ${e.unitId}${e.number.trim() ? ` ${e.number.trim()}` : ''}`;
const taskName = (t: TaskEchoes) => `${t.unitId}${t.number.trim() ? ` ${t.number.trim()}` : ''} ${t.heading}`.trim();
const echoed = (r: EchoesResult) => r.tasks.filter((t) => t.echoes.length > 0);

function summary(result: EchoesResult, label: EchoesLabel): string {
  const n = echoed(result).length;
  return `${n} of ${result.tasks.length} tasks of ${label.ref} echo ${label.target}`;
}

/** Plain text: each echoed task, then its echoes with similarity and the condensed wording diff. */
export function renderEchoesText(result: EchoesResult, label: EchoesLabel, color: boolean): string {
  const lines = [summary(result, label)];
  for (const task of echoed(result)) {
    lines.push('', paint('bold', taskName(task), color));
    for (const e of task.echoes) {
      lines.push(`  ${e.similarity.toFixed(2)}  ${where(e)}  ${e.heading}`);
      const wording = condenseWording(e.wording)
        .map((p) =>
          p.op === 'equal'
            ? p.text
            : color
              ? paint(p.op === 'insert' ? 'green' : 'red', p.text, true)
              : `[${p.op === 'insert' ? '+' : '-'}${p.text}]`,
        )
        .join('');
      if (wording) lines.push(`        ${wording}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** Markdown: one table row per echo; shared wording plain, the task's own ~~struck~~, the echo's in bold. */
export function renderEchoesMarkdown(result: EchoesResult, label: EchoesLabel): string {
  const lines = [
    `# Echoes of ${escapeMarkdown(label.title)} (${label.ref})`,
    '',
    `${escapeMarkdown(summary(result, label))}.`,
    '',
  ];
  lines.push('| Task | Echo | Similarity | Wording |', '|---|---|---|---|');
  for (const task of echoed(result)) {
    for (const e of task.echoes) {
      const wording = condenseWording(e.wording)
        .map((p) =>
          p.op === 'equal'
            ? escapeMarkdown(p.text)
            : p.op === 'insert'
              ? `**${escapeMarkdown(p.text)}**`
              : `~~${escapeMarkdown(p.text)}~~`,
        )
        .join('');
      lines.push(
        `| ${escapeMarkdown(taskName(task))} | ${escapeMarkdown(`${where(e)} ${e.heading}`)} | ${e.similarity.toFixed(2)} | ${wording} |`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}

/** A self-contained HTML page: per task, its echoes with the full wording diff (<del>/<ins>). */
export function renderEchoesHtml(result: EchoesResult, label: EchoesLabel): string {
  const rows = echoed(result)
    .map((task) => {
      const echoes = task.echoes
        .map((e) => {
          const wording = e.wording
            .map((p) =>
              p.op === 'equal'
                ? escapeHtml(p.text)
                : p.op === 'insert'
                  ? `<ins>${escapeHtml(p.text)}</ins>`
                  : `<del>${escapeHtml(p.text)}</del>`,
            )
            .join('');
          return `<li><span class="sim">${e.similarity.toFixed(2)}</span> <b>${escapeHtml(where(e))}</b> ${escapeHtml(e.heading)}<p class="wording">${wording}</p></li>`;
        })
        .join('\n');
      return `<section><h2>${escapeHtml(taskName(task))}</h2><ol>${echoes}</ol></section>`;
    })
    .join('\n');
  return `<!DOCTYPE html>
<html lang="zh"><head><meta charset="utf-8"><title>${escapeHtml(`Echoes of ${label.ref} in ${label.target}`)}</title>
<style>body{font:16px/1.6 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}h2{font-size:1.1rem;margin-top:2rem}
.sim{font-variant-numeric:tabular-nums;background:#eef;padding:0 .3em;border-radius:3px}del{background:#fdd;color:#700}ins{background:#dfd;color:#060;text-decoration:none}
.wording{margin:.3rem 0 1rem;color:#333}</style></head>
<body><h1>${escapeHtml(label.title)}</h1><p>${escapeHtml(summary(result, label))}. Similarity is the diff engine's (0–1); in the wording, <del>struck</del> text is the task's own, <ins>green</ins> text the echo's.</p>
${rows}
</body></html>
`;
}
