"""Words of the government-report genre that bound names: verbs and function words that precede or
follow a name but are never part of one. General to the genre, not taken from any one report."""

from __future__ import annotations

# Verbs and adverbs that open a clause before a name: 加快建设X, 推动X, 支持X, 举办X …
LEADING_VERBS = frozenset(
    """
    实施 推进 推动 加快 加速 建设 建成 新建 续建 开建 开工 完工 竣工 投产 达产 开通 通车 启动 落户 落地 增资 扩产
    引进 引育 招引 支持 打造 培育 做强 做优 做大 壮大 加强 强化 深化 优化 完善 健全 构建 推广 创建 建立
    组建 成立 设立 新设 举办 承办 主办 召开 开展 获评 入选 获批 融入 参与 依托 围绕 聚焦 发挥 用好 用足 落实 出台
    制定 修订 印发 编制 谋划 布局 改造 整治 保护 利用 办好 办成 抓好 抓实 做好 实现 完成 达到 突破 超过 增长 下降
    积极 大力 着力 全力 持续 全面 深入 不断 进一步 加快推进 扎实推进 稳步推进 统筹 吸引 带动 辐射 推出 上线 启用
    举行 迎来 成功 首次 新增 累计 全年 我们 要 将 把 让 使 向 从 由 在 与 和 及 以及 同 跟 为 以 按 于 等 的 了
    着 是 有 并 并且 又 也 还 都 其中 其 该 这 那 各 每 一系列 一大批 多个 若干 一些 有关 相关 形成 接入 纳入 入驻
    签署 签约 交付 推介 深耕 拓展 提高 增开 增设 接待 荣获 获得 勇夺 夺得 摘得 成为 提请 审议
    精心 依法 严厉 严格 大幅 适当 带头 切实 认真 坚决 有效 加大 加快推动 全面推进 大力推进 着力推进
    根据 按照 依据 通过 对照 关于 随着 被评为 评为 列为 被列为 争创 建强 做实 打响 全链条
    提质扩面 提质增效 提档升级 扩容提质 提级扩能 扩能提质 提速增效 做优做强 做大做强 做深做实 走深走实
    强链补链 延链补链 补链强链 延链强链 育链强链
    """.split()
)

# Words that end the name on the right (the name is before them): X等, X建设 …
TRAILING_STOPS = frozenset("等 建设 项目群 顺利 加快 开工 投产 达产 落户 落地".split())

PUNCTUATION = set("，。、；：？！“”‘’（）《》〈〉【】「」『』…—,.;:?!()[]{}<>\"' \u3000\n\t·")

# Attribute nouns that follow a name in a clause (法治天津水平, “证照联办”范围): a name ends before them.
ATTRIBUTE_NOUNS = ("水平", "范围", "能力", "成效", "效能", "效率", "功能", "作用", "规模", "比重", "覆盖面", "质效", "起势")
