"""The controlled vocabularies' starting lists (Law 06/2022/QH15, Kon Tum's ethnic groups, fields).

Seeded by a data migration (so they exist without the demo) and editable in the admin.
"""

LAW = "Luật Thi đua, khen thưởng 2022"
# The articles (Law 06/2022/QH15, Công báo 571+572 of 15 July 2022): 19-20 list the emulation
# titles for individuals, for collectives and for households; 33.1 orders go to collectives and
# (posthumously too) to individuals; 54.1 medals to serving soldiers and police, and foreigners
# (55, 56, 57 each medal); 59.1 State honorary titles to individuals and collectives (60: a
# province or city). Where no article was verified (prizes, commemorative medals, certificates
# of merit and of commendation) the law itself is cited.
EMULATION_TITLES = f"Điều 19, 20, {LAW}"
ORDERS = f"Điều 33, {LAW}"
MEDALS = f"Điều 54, {LAW}"
HONORARY_TITLES = f"Điều 59, {LAW}"
THE_LAW = LAW

INDIVIDUAL = ["individual"]
COLLECTIVE = ["collective"]  # a commune or ward is recorded as a collective
HOUSEHOLD = ["household"]
VILLAGE = ["village"]
PEOPLE_AND_UNITS = ["individual", "collective"]
ALL_KINDS = ["individual", "collective", "household", "village"]

# (name, category, the kinds of exemplar it may go to, the law that says so)
AWARD_TYPES = [
    ("Chiến sĩ thi đua toàn quốc", "emulation_title", INDIVIDUAL, EMULATION_TITLES),
    ("Chiến sĩ thi đua bộ, ban, ngành, tỉnh", "emulation_title", INDIVIDUAL, EMULATION_TITLES),
    ("Chiến sĩ thi đua cơ sở", "emulation_title", INDIVIDUAL, EMULATION_TITLES),
    ("Lao động tiên tiến", "emulation_title", INDIVIDUAL, EMULATION_TITLES),
    ("Chiến sĩ tiên tiến", "emulation_title", INDIVIDUAL, EMULATION_TITLES),
    ("Cờ thi đua của Chính phủ", "emulation_title", COLLECTIVE, EMULATION_TITLES),
    ("Cờ thi đua của bộ, ban, ngành, tỉnh", "emulation_title", COLLECTIVE, EMULATION_TITLES),
    ("Tập thể lao động xuất sắc", "emulation_title", COLLECTIVE, EMULATION_TITLES),
    ("Đơn vị quyết thắng", "emulation_title", COLLECTIVE, EMULATION_TITLES),
    ("Tập thể lao động tiên tiến", "emulation_title", COLLECTIVE, EMULATION_TITLES),
    ("Đơn vị tiên tiến", "emulation_title", COLLECTIVE, EMULATION_TITLES),
    ("Xã, phường, thị trấn tiêu biểu", "emulation_title", COLLECTIVE, EMULATION_TITLES),
    ("Thôn, tổ dân phố văn hóa", "emulation_title", VILLAGE, EMULATION_TITLES),
    ("Gia đình văn hóa", "emulation_title", HOUSEHOLD, EMULATION_TITLES),
    ("Huân chương Sao vàng", "order", PEOPLE_AND_UNITS, ORDERS),
    ("Huân chương Hồ Chí Minh", "order", PEOPLE_AND_UNITS, ORDERS),
    ("Huân chương Độc lập hạng Nhất", "order", PEOPLE_AND_UNITS, ORDERS),
    ("Huân chương Độc lập hạng Nhì", "order", PEOPLE_AND_UNITS, ORDERS),
    ("Huân chương Độc lập hạng Ba", "order", PEOPLE_AND_UNITS, ORDERS),
    ("Huân chương Quân công hạng Nhất", "order", PEOPLE_AND_UNITS, ORDERS),
    ("Huân chương Quân công hạng Nhì", "order", PEOPLE_AND_UNITS, ORDERS),
    ("Huân chương Quân công hạng Ba", "order", PEOPLE_AND_UNITS, ORDERS),
    ("Huân chương Lao động hạng Nhất", "order", PEOPLE_AND_UNITS, ORDERS),
    ("Huân chương Lao động hạng Nhì", "order", PEOPLE_AND_UNITS, ORDERS),
    ("Huân chương Lao động hạng Ba", "order", PEOPLE_AND_UNITS, ORDERS),
    ("Huân chương Bảo vệ Tổ quốc hạng Nhất", "order", PEOPLE_AND_UNITS, ORDERS),
    ("Huân chương Bảo vệ Tổ quốc hạng Nhì", "order", PEOPLE_AND_UNITS, ORDERS),
    ("Huân chương Bảo vệ Tổ quốc hạng Ba", "order", PEOPLE_AND_UNITS, ORDERS),
    ("Huân chương Chiến công hạng Nhất", "order", PEOPLE_AND_UNITS, ORDERS),
    ("Huân chương Chiến công hạng Nhì", "order", PEOPLE_AND_UNITS, ORDERS),
    ("Huân chương Chiến công hạng Ba", "order", PEOPLE_AND_UNITS, ORDERS),
    ("Huân chương Đại đoàn kết dân tộc", "order", PEOPLE_AND_UNITS, ORDERS),
    ("Huân chương Dũng cảm", "order", INDIVIDUAL, ORDERS),
    ("Huân chương Hữu nghị", "order", PEOPLE_AND_UNITS, ORDERS),
    ("Huy chương Quân kỳ quyết thắng", "medal", INDIVIDUAL, f"Điều 55, {LAW}"),
    ("Huy chương Vì an ninh Tổ quốc", "medal", INDIVIDUAL, f"Điều 56, {LAW}"),
    ("Huy chương Chiến sĩ vẻ vang hạng Nhất", "medal", INDIVIDUAL, f"Điều 57, {LAW}"),
    ("Huy chương Chiến sĩ vẻ vang hạng Nhì", "medal", INDIVIDUAL, f"Điều 57, {LAW}"),
    ("Huy chương Chiến sĩ vẻ vang hạng Ba", "medal", INDIVIDUAL, f"Điều 57, {LAW}"),
    ("Huy chương Hữu nghị", "medal", INDIVIDUAL, MEDALS),
    ("Bà mẹ Việt Nam anh hùng", "honorary_title", INDIVIDUAL, HONORARY_TITLES),
    ("Anh hùng Lực lượng vũ trang nhân dân", "honorary_title", PEOPLE_AND_UNITS, HONORARY_TITLES),
    ("Anh hùng Lao động", "honorary_title", PEOPLE_AND_UNITS, HONORARY_TITLES),
    ("Nhà giáo nhân dân", "honorary_title", INDIVIDUAL, HONORARY_TITLES),
    ("Nhà giáo ưu tú", "honorary_title", INDIVIDUAL, HONORARY_TITLES),
    ("Thầy thuốc nhân dân", "honorary_title", INDIVIDUAL, HONORARY_TITLES),
    ("Thầy thuốc ưu tú", "honorary_title", INDIVIDUAL, HONORARY_TITLES),
    ("Nghệ sĩ nhân dân", "honorary_title", INDIVIDUAL, HONORARY_TITLES),
    ("Nghệ sĩ ưu tú", "honorary_title", INDIVIDUAL, HONORARY_TITLES),
    ("Nghệ nhân nhân dân", "honorary_title", INDIVIDUAL, HONORARY_TITLES),
    ("Nghệ nhân ưu tú", "honorary_title", INDIVIDUAL, HONORARY_TITLES),
    ("Tỉnh, Thành phố Anh hùng", "honorary_title", COLLECTIVE, f"Điều 60, {LAW}"),
    ("Giải thưởng Hồ Chí Minh", "prize", PEOPLE_AND_UNITS, THE_LAW),
    ("Giải thưởng Nhà nước", "prize", PEOPLE_AND_UNITS, THE_LAW),
    ("Kỷ niệm chương", "commemorative", INDIVIDUAL, THE_LAW),
    ("Bằng khen của Thủ tướng Chính phủ", "merit", ALL_KINDS, THE_LAW),
    ("Bằng khen của bộ, ban, ngành, tỉnh", "merit", ALL_KINDS, THE_LAW),
    ("Giấy khen", "commendation", ALL_KINDS, THE_LAW),
]

ETHNIC_GROUPS = [
    ("Xơ Đăng", "Xơ-đăng"),
    ("Ba Na", "Ba-na"),
    ("Gia Rai", "Gia-rai"),
    ("Giẻ Triêng", "Giẻ-Triêng"),
    ("Brâu", "Brâu"),
    ("Rơ Măm", "Rơ-măm"),
    ("Kinh", "Kinh"),
    ("Mường", "Mường"),
    ("Thái", "Thái"),
    ("Tày", "Tày"),
    ("Nùng", "Nùng"),
]

SECTORS = [
    "Kinh tế",
    "Quốc phòng – an ninh",
    "Văn hóa – xã hội",
    "Giáo dục",
    "Y tế",
    "Nông thôn mới",
    "Giảm nghèo",
    "Doanh nghiệp",
    "Dân vận",
    "Khác",
]


def seed(award_type_model, ethnic_group_model, sector_model):
    """Create what is missing; never overwrite an editor's changes. A title already there
    with no legal basis gets the law's: its basis, and its kinds when they are still every
    kind (what the single "any" value became) — kinds an editor narrowed are kept."""
    fields = {field.name for field in award_type_model._meta.get_fields()}
    if "recipients" not in fields:
        return seed_lists(ethnic_group_model, sector_model)  # 0002: before the kinds' list
    for order, (name, category, kinds, basis) in enumerate(AWARD_TYPES, start=1):
        award_type, created = award_type_model.objects.get_or_create(
            name=name,
            defaults={
                "category": category,
                "recipients": kinds,
                "legal_basis": basis,
                "sort_order": order * 10,
            },
        )
        if created or award_type.legal_basis:
            continue
        award_type.legal_basis = basis
        if sorted(award_type.recipients or []) == sorted(ALL_KINDS):
            award_type.recipients = kinds
        award_type.save(update_fields=["legal_basis", "recipients"])
    seed_lists(ethnic_group_model, sector_model)


def seed_lists(ethnic_group_model, sector_model):
    for order, (name, official) in enumerate(ETHNIC_GROUPS, start=1):
        ethnic_group_model.objects.get_or_create(
            name=name, defaults={"official_name": official, "sort_order": order * 10}
        )
    for order, name in enumerate(SECTORS, start=1):
        sector_model.objects.get_or_create(name=name, defaults={"sort_order": order * 10})
