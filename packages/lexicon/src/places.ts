/** The provincial-level divisions: full name and the short name they are printed by. */
export const PROVINCES: ReadonlyArray<readonly [full: string, short: string]> = [
  ['北京市', '北京'],
  ['天津市', '天津'],
  ['上海市', '上海'],
  ['重庆市', '重庆'],
  ['河北省', '河北'],
  ['山西省', '山西'],
  ['辽宁省', '辽宁'],
  ['吉林省', '吉林'],
  ['黑龙江省', '黑龙江'],
  ['江苏省', '江苏'],
  ['浙江省', '浙江'],
  ['安徽省', '安徽'],
  ['福建省', '福建'],
  ['江西省', '江西'],
  ['山东省', '山东'],
  ['河南省', '河南'],
  ['湖北省', '湖北'],
  ['湖南省', '湖南'],
  ['广东省', '广东'],
  ['海南省', '海南'],
  ['四川省', '四川'],
  ['贵州省', '贵州'],
  ['云南省', '云南'],
  ['陕西省', '陕西'],
  ['甘肃省', '甘肃'],
  ['青海省', '青海'],
  ['台湾省', '台湾'],
  ['内蒙古自治区', '内蒙古'],
  ['广西壮族自治区', '广西'],
  ['西藏自治区', '西藏'],
  ['宁夏回族自治区', '宁夏'],
  ['新疆维吾尔自治区', '新疆'],
  ['香港特别行政区', '香港'],
  ['澳门特别行政区', '澳门'],
  ['新疆生产建设兵团', '兵团'],
];

/**
 * Suffixes of place names, longest first: an autonomous prefecture's `…族自治州` before `州`, so a
 * name is never cut inside its suffix (`内蒙古自治区`, not `古自治`).
 */
export const PLACE_SUFFIXES = [
  '特别行政区',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '地区',
  '新区',
  '林区',
  '特区',
  '省',
  '市',
  '县',
  '区',
  '州',
  '盟',
  '旗',
] as const;

/** A place name with its suffix: a stem, optionally `…族` words, then a suffix (`延边朝鲜族自治州`, `泸州市`). */
export const PLACE_NAME = new RegExp(`[\\u4e00-\\u9fff]{2,10}?(?:${PLACE_SUFFIXES.join('|')})`, 'u');

/** Stems that precede 市/省/县/区 without being place names (`自治区`, `全市`, `开发区`, `市场`). */
export const NOT_PLACE_STEMS = new Set(
  '自治 直辖 行政 城市 地级 县级 省级 市级 区级 城区 市区 社区 园区 新区 开发 经济 示范 试验 保护 风景 贫困 民族 边境 沿海 各省 全省 全市 全县 全区 本市 本省 本县 本区 我市 我省 我县 我区 该市 两市 大中 中小 特别 各地 地区 山区 牧区 灾区 景区 片区 城乡 省会 各区 各市 各县 全国 国内 解放 主产 多快好 少数民族 革命老 老 连片特困 欠发达 重点 产粮 粮食主产 产业 功能 商业 工业 住宅 生活 核心 中心 城镇 市辖'.split(
    ' ',
  ),
);

/** Words that say a document is national: it names no region. */
export const NATIONAL_MARKERS = /全国人民代表大会|全国代表大会|国务院|中共中央|党中央|中央人民政府|中华人民共和国/u;

/** Scope words a local document uses for its own area (`全省`, `我市`), by suffix. */
export const SCOPE_WORDS = /(?:全|我|本)(省|市|县|区|州|盟|旗)/gu;
