/**
 * The title a document of a known genre carries by convention when it prints none. A government
 * work report (政府工作报告, at every level) is a speech to the people's congress: it opens by
 * addressing the deputies (`各位代表：`) and names no title in the text as delivered.
 */
export function inferGenreTitle(text: string): string | undefined {
  const head = text.slice(0, 400).replace(/[\s\u200b-\u200d\u2060\ufeff]/gu, '');
  if (/^各位代表[：:！!，,]/u.test(head)) return '政府工作报告';
  return undefined;
}
