"""Countries and regions of the world in Chinese, as reports name them when they speak of trade and opening up.

Sources (general knowledge, not any report): the 193 member states of the United Nations under their usual
Chinese short names (as on the 外交部 country pages, 国家和组织), a few common alternative short forms (沙特,
阿联酋, 印尼); the continents and world regions of ordinary geography; regional groupings reports treat as
places (东盟, 欧盟); and the capitals and largest cities of the G20 members. Names that are mostly everyday
words or that read as something else inside Chinese text (中非 is mostly 中国–非洲, 蒙古 the people) are
written in a longer, unambiguous form or left out.
"""

from __future__ import annotations

COUNTRIES: tuple[str, ...] = tuple(
    """
    中国
    日本 韩国 朝鲜 蒙古国 越南 老挝 柬埔寨 泰国 缅甸 马来西亚 新加坡 印度尼西亚 印尼 菲律宾 文莱 东帝汶
    印度 巴基斯坦 孟加拉国 尼泊尔 不丹 斯里兰卡 马尔代夫 阿富汗 伊朗 伊拉克 叙利亚 约旦 黎巴嫩 以色列 巴勒斯坦
    沙特阿拉伯 沙特 阿拉伯联合酋长国 阿联酋 卡塔尔 巴林 科威特 阿曼 也门 土耳其 格鲁吉亚 亚美尼亚 阿塞拜疆
    哈萨克斯坦 乌兹别克斯坦 吉尔吉斯斯坦 塔吉克斯坦 土库曼斯坦
    俄罗斯 白俄罗斯 乌克兰 摩尔多瓦 英国 法国 德国 意大利 西班牙 葡萄牙 荷兰 比利时 卢森堡 瑞士 奥地利 爱尔兰
    冰岛 丹麦 挪威 瑞典 芬兰 波兰 捷克 斯洛伐克 匈牙利 罗马尼亚 保加利亚 塞尔维亚 克罗地亚 斯洛文尼亚
    波斯尼亚和黑塞哥维那 波黑 北马其顿 阿尔巴尼亚 希腊 塞浦路斯 马耳他 爱沙尼亚 拉脱维亚 立陶宛 安道尔
    摩纳哥 列支敦士登 圣马力诺
    埃及 利比亚 突尼斯 阿尔及利亚 摩洛哥 苏丹 南苏丹 埃塞俄比亚 厄立特里亚 吉布提 索马里 肯尼亚 乌干达 坦桑尼亚
    卢旺达 布隆迪 刚果民主共和国 刚果共和国 加蓬 赤道几内亚 喀麦隆 中非共和国 乍得 尼日尔 尼日利亚 贝宁 多哥
    加纳 科特迪瓦 布基纳法索 马里 塞内加尔 冈比亚 几内亚 几内亚比绍 塞拉利昂 利比里亚 毛里塔尼亚 佛得角
    圣多美和普林西比 安哥拉 赞比亚 津巴布韦 马拉维 莫桑比克 纳米比亚 博茨瓦纳 南非 莱索托 埃斯瓦蒂尼 马达加斯加
    毛里求斯 科摩罗 塞舌尔
    美国 加拿大 墨西哥 危地马拉 伯利兹 萨尔瓦多 洪都拉斯 尼加拉瓜 哥斯达黎加 巴拿马 古巴 牙买加 海地 多米尼加
    多米尼克 巴哈马 巴巴多斯 特立尼达和多巴哥 格林纳达 圣卢西亚 圣文森特和格林纳丁斯 安提瓜和巴布达
    圣基茨和尼维斯 哥伦比亚 委内瑞拉 圭亚那 苏里南 厄瓜多尔 秘鲁 巴西 玻利维亚 巴拉圭 乌拉圭 阿根廷 智利
    澳大利亚 新西兰 巴布亚新几内亚 斐济 所罗门群岛 瓦努阿图 萨摩亚 汤加 基里巴斯 图瓦卢 瑙鲁 马绍尔群岛
    密克罗尼西亚联邦 帕劳
    """.split()
)

# Continents, world regions and regional groupings named as places.
WORLD_REGIONS: tuple[str, ...] = tuple(
    """
    亚洲 欧洲 非洲 北美洲 南美洲 拉丁美洲 大洋洲 南极洲 北美 南美 拉美 拉美和加勒比 加勒比 中东 中东欧 中亚 西亚 南亚
    东亚 东南亚 东北亚 北非 西非 东非 南部非洲 西欧 东欧 北欧 南欧 亚太 亚太地区 欧亚 亚欧 太平洋岛国 阿拉伯国家
    海湾国家 东盟 欧盟 北极 南极
    """.split()
)

# Capitals and largest cities of the G20 members and other world financial centres.
WORLD_CITIES: tuple[str, ...] = tuple(
    """
    东京 大阪 首尔 釜山 新德里 孟买 雅加达 利雅得 安卡拉 伊斯坦布尔 莫斯科 圣彼得堡 伦敦 巴黎 柏林 法兰克福 汉堡
    慕尼黑 罗马 米兰 布鲁塞尔 华盛顿 纽约 洛杉矶 旧金山 芝加哥 渥太华 多伦多 温哥华 墨西哥城 巴西利亚 圣保罗
    里约热内卢 布宜诺斯艾利斯 堪培拉 悉尼 墨尔本 比勒陀利亚 约翰内斯堡 开罗 迪拜 阿布扎比 多哈 日内瓦 苏黎世
    阿斯塔纳 阿拉木图 塔什干 曼谷 河内 胡志明市 吉隆坡 马尼拉 金边 万象 仰光 海参崴 符拉迪沃斯托克 哈巴罗夫斯克
    """.split()
)


def world_names() -> tuple[str, ...]:
    """Every country, world region and world city name, without duplicates."""
    return tuple(dict.fromkeys((*COUNTRIES, *WORLD_REGIONS, *WORLD_CITIES)))
