"""Words of the government-report genre that bound names: verbs and function words that precede or
follow a name but are never part of one. General to the genre, not taken from any one report."""

from __future__ import annotations

# Verbs and adverbs that open a clause before a name: 加快建设X, 推动X, 支持X, 举办X …
LEADING_VERBS = frozenset(
    """
    实施 推进 推动 加快 加速 建设 建成 新建 续建 开建 开工 完工 竣工 投产 达产 开通 通车 运营 启动 落户 落地 增资 扩产
    引进 引育 招引 支持 打造 培育 做强 做优 做大 壮大 发展 提升 加强 强化 深化 扩大 优化 完善 健全 构建 推广 创建 建立
    组建 成立 设立 新设 举办 承办 主办 召开 开展 获评 入选 获批 融入 参与 服务 依托 围绕 聚焦 发挥 用好 用足 落实 出台
    制定 修订 印发 编制 谋划 布局 升级 改造 整治 保护 利用 办好 办成 抓好 抓实 做好 实现 完成 达到 突破 超过 增长 下降
    积极 大力 着力 全力 持续 全面 深入 不断 进一步 加快推进 扎实推进 稳步推进 高标准 高水平 高质量 系统 统筹 协同 联合
    共建 合作 对接 协作 携手 吸引 带动 辐射 促进 推出 上线 启用 开放 举行 迎来 成功 首次 首个 首届
    新增 累计 全年 全市 全省
    全区 全国 我们 要 将 把 让 使 对 向 从 由 在 与 和 及 以及 同 跟 为 以 按 于 等 的 了 着 是 有 并 并且 又 也 还 都
    其中 其 该 这 那 各 每 一批 一系列 一大批 多个 若干 一些 主要 重点 重大 重要 有关 相关 部分 新一批 一流 一个 一项
    """.split()
)

# Words that end the name on the right (the name is before them): X等, X建设 …
TRAILING_STOPS = frozenset("等 建设 项目群 顺利 加快 开工 投产 达产 落户 落地".split())

PUNCTUATION = set("，。、；：？！“”‘’（）《》〈〉【】「」『』…—,.;:?!()[]{}<>\"' \u3000\n\t·")
