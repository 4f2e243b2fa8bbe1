"""Organization lexicon: central state bodies, State Council ministries and agencies (国务院组成部门, 直属机构),
academies, and international organizations, with their usual short names. Sourced from the State Council's
published organisation chart (2023 reform) and the UN system's Chinese names."""

from __future__ import annotations

STATE_BODIES: dict[str, tuple[str, ...]] = {
    "中国共产党": (), "中共中央": ("党中央",), "国务院": (), "中国人民政治协商会议": ("人民政协",),
    "全国社会保障基金理事会": ("全国社会保障基金",), "全国人大": ("全国人民代表大会",), "全国人大常委会": (),
    "全国政协": (), "中央军委": (), "中国人民解放军": ("解放军",), "中国人民武装警察部队": ("武警部队", "武警"),
    "中华全国工商业联合会": ("全国工商联", "工商联"), "中华全国总工会": ("全国总工会", "总工会"),
    "共青团": (), "全国妇联": ("妇联",), "中国科协": ("科协",),
    "外交部": (), "国防部": (), "国家发展和改革委员会": ("国家发展改革委", "国家发改委", "发改委"), "教育部": (),
    "科学技术部": ("科技部",), "工业和信息化部": ("工信部",), "国家民族事务委员会": ("国家民委",), "公安部": (),
    "民政部": (), "司法部": (), "财政部": (), "人力资源和社会保障部": ("人社部",), "自然资源部": (),
    "生态环境部": (), "住房和城乡建设部": ("住建部",), "交通运输部": (), "水利部": (), "农业农村部": (),
    "商务部": (), "文化和旅游部": ("文旅部",), "国家卫生健康委员会": ("国家卫健委", "卫健委"),
    "退役军人事务部": (), "应急管理部": (), "中国人民银行": ("人民银行", "央行"), "审计署": (),
    "国务院国有资产监督管理委员会": ("国务院国资委", "国资委"), "海关总署": (), "国家税务总局": (),
    "国家市场监督管理总局": ("市场监管总局",), "国家金融监督管理总局": ("金融监管总局",),
    "中国证券监督管理委员会": ("中国证监会", "证监会"), "国家统计局": (), "国家知识产权局": (),
    "国家医疗保障局": ("国家医保局",), "国家数据局": (), "国家能源局": (), "国家铁路局": (), "中国民用航空局": ("民航局",),
    "国家邮政局": (), "国家药品监督管理局": ("国家药监局",), "国家移民管理局": (), "国家林业和草原局": ("国家林草局",),
    "国家文物局": (), "中国科学院": ("中科院",), "中国工程院": (), "中国社会科学院": ("社科院",),
    "联合国": (), "世界银行": (), "国际货币基金组织": (), "世界贸易组织": ("世贸组织",), "世界卫生组织": ("世卫组织",),
    "亚洲基础设施投资银行": ("亚投行",), "新开发银行": (), "上海合作组织": ("上合组织",),
    "非盟": (), "二十国集团": (), "亚太经合组织": (), "国际奥委会": (), "联合国教科文组织": (), "国际劳工组织": (),
    "世界知识产权组织": (), "国际电信联盟": (), "世界经济论坛": (),
}


# People's organisations (人民团体) and local congresses and conferences, as reports name them bare
# (工会、共青团、妇联等群团组织; 人大、政协): each is the issuer's own, so the bare name stays the label.
MASS_ORGANIZATIONS: tuple[str, ...] = (
    "人大", "政协", "工会", "侨联", "台联", "文联", "作协", "社科联", "残联", "红十字会", "友协", "贸促会", "法学会",
)


def organization_names() -> dict[str, str]:
    """Every surface form → its canonical name."""
    names: dict[str, str] = {}
    for full, shorts in STATE_BODIES.items():
        names[full] = full
        for short in shorts:
            names.setdefault(short, full)
    for name in MASS_ORGANIZATIONS:
        names.setdefault(name, name)
    return names

# Centres that are facilities built (a freight-train hub, an intermodal hub, a training base, an exhibition
# centre): projects, not bodies (成都中欧班列集结中心, 长江经济带多式联运中心, 冬季运动训练中心).
FACILITY_CENTRES: tuple[str, ...] = ("集结中心", "联运中心", "训练中心", "会展中心")
