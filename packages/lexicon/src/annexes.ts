/** A line that opens an annex after the body: `附件`, `附件1`, `附件2：名词解释`. */
export const ANNEX_LABEL = /^(附\s*件\s*[0-9０-９一二三四五六七八九十]{0,3})\s*[:：]?\s*(.{0,60})$/u;

/** A line that opens a glossary or notes after the body (`名词解释`, `注释`). */
export const GLOSSARY_LABEL =
  /^(名词解释|名词注释|名词解析|名词术语解释|词语解释|术语解释|注释|注解|附注|附录\s*[0-9一二三四五六七八九十]{0,2})\s*[:：]?$/u;
