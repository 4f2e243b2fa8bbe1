"""Policy lexicon: national strategies, campaigns and programmes that reports name without a cue word,
and figurative words that reports put in quotes but that name no policy. General to the genre; sourced
from the State Council's government work reports and central documents (names as they are commonly used)."""

from __future__ import annotations

import re

NATIONAL_POLICIES: tuple[str, ...] = (
    "以旧换新", "超长期特别国债", "地方政府专项债券", "专项债", "城市更新", "乡村振兴", "一带一路",
    "共同富裕", "放管服", "放管服改革", "河长制", "林长制", "田长制", "低效用地再开发", "民心工程", "双碳",
    "碳达峰碳中和", "碳达峰", "碳中和", "新型城镇化", "京津冀协同发展", "长江经济带发展", "长三角一体化发展",
    "黄河流域生态保护和高质量发展", "粤港澳大湾区建设", "成渝地区双城经济圈建设", "西部大开发", "东北全面振兴",
    "中部地区崛起", "创新驱动发展战略", "人才强国战略", "科教兴国战略", "乡村振兴战略", "制造强国", "质量强国",
    "交通强国", "网络强国", "数字中国", "健康中国", "美丽中国", "平安中国", "法治中国", "一网通办", "一网统管",
    "最多跑一次", "证照分离", "减税降费", "以工代赈", "东数西算", "千万工程", "厕所革命", "四好农村路",
    "菜篮子工程", "人工智能+", "数据要素×", "一揽子化债方案",
    "国企改革深化提升行动", "高效办成一件事", "双随机、一公开", "证照联办",
    "跨省通办", "首台套", "首批次", "首版次", "链长制", "两新", "两重", "新质生产力",
)

# Figurative words reports quote that are not policies: 护城河, 组合拳, 一站式 …
NOT_POLICIES: frozenset[str] = frozenset(
    """
    护城河 组合拳 一站式 小巨人 领头雁 排头兵 压舱石 主力军 桥头堡 试验田 加速器 稳定器 指挥棒 风向标 金名片
    生命线 新引擎 一张网 一盘棋 一张图 硬骨头 牛鼻子 最后一公里 卡脖子 领跑者 独角兽 瞪羚 单项冠军 隐形冠军
    娘家人 店小二 金钥匙 助推器 顶梁柱 晴雨表 第一动力 第一资源 第一生产力 最大增量 关键变量 国之大者
    """.split()
)

# Prefixes of the 法治天津 / 平安中国 / 美丽江苏 kind: prefix + an area name is a campaign.
CAMPAIGN_PREFIXES: tuple[str, ...] = ("法治", "平安", "美丽", "健康", "数字", "智慧", "人文", "幸福", "文明", "书香",
                                       "无废", "生态", "诚信", "清廉", "活力")

# Words that say what kind of policy, not which one: 重大政策, 试点政策, 落实政策, 国家规划 name none.
GENERIC_POLICY_WORDS: frozenset[str] = frozenset(
    """
    重大 重点 试点 落实 升级版 升级 支持 系列 宏观调控 国家 地方性 地方 中央 相关 各项 一系列 配套 优惠 扶持 惠企 帮扶
    专项 有关 具体 改革 涉农区 领域 重点领域 深层次 关键环节 环节 机制 体制 制度 系统集成 牵引性 系统性 社会民生 民生
    长效 工作 协调 联动 保障 管理 运行 常态化 体制机制 激励 约束 考核 评价 监督 监管 治理 服务 决策 基本 基础 现代 各项
    相应 有效 完善 健全 创新 市场化 法治化 标准化 规范化 一体化 协同 合作 沟通 联络 对接 响应 应急 预警 分配 投入 筹资
    高效 精准 把握 调整 利民 区 市 省 县 市企 各类 各级 这些 一批 新 好 大 主要 产业 发展 稳增长 增量 存量 系列化
    全面 深化 进一步 政策 规划 行动 计划 方案 办法 战略 法规 工作 任务 措施 目标 城市 城乡 区域 空间 专业 行业
    法律 行政 现行 攻坚 三年 五年 年度 年 纲要 体系 提升 贷款 贴息 退税 推进 推动 实际 具体行动 实际行动
    """.split()
)

# The roles a city or region sets out to play (国际金融中心, 国际航运中心, 区域科技创新中心, 国际消费中心城市): goals of
# policy, not institutions, though they end in 中心.
ROLE_CENTRE = re.compile(r"(?:国际|区域|全球|全国)[\u4e00-\u9fff]{0,4}?(?:经济|金融|贸易|航运|科技创新|创新|消费|物流|交往|文化|"
                         r"商贸|商务|数据|算力|航空|会展|旅游)中心$")

# Domains that, with only generic words, name a kind of policy before 政策 (财政金融政策, 房地产政策), though they
# name reforms (财税体制改革, 价格改革).
POLICY_DOMAINS: frozenset[str] = frozenset(
    "财政 金融 财税 货币 消费 服务 房地产 土地 人才 就业 价格 投资 外贸 外资 服务消费 住房".split()
)
