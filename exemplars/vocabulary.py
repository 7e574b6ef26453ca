"""The controlled vocabularies' starting lists (Law 06/2022/QH15, Kon Tum's ethnic groups, fields).

Seeded by a data migration (so they exist without the demo) and editable in the admin.
"""

# (name, category, recipient)
AWARD_TYPES = [
    ("Chiến sĩ thi đua toàn quốc", "emulation_title", "individual"),
    ("Chiến sĩ thi đua bộ, ban, ngành, tỉnh", "emulation_title", "individual"),
    ("Chiến sĩ thi đua cơ sở", "emulation_title", "individual"),
    ("Lao động tiên tiến", "emulation_title", "individual"),
    ("Chiến sĩ tiên tiến", "emulation_title", "individual"),
    ("Cờ thi đua của Chính phủ", "emulation_title", "collective"),
    ("Cờ thi đua của bộ, ban, ngành, tỉnh", "emulation_title", "collective"),
    ("Tập thể lao động xuất sắc", "emulation_title", "collective"),
    ("Đơn vị quyết thắng", "emulation_title", "collective"),
    ("Tập thể lao động tiên tiến", "emulation_title", "collective"),
    ("Đơn vị tiên tiến", "emulation_title", "collective"),
    ("Xã, phường, thị trấn tiêu biểu", "emulation_title", "commune"),
    ("Thôn, tổ dân phố văn hóa", "emulation_title", "village"),
    ("Gia đình văn hóa", "emulation_title", "household"),
    ("Huân chương Sao vàng", "order", "any"),
    ("Huân chương Hồ Chí Minh", "order", "any"),
    ("Huân chương Độc lập hạng Nhất", "order", "any"),
    ("Huân chương Độc lập hạng Nhì", "order", "any"),
    ("Huân chương Độc lập hạng Ba", "order", "any"),
    ("Huân chương Quân công hạng Nhất", "order", "any"),
    ("Huân chương Quân công hạng Nhì", "order", "any"),
    ("Huân chương Quân công hạng Ba", "order", "any"),
    ("Huân chương Lao động hạng Nhất", "order", "any"),
    ("Huân chương Lao động hạng Nhì", "order", "any"),
    ("Huân chương Lao động hạng Ba", "order", "any"),
    ("Huân chương Bảo vệ Tổ quốc hạng Nhất", "order", "any"),
    ("Huân chương Bảo vệ Tổ quốc hạng Nhì", "order", "any"),
    ("Huân chương Bảo vệ Tổ quốc hạng Ba", "order", "any"),
    ("Huân chương Chiến công hạng Nhất", "order", "any"),
    ("Huân chương Chiến công hạng Nhì", "order", "any"),
    ("Huân chương Chiến công hạng Ba", "order", "any"),
    ("Huân chương Đại đoàn kết dân tộc", "order", "any"),
    ("Huân chương Dũng cảm", "order", "individual"),
    ("Huân chương Hữu nghị", "order", "any"),
    ("Huy chương Quân kỳ quyết thắng", "medal", "individual"),
    ("Huy chương Vì an ninh Tổ quốc", "medal", "individual"),
    ("Huy chương Chiến sĩ vẻ vang hạng Nhất", "medal", "individual"),
    ("Huy chương Chiến sĩ vẻ vang hạng Nhì", "medal", "individual"),
    ("Huy chương Chiến sĩ vẻ vang hạng Ba", "medal", "individual"),
    ("Huy chương Hữu nghị", "medal", "individual"),
    ("Bà mẹ Việt Nam anh hùng", "honorary_title", "individual"),
    ("Anh hùng Lực lượng vũ trang nhân dân", "honorary_title", "any"),
    ("Anh hùng Lao động", "honorary_title", "any"),
    ("Nhà giáo nhân dân", "honorary_title", "individual"),
    ("Nhà giáo ưu tú", "honorary_title", "individual"),
    ("Thầy thuốc nhân dân", "honorary_title", "individual"),
    ("Thầy thuốc ưu tú", "honorary_title", "individual"),
    ("Nghệ sĩ nhân dân", "honorary_title", "individual"),
    ("Nghệ sĩ ưu tú", "honorary_title", "individual"),
    ("Nghệ nhân nhân dân", "honorary_title", "individual"),
    ("Nghệ nhân ưu tú", "honorary_title", "individual"),
    ("Tỉnh, Thành phố Anh hùng", "honorary_title", "collective"),
    ("Giải thưởng Hồ Chí Minh", "prize", "any"),
    ("Giải thưởng Nhà nước", "prize", "any"),
    ("Kỷ niệm chương", "commemorative", "individual"),
    ("Bằng khen của Thủ tướng Chính phủ", "merit", "any"),
    ("Bằng khen của bộ, ban, ngành, tỉnh", "merit", "any"),
    ("Giấy khen", "commendation", "any"),
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
    """Create what is missing; never overwrite an editor's changes."""
    for order, (name, category, recipient) in enumerate(AWARD_TYPES, start=1):
        award_type_model.objects.get_or_create(
            name=name,
            defaults={"category": category, "recipient": recipient, "sort_order": order * 10},
        )
    for order, (name, official) in enumerate(ETHNIC_GROUPS, start=1):
        ethnic_group_model.objects.get_or_create(
            name=name, defaults={"official_name": official, "sort_order": order * 10}
        )
    for order, name in enumerate(SECTORS, start=1):
        sector_model.objects.get_or_create(name=name, defaults={"sort_order": order * 10})
